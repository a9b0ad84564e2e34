import { tokenMatcher } from "chevrotain";
import type { FieldType } from "../catalog/endpoints.js";
import type { FieldCatalog } from "../catalog/field-catalog.js";
import { judgeOperator } from "../catalog/operators.js";
import type { ResolvedCatalog } from "../catalog/resolve.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { readOptions, resolveCatalogOption, resolveLimits } from "../options.js";
import { printFieldPath } from "../print/print-value.js";
import type { Operator } from "../syntax/ast.js";
import { scan, type ScannedToken } from "../syntax/lexer.js";
import { CONNECTIVES, describeOperator, OPERATOR_TABLE, VALUE_WORDS, type OperatorEntry } from "../syntax/operator-table.js";
import * as T from "../syntax/tokens.js";
import { toEpochMs } from "../values/time.js";
import { contextAfter, type Context } from "./context.js";
import { pathCandidates, segmentOptions, type FieldScope } from "./field-options.js";
import { checkPosition } from "./position.js";
import { matchLabel, rank, type Candidate } from "./rank.js";
import type { AssistOptions, CompletionOption, CompletionResult, ValuePosition } from "./types.js";
import { valueOptions } from "./value-options.js";

/*
 * Completion from dfsq's own tokens and catalog. The text before the cursor says, through
 * context.ts, what may come next; the endpoint's catalog narrows it to the fields that exist, the
 * operators their types take and the values that fit (documented value sets among them). What was
 * typed picks and orders the options (rank.ts). Nothing is offered that would make the expression
 * invalid where something valid can be offered.
 */

const WORD = /^[A-Za-z_0-9.]*$/;

interface Env {
  readonly catalog: ResolvedCatalog | undefined;
  readonly fields: FieldCatalog | undefined;
  readonly nowMs: number;
  readonly maxSortRules: number;
}

/** How well a field type takes the operators an entry sends: allowed, disputed (offered lower), or not. */
function fit(env: Env, type: FieldType | undefined, ops: readonly Operator[]): "allowed" | "disputed" | "no" {
  if (type === undefined || env.catalog === undefined) return "allowed";
  let verdict: "allowed" | "disputed" = "allowed";
  for (const op of ops) {
    const v = judgeOperator(env.catalog, type, op);
    if (v.kind === "not_allowed") return "no";
    if (v.kind !== "allowed") verdict = "disputed";
  }
  return verdict;
}

function typeOf(env: Env, field: string | undefined): FieldType | undefined {
  return field === undefined || field === "" ? undefined : env.fields?.lookup(field)?.type;
}

const byText = new Map(OPERATOR_TABLE.map((e) => [e.text, e]));

function operatorOption(env: Env, type: FieldType | undefined, entry: OperatorEntry, label = entry.text): CompletionOption | undefined {
  // `is null` sends `=`/`<>` with null, which no type table rules on: offered last, with its caution.
  const verdict = entry.operand === "none" ? "allowed" : fit(env, type, entry.sends);
  if (verdict === "no") return undefined;
  const keyword = /^[a-z]/.test(label);
  return {
    label,
    kind: keyword ? "keyword" : "operator",
    detail: verdict === "disputed" ? `${entry.meaning} (the docs disagree)` : entry.meaning,
    info: describeOperator(entry),
    apply: entry.operand === "none" ? label : `${label} `,
    boost: entry.operand === "none" ? -20 : verdict === "disputed" ? -10 : entry.text.startsWith("not ") ? -1 : 0,
  };
}

/** After a field: its operators (in the table's order), and for a bare boolean field, and/or. */
function operatorOptions(env: Env, field: string): CompletionOption[] {
  const type = typeOf(env, field);
  const out: CompletionOption[] = [];
  for (const entry of OPERATOR_TABLE) {
    const option = operatorOption(env, type, entry);
    if (option !== undefined) out.push(option);
  }
  if (type === undefined || type === "bool") out.push(...connectives(0, -5));
  return out;
}

/** After `field not`: what `not` may negate, labelled as written after it (`like`, not `not like`). */
function negatedOptions(env: Env, field: string): CompletionOption[] {
  const type = typeOf(env, field);
  const out: CompletionOption[] = [];
  for (const entry of OPERATOR_TABLE) {
    const negated = entry.negation === undefined ? undefined : byText.get(entry.negation);
    if (negated === undefined) continue;
    const option = operatorOption(env, type, negated, entry.text);
    if (option !== undefined) out.push({ ...option, boost: option.boost === -1 ? 0 : option.boost });
  }
  return out;
}

const wordMeaning = (text: string) => [...CONNECTIVES, ...VALUE_WORDS].find((w) => w.text === text)!.meaning;

function connectives(depth: number, boost = 0): CompletionOption[] {
  const out: CompletionOption[] = [
    { label: "and", kind: "keyword", detail: wordMeaning("and"), apply: "and ", boost },
    { label: "or", kind: "keyword", detail: wordMeaning("or"), apply: "or ", boost },
  ];
  if (depth > 0) out.push({ label: ")", kind: "punctuation", detail: "close the group", boost });
  return out;
}

/** Field references: other fields of the same type, where the endpoint takes them. */
function referenceOptions(env: Env, field: string): CompletionOption[] {
  if (env.catalog?.endpoint?.fieldReferences !== "documented" || env.fields === undefined) return [];
  const type = typeOf(env, field);
  return Object.entries(env.fields.fields)
    .filter(([path, t]) => t === type && path !== field && !path.includes("$"))
    .map(([path, t]) => {
      const text = printFieldPath(path);
      return { label: path, kind: "field" as const, detail: `${t} field`, boost: -5, ...(text === path ? {} : { apply: text }) };
    });
}

function sortRulesBefore(tokens: readonly ScannedToken[]): Set<string> {
  const used = new Set<string>();
  for (const t of tokens) if (tokenMatcher(t, T.FieldName)) used.add(typeof t.payload === "string" ? t.payload : t.image);
  return used;
}

function fieldScope(env: Env, sortable: boolean, exclude: ReadonlySet<string>): FieldScope | undefined {
  return env.catalog === undefined || env.fields === undefined ? undefined : { catalog: env.catalog, fields: env.fields, sortable, exclude };
}

function valueScope(env: Env, field: string | undefined) {
  const match = field === undefined || field === "" ? undefined : env.fields?.lookup(field);
  return { catalog: env.catalog, pattern: match?.pattern, type: match?.type, nowMs: env.nowMs };
}

/** What may come next in `ctx`, before any matching. `parent` is a typed path's segments before its last dot. */
function optionsFor(ctx: Context, depth: number, env: Env, parent: readonly string[], before: readonly ScannedToken[]): CompletionOption[] {
  switch (ctx.kind) {
    case "condition": {
      const scope = fieldScope(env, false, new Set());
      const fields = scope === undefined ? [] : segmentOptions(scope, parent);
      if (parent.length > 0) return fields;
      return [
        ...fields,
        { label: "not", kind: "keyword", detail: "negate", info: "`not`: " + wordMeaning("not"), apply: "not ", boost: -2 },
        { label: "(", kind: "punctuation", detail: "a group", boost: -3 },
      ];
    }
    case "afterField":
      return operatorOptions(env, ctx.field);
    case "afterFieldNot":
      return negatedOptions(env, ctx.field);
    case "afterIs":
      return ctx.negated ? [{ label: "null", kind: "keyword", apply: "null" }] : [
        { label: "null", kind: "keyword", apply: "null" },
        { label: "not null", kind: "keyword", apply: "not null" },
      ];
    case "operand":
      return [...valueOptions(valueScope(env, ctx.field), ctx.op, false), ...referenceOptions(env, ctx.field)];
    case "value":
      return valueOptions(valueScope(env, ctx.field), ctx.op, false);
    case "number":
      return [];
    case "list":
      return [{ label: "(", kind: "punctuation", detail: "a list of values" }];
    case "listValue":
      return valueOptions(valueScope(env, ctx.field), "in", true);
    case "afterListValue":
      return [
        { label: ",", kind: "punctuation", detail: "another value" },
        { label: ctx.close === T.RBracket ? "]" : ")", kind: "punctuation", detail: "end of the list" },
      ];
    case "afterTime": {
      const more: CompletionOption[] = [
        { label: "- 7d", kind: "value", detail: "a week earlier", apply: "- 7d" },
        { label: "+ 1d", kind: "value", detail: "a day later", apply: "+ 1d" },
      ];
      const next: Context =
        ctx.next.kind === "condition"
          ? { kind: "afterCondition" }
          : ctx.next.kind === "betweenLow"
            ? { kind: "betweenAnd", field: ctx.next.field }
            : { kind: "afterListValue", field: ctx.next.field, close: ctx.next.close };
      return [...more, ...optionsFor(next, depth, env, parent, before)];
    }
    case "duration":
      return ["1d", "7d", "30d", "1w", "12h"].map((label) => ({ label, kind: "value" as const, detail: "a duration" }));
    case "betweenAnd":
      return [{ label: "and", kind: "keyword", detail: "the upper bound follows", apply: "and " }];
    case "afterCondition":
      return connectives(depth);
    case "sortField": {
      // After `rank,` the API's own spelling `rank,desc` may follow: the rule's direction.
      const directions: CompletionOption[] =
        ctx.direction === true && parent.length === 0
          ? [
              { label: "desc", kind: "keyword", detail: wordMeaning("desc") },
              { label: "asc", kind: "keyword", detail: wordMeaning("asc") },
            ]
          : [];
      const used = sortRulesBefore(before);
      if (used.size >= env.maxSortRules) return directions;
      const scope = fieldScope(env, true, used);
      return scope === undefined ? directions : [...segmentOptions(scope, parent), ...directions];
    }
    case "afterSortField":
    case "afterDirection": {
      const rules = sortRulesBefore(before).size;
      const out: CompletionOption[] =
        ctx.kind === "afterSortField"
          ? [
              { label: "desc", kind: "keyword", detail: wordMeaning("desc") },
              { label: "asc", kind: "keyword", detail: wordMeaning("asc") },
            ]
          : [];
      if (rules < env.maxSortRules) out.push({ label: ",", kind: "punctuation", detail: "another sort rule", apply: ", " });
      return out;
    }
    case "lost":
      return [];
  }
}

/** The field and operator of a value position, if the context is one (patterns excluded). */
function valuePlace(ctx: Context): { field: string; op: string } | undefined {
  switch (ctx.kind) {
    case "operand":
    case "value":
      return /like|regex|match/.test(ctx.op) || ctx.field === "" ? undefined : { field: ctx.field, op: ctx.op };
    case "listValue":
      return ctx.field === "" ? undefined : { field: ctx.field, op: "in" };
    default:
      return undefined;
  }
}

const KEYWORD_TYPES = new Set(T.keywords.map(([, type]) => type));

/** Tokens whose text the completion replaces when the cursor is in or right after them. */
const isWordToken = (t: ScannedToken) => tokenMatcher(t, T.FieldName) || KEYWORD_TYPES.has(t.tokenType) || t.tokenType === T.Number || t.tokenType === T.Duration;
const isOperatorToken = (t: ScannedToken) =>
  tokenMatcher(t, T.CompareOp) || t.tokenType === T.Bang || t.tokenType === T.Tilde || t.tokenType === T.NotTilde;
/** A string the cursor is inside of: its closing quote (if any) is after the cursor. */
const isOpenString = (t: ScannedToken) => t.tokenType === T.UnterminatedString;

/** The end of the string that starts at `start` in the whole source (strings end with their line). */
function stringEnd(source: string, start: number, at: number): number {
  const line = source.slice(start).split(/[\n\r]/, 1)[0]!;
  const first = scan(line).tokens[0];
  return first !== undefined && first.tokenType !== T.UnterminatedString && tokenMatcher(first, T.StringLiteral) ? start + first.image.length : at;
}

/** Where what was typed is matched: the label without its quote for a quoted value. */
function candidate(option: CompletionOption, typed: string): Candidate | undefined {
  const anywhere = option.kind === "field" || option.kind === "namespace";
  if (option.kind === "value" && option.label.startsWith('"') && option.apply === undefined) {
    const m = matchLabel(option.label.slice(1), typed, false);
    return m === undefined ? undefined : { option, match: { tier: m.tier, at: m.at + 1 } };
  }
  const match = matchLabel(option.label, typed, anywhere);
  // An option that is exactly what was typed adds nothing, except a field (it stays listed).
  if (match === undefined || (match.tier === 0 && !anywhere)) return undefined;
  return { option, match };
}

/**
 * Completions at `offset`: `{from, to, options, value?}`, where `[from, to)` is the text the chosen
 * option replaces (the word or string being typed), `options` come best first, and `value` is set
 * where a value of a known field is expected (an application may add its own). Null when nothing
 * fits there. An offset outside the text counts from its nearest end; invalid options are left out
 * (`analyze` reports them). Throws DfsqError (`invalid_argument`) when `source` is not a string or
 * `offset` not a whole number.
 */
export function complete(source: string, offset: number, given: AssistOptions = {}): CompletionResult | null {
  checkPosition("complete", source, offset);
  const options = readOptions<AssistOptions>(given, () => {});
  const at = Math.max(0, Math.min(offset, source.length));
  const mode = options.mode ?? "filter";
  const { tokens } = scan(source.slice(0, at));
  const last = tokens[tokens.length - 1];
  const touching = last !== undefined && last.startOffset + last.image.length === at ? last : undefined;
  let from = at;
  let to = at;
  let prefix = "";
  let parent: string[] = [];
  let before = tokens;
  let inString = false;
  if (touching !== undefined && isOpenString(touching)) {
    // Typing a value in quotes: only values may complete it.
    before = tokens.slice(0, -1);
    inString = true;
    prefix = touching.image.slice(1);
    from = touching.startOffset;
    to = stringEnd(source, from, at);
  } else if (touching !== undefined && (tokenMatcher(touching, T.StringLiteral) || touching.tokenType === T.QuotedField || touching.tokenType === T.UnterminatedField)) {
    // Right after a closed string, or inside a quoted field name, there is nothing to offer.
    return null;
  } else if (touching !== undefined && isWordToken(touching) && WORD.test(touching.image)) {
    before = tokens.slice(0, -1);
    const text = touching.image;
    const dot = text.lastIndexOf(".");
    parent = dot < 0 ? [] : text.slice(0, dot).split(".");
    prefix = text.slice(dot + 1);
    from = touching.startOffset + dot + 1;
  } else if (
    source[at - 1] === "." &&
    last !== undefined &&
    tokenMatcher(last, T.FieldName) &&
    last.tokenType !== T.QuotedField &&
    last.startOffset + last.image.length === at - 1
  ) {
    // `metrics.`: a path whose next segment has not begun (the scanner leaves the dot unmatched).
    before = tokens.slice(0, -1);
    parent = last.image.split(".");
  } else if (touching !== undefined && isOperatorToken(touching)) {
    before = tokens.slice(0, -1);
    prefix = touching.image;
    from = touching.startOffset;
  }
  const bag = new DiagnosticBag(source);
  // In order-by mode an endpoint without order_by has no fields to offer (analyze says why).
  const catalog = resolveCatalogOption(options, bag, mode === "orderBy" ? "order_by" : "filters");
  const { maxSortRules } = resolveLimits(options, catalog?.endpoint?.maxConditions);
  const env: Env = { catalog, fields: catalog?.fields, nowMs: toEpochMs(options.now), maxSortRules };
  const { context, depth } = contextAfter(before, mode);
  // A dotted prefix only makes sense where a field is expected.
  if (parent.length > 0 && context.kind !== "condition" && context.kind !== "sortField" && context.kind !== "operand") return null;
  const place = valuePlace(context);
  if (inString && place === undefined) return null;
  let all = optionsFor(context, depth, env, parent, before);
  if (inString) all = all.filter((o) => o.kind === "value" && o.label.length > 2 && o.label.startsWith('"') && o.apply === undefined);
  const typed = prefix.toLowerCase();
  const candidates: Candidate[] = [];
  for (const option of all) {
    const c = candidate(option, typed);
    if (c !== undefined) candidates.push(c);
  }
  // A word without a dot where a field may stand also finds fields by a later segment.
  if (parent.length === 0 && typed !== "") candidates.push(...partialPaths(env, context, before, typed));
  const ranked = rank(candidates, typed);
  const value: ValuePosition | undefined =
    place === undefined || parent.length > 0 ? undefined : { field: place.field, ...typeField(env, place.field), prefix };
  if (ranked.length === 0 && value === undefined) return null;
  return value === undefined ? { from, to, options: ranked } : { from, to, options: ranked, value };
}

/** Whole paths matched by a later segment, where a field (or an unused sort field) may stand. */
function partialPaths(env: Env, context: Context, before: readonly ScannedToken[], typed: string): Candidate[] {
  if (context.kind === "condition") {
    const scope = fieldScope(env, false, new Set());
    return scope === undefined ? [] : pathCandidates(scope, typed);
  }
  if (context.kind !== "sortField") return [];
  const used = sortRulesBefore(before);
  const scope = used.size < env.maxSortRules ? fieldScope(env, true, used) : undefined;
  return scope === undefined ? [] : pathCandidates(scope, typed);
}

function typeField(env: Env, field: string): { type?: FieldType } {
  const type = typeOf(env, field);
  return type === undefined ? {} : { type };
}
