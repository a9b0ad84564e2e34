import * as messages from "../diagnostics/messages.js";
import { OPERATORS, type Operator } from "../syntax/ast.js";
import type { EndpointSpec, FieldType, FilterParam, OperatorProfile } from "./endpoints.js";
import { operatorListOf, type OperatorList } from "./operator-lists.js";

/*
 * Which operators a field takes on an endpoint, from two kinds of DataForSEO source:
 * - the type tables of filters-spec.md 2.1: per API, the operators each field type takes (the
 *   "filter_operator" lists of the Backlinks, Labs and Content Analysis filters pages, and the
 *   help center's On-Page list). Business Data, Domain Analytics, App Data and LLM Mentions have none.
 * - the endpoint pages' own lists (filters-spec.md 2.2, operator-lists.ts), which name operators
 *   but no types.
 * An operator is allowed where both sources allow it. Where one allows it and the other omits it,
 * or the sources of one kind disagree, it is a warning that names both (operator_conflict); where
 * the verdict rests on a guess (no type table, or a list taken from another page), a warning that
 * says what is guessed (operator_unverified). docs/catalogs.md explains the choices.
 */

export interface OperatorRules {
  readonly allowed: Readonly<Record<FieldType, readonly Operator[]>>;
  /** Operators the docs disagree on, with what they say. */
  readonly conflicts: Readonly<Partial<Record<FieldType, Readonly<Partial<Record<Operator, string>>>>>>;
}

export interface TypeTable extends OperatorRules {
  /** The source, for messages: "the Backlinks filters page". */
  readonly name: string;
}

const NUM: readonly Operator[] = ["<", "<=", ">", ">=", "=", "<>", "in", "not_in"];
const STR: readonly Operator[] = ["match", "not_match", "like", "not_like", "ilike", "not_ilike", "in", "not_in", "=", "<>", "regex", "not_regex"];
const ARRAY: readonly Operator[] = ["has", "has_not"];
const TIME: readonly Operator[] = ["<", ">"];

const TIME_CONFLICT =
  "DataForSEO's type lists allow only `<` and `>` on time fields, while the older per-field table of the Backlinks filters page also lists `<=`, `>=`, `=`, `<>`, `in` and `not_in`";
const TIME_CONFLICTS: Partial<Record<Operator, string>> = Object.fromEntries(
  (["<=", ">=", "=", "<>", "in", "not_in"] as const).map((op) => [op, TIME_CONFLICT]),
);

const BACKLINKS_LIKE: OperatorRules = {
  allowed: { bool: ["=", "<>"], num: NUM, str: STR, "array.str": ARRAY, "array.num": ARRAY, time: TIME },
  conflicts: { time: TIME_CONFLICTS },
};

const ON_PAGE_TIME = "the help center's On-Page operator list documents no operators for time fields";
const ON_PAGE_ARRAY_NUM = "the help center's On-Page operator list documents no operators for array.num fields";

/** The type tables of filters-spec.md 2.1, per API that has one. */
export const TYPE_TABLES: Readonly<Record<Exclude<OperatorProfile, "generic">, TypeTable>> = {
  backlinks: { ...BACKLINKS_LIKE, name: "the Backlinks filters page" },
  labs: { ...BACKLINKS_LIKE, name: "the Labs filters page" },
  content_analysis: {
    name: "the Content Analysis filters page",
    allowed: {
      bool: ["=", "<>"],
      num: NUM,
      str: ["like", "not_like", "=", "<>", "regex", "not_regex", "in", "not_in", "match", "not_match"],
      "array.str": ARRAY,
      "array.num": ARRAY,
      time: TIME,
    },
    conflicts: { time: TIME_CONFLICTS },
  },
  on_page: {
    name: "the help center's On-Page operator list",
    allowed: {
      bool: ["=", "<>"],
      num: NUM,
      str: ["regex", "match", "not_match", "like", "not_like", "in", "not_in", "=", "<>"],
      "array.str": ARRAY,
      "array.num": [],
      time: [],
    },
    conflicts: {
      str: {
        not_regex:
          "the help center's On-Page operator list omits `not_regex`, while the On-Page endpoint pages list it",
      },
      time: Object.fromEntries((["<", ">", "<=", ">=", "=", "<>"] as const).map((op) => [op, ON_PAGE_TIME])),
      "array.num": { has: ON_PAGE_ARRAY_NUM, has_not: ON_PAGE_ARRAY_NUM },
    },
  },
};

/**
 * What an API without a type table is judged by: the Backlinks and Labs lists, the widest. Every
 * operator that no type table allows on a type, disputed or not, is implausible on it (`like` on
 * a number) and refused whatever an endpoint's list says.
 */
const BORROWED_TABLE: TypeTable = { ...BACKLINKS_LIKE, name: "the Backlinks and Labs filters pages" };

/** Where the verdict is asked: the endpoint (whose page prints its own list) and its parameter. */
export interface OperatorScope {
  readonly profile: OperatorProfile;
  readonly endpoint?: EndpointSpec | undefined;
  /** Default `filters`. */
  readonly param?: FilterParam | undefined;
}

export type OperatorVerdict =
  | { readonly kind: "allowed" }
  /** Two DataForSEO sources about this endpoint disagree. */
  | { readonly kind: "conflict"; readonly reason: string }
  /** No source about this endpoint settles it; allowed on a named guess. */
  | { readonly kind: "unverified"; readonly reason: string }
  /** `reason` is set where the endpoint's list, not the type, rules the operator out. */
  | { readonly kind: "not_allowed"; readonly allowed: readonly Operator[]; readonly reason?: string };

type Assessment = Exclude<OperatorVerdict, { kind: "not_allowed" }> | { readonly kind: "not_allowed"; readonly reason?: string };

const ALLOWED: Assessment = { kind: "allowed" };
const REFUSED: Assessment = { kind: "not_allowed" };

/** Operators a list may leave out wholesale (see `listSays`). */
const KINDS: readonly (readonly Operator[])[] = [["<", "<=", ">", ">="], ["has", "has_not"]];
const kindOf = (op: Operator) => KINDS.find((k) => k.includes(op));

function tableSays(table: OperatorRules, type: FieldType, op: Operator): "allow" | "omit" | { dispute: string } {
  if (table.allowed[type].includes(op)) return "allow";
  const dispute = table.conflicts[type]?.[op];
  return dispute === undefined ? "omit" : { dispute };
}

/**
 * What a page's list says of `op`. Many lists leave out every comparison operator, or `has` and
 * `has_not`, although the same pages' examples use them (`["rank",">","80"]` on
 * backlinks/backlinks, `has` on content_analysis/search): a list without any operator of such a
 * kind is silent on it, not a refusal.
 */
function listSays(list: OperatorList | undefined, op: Operator): "allow" | "omit" | "silent" {
  if (list === undefined) return "silent";
  if (list.ops.has(op)) return "allow";
  const kind = kindOf(op);
  return kind !== undefined && !kind.some((o) => list.ops.has(o)) ? "silent" : "omit";
}

/** "`backlinks/referring_domains` lists no `ilike` in its `filters` row", and the like for a borrowed list. */
function listPhrase(scope: OperatorScope, list: OperatorList, op: Operator, lists: boolean): string {
  return messages.listSays(scope.endpoint!.id, scope.param ?? "filters", op, lists, list.borrowed);
}

function withTable(scope: OperatorScope, table: TypeTable, list: OperatorList | undefined, type: FieldType, op: Operator): Assessment {
  const fromTable = tableSays(table, type, op);
  const fromList = listSays(list, op);
  if (typeof fromTable === "object") return { kind: "conflict", reason: fromTable.dispute };
  if (fromList === "silent" || (fromList === "allow") === (fromTable === "allow")) return fromTable === "allow" ? ALLOWED : REFUSED;
  const reason = messages.listAgainstTable(listPhrase(scope, list!, op, fromList === "allow"), messages.tableSays(table.name, type, op, fromTable === "allow"));
  return { kind: list!.borrowed === undefined ? "conflict" : "unverified", reason };
}

function withoutTable(scope: OperatorScope, list: OperatorList | undefined, type: FieldType, op: Operator): Assessment {
  const fromTable = tableSays(BORROWED_TABLE, type, op);
  // No endpoint: a user catalog of unknown origin, judged by the widest table as it always was.
  if (list === undefined) return typeof fromTable === "object" ? { kind: "conflict", reason: fromTable.dispute } : ALLOWED;
  const fromList = listSays(list, op);
  if (fromList === "omit") return { kind: "not_allowed", reason: messages.listWithoutTable(listPhrase(scope, list, op, false)) };
  if (fromList === "silent") {
    const guess = typeof fromTable === "object" ? fromTable.dispute : messages.tablesAllow(BORROWED_TABLE.name, type);
    return { kind: "unverified", reason: messages.silentWithoutTable(scope.endpoint!.id, scope.param ?? "filters", kindOf(op)!, guess) };
  }
  if (typeof fromTable === "object") {
    return { kind: "unverified", reason: messages.listedWithoutTable(listPhrase(scope, list, op, true), fromTable.dispute) };
  }
  return ALLOWED;
}

/** Plausible on a type: some type table allows or disputes it. */
const plausible = (type: FieldType, op: Operator) => tableSays(BACKLINKS_LIKE, type, op) !== "omit";

/** The operators a type may take, in the order of the Backlinks and Labs type lists, then the rest. */
const byType = (type: FieldType): Operator[] => {
  const first = [...BACKLINKS_LIKE.allowed[type], ...(Object.keys(BACKLINKS_LIKE.conflicts[type] ?? {}) as Operator[])];
  return [...first, ...OPERATORS.filter((op) => !first.includes(op))];
};

function assess(scope: OperatorScope, type: FieldType, op: Operator): Assessment {
  if (!plausible(type, op)) return REFUSED;
  const list = scope.endpoint === undefined ? undefined : operatorListOf(scope.endpoint.id, scope.param ?? "filters");
  return scope.profile === "generic"
    ? withoutTable(scope, list, type, op)
    : withTable(scope, TYPE_TABLES[scope.profile], list, type, op);
}

/** Per scope and type, every operator's assessment (a few hundred scopes at most). */
/** Assessments by endpoint (or profile, without one), parameter and type: three lookups in Maps
 * instead of a key string built per condition (typed compile of 8 conditions: 14 % of its time). */
const assessed = new Map<EndpointSpec | string, Map<string, Map<FieldType, ReadonlyMap<Operator, Assessment>>>>();

function assessments(scope: OperatorScope, type: FieldType): ReadonlyMap<Operator, Assessment> {
  // An endpoint has one profile; a scope that pairs it with another (or has none) is keyed by both.
  const owner = scope.endpoint !== undefined && scope.endpoint.profile === scope.profile ? scope.endpoint : `${scope.profile} ${scope.endpoint?.id ?? ""}`;
  let byParam = assessed.get(owner);
  if (byParam === undefined) assessed.set(owner, (byParam = new Map()));
  const param = scope.param ?? "filters";
  let byType_ = byParam.get(param);
  if (byType_ === undefined) byParam.set(param, (byType_ = new Map()));
  let table = byType_.get(type);
  if (table === undefined) {
    table = new Map(byType(type).map((op) => [op, assess(scope, type, op)]));
    byType_.set(type, table);
  }
  return table;
}

/**
 * Whether a field of `type` takes `op` on the scope's endpoint and parameter. A pure function of
 * its arguments: any phase may ask it (the checks, completion, hover, listings).
 */
export function judgeOperator(scope: OperatorScope, type: FieldType, op: Operator): OperatorVerdict {
  const verdict = assessments(scope, type).get(op)!;
  return verdict.kind === "not_allowed" ? { ...verdict, allowed: operatorsFor(scope, type) } : verdict;
}

/** Every operator a field of `type` may take in the scope (allowed, disputed or unverified), in the order of the Backlinks type list. */
export function operatorsFor(scope: OperatorScope, type: FieldType): Operator[] {
  return [...assessments(scope, type)].filter(([, v]) => v.kind !== "not_allowed").map(([op]) => op);
}

/** The reason behind each operator of `type` that is disputed or unverified in the scope. */
export function operatorCaveats(scope: OperatorScope, type: FieldType): Partial<Record<Operator, OperatorCaveat>> {
  const out: Partial<Record<Operator, OperatorCaveat>> = {};
  for (const [op, v] of assessments(scope, type)) if (v.kind === "conflict" || v.kind === "unverified") out[op] = v;
  return out;
}

export type OperatorCaveat = Extract<OperatorVerdict, { kind: "conflict" | "unverified" }>;
