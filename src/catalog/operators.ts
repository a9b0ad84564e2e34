import type { Operator } from "../syntax/ast.js";
import type { FieldType, OperatorProfile } from "./endpoints.js";

/*
 * Which operators each field type takes, per API: filters-spec.md 2.1 (the "filter_operator"
 * type lists of the Backlinks, Labs and Content Analysis filters pages, and the help center's
 * On-Page list). Where DataForSEO's pages disagree, the operator is allowed with a warning that
 * names the disagreement instead of a guess either way.
 */

export interface OperatorRules {
  readonly allowed: Readonly<Record<FieldType, readonly Operator[]>>;
  /** Operators the docs disagree on, with what they say. */
  readonly conflicts: Readonly<Partial<Record<FieldType, Readonly<Partial<Record<Operator, string>>>>>>;
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

const ON_PAGE_TIME = "the On-Page operator list documents no operators for time fields";
const ON_PAGE_ARRAY_NUM = "the On-Page operator list documents no operators for array.num fields";

export const OPERATOR_RULES: Readonly<Record<OperatorProfile, OperatorRules>> = {
  backlinks: BACKLINKS_LIKE,
  labs: BACKLINKS_LIKE,
  // An API without a type list of its own: the Backlinks/Labs table is the best available reading.
  generic: BACKLINKS_LIKE,
  content_analysis: {
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

export type OperatorVerdict =
  | { readonly kind: "allowed" }
  | { readonly kind: "conflict"; readonly reason: string }
  | { readonly kind: "not_allowed"; readonly allowed: readonly Operator[] };

export function judgeOperator(profile: OperatorProfile, type: FieldType, op: Operator): OperatorVerdict {
  const rules = OPERATOR_RULES[profile];
  const allowed = rules.allowed[type];
  if (allowed.includes(op)) return { kind: "allowed" };
  const reason = rules.conflicts[type]?.[op];
  if (reason !== undefined) return { kind: "conflict", reason };
  return { kind: "not_allowed", allowed };
}

/** Every operator a field type may take under a profile, documented or disputed. */
export function operatorsFor(profile: OperatorProfile, type: FieldType): Operator[] {
  const rules = OPERATOR_RULES[profile];
  return [...rules.allowed[type], ...(Object.keys(rules.conflicts[type] ?? {}) as Operator[])];
}
