import { tokenMatcher } from "chevrotain";
import type { FieldType } from "../catalog/endpoints.js";
import { sortability, type FieldCatalog } from "../catalog/field-catalog.js";
import { judgeOperator } from "../catalog/operators.js";
import type { ResolvedCatalog } from "../catalog/resolve.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { Operator } from "../syntax/ast.js";
import { scan, type ScannedToken } from "../syntax/lexer.js";
import { readOptions, resolveCatalogOption, resolveLimits } from "../options.js";
import * as T from "../syntax/tokens.js";
import { printFieldPath } from "../print/print-value.js";
import { segmentText } from "../values/strings.js";
import { formatApiTime, timeLiteral, toEpochMs } from "../values/time.js";
import { contextAfter, type Context } from "./context.js";
import { checkPosition } from "./position.js";
import type { AssistOptions, CompletionOption, CompletionResult } from "./types.js";

/*
 * Completion from dfsq's own tokens and catalog. The text before the cursor says, through
 * context.ts, what may come next; the endpoint's catalog narrows it to the fields that exist, the
 * operators their types take and the values that fit. Nothing is offered that would make the
 * expression invalid where something valid can be offered.
 */

/** An operator as written, the API operators it lowers to, and what it means. */
interface OperatorChoice {
  readonly label: string;
  readonly ops: readonly Operator[];
  readonly detail: string;
  readonly negatable?: boolean;
}

const OPERATOR_CHOICES: readonly OperatorChoice[] = [
  { label: "=", ops: ["="], detail: "equals" },
  { label: "<>", ops: ["<>"], detail: "does not equal" },
  { label: ">", ops: [">"], detail: "greater than" },
  { label: ">=", ops: [">="], detail: "at least" },
  { label: "<", ops: ["<"], detail: "less than" },
  { label: "<=", ops: ["<="], detail: "at most" },
  { label: "in", ops: ["in"], detail: "one of a list", negatable: true },
  { label: "like", ops: ["like"], detail: "SQL pattern, % for any text", negatable: true },
  { label: "ilike", ops: ["ilike"], detail: "like, ignoring case", negatable: true },
  { label: "regex", ops: ["regex"], detail: "RE2 regular expression", negatable: true },
  { label: "match", ops: ["match"], detail: "contains the word", negatable: true },
  { label: "has", ops: ["has"], detail: "the array holds the value", negatable: true },
  { label: "between", ops: [">=", "<="], detail: "from … to …, both included", negatable: true },
];

const NEGATED: Readonly<Record<string, readonly Operator[]>> = {
  in: ["not_in"],
  like: ["not_like"],
  ilike: ["not_ilike"],
  regex: ["not_regex"],
  match: ["not_match"],
  has: ["has_not"],
  between: ["<", ">"],
};

const WORD = /^[A-Za-z_0-9.]*$/;

interface Env {
  readonly catalog: ResolvedCatalog | undefined;
  readonly fields: FieldCatalog | undefined;
  readonly nowMs: number;
  readonly maxSortRules: number;
  readonly options: AssistOptions;
}

/** How well a field type takes a written operator: allowed, disputed (offered lower), or not. */
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
  return field === undefined ? undefined : env.fields?.lookup(field)?.type;
}

function operatorOptions(env: Env, field: string, negatedOnly: boolean): CompletionOption[] {
  const type = typeOf(env, field);
  const out: CompletionOption[] = [];
  for (const choice of OPERATOR_CHOICES) {
    const forms: [string, readonly Operator[], string][] = negatedOnly
      ? choice.negatable ? [[choice.label, NEGATED[choice.label]!, `not ${choice.detail}`]] : []
      : [[choice.label, choice.ops, choice.detail]];
    if (!negatedOnly && choice.negatable) forms.push([`not ${choice.label}`, NEGATED[choice.label]!, `not: ${choice.detail}`]);
    for (const [label, ops, detail] of forms) {
      const verdict = fit(env, type, ops);
      if (verdict === "no") continue;
      out.push({
        label,
        kind: /^[a-z]/.test(label) ? "keyword" : "operator",
        detail: verdict === "disputed" ? `${detail} (the docs disagree)` : detail,
        apply: `${label} `,
        boost: verdict === "disputed" ? -10 : label.startsWith("not ") ? -1 : 0,
      });
    }
  }
  if (!negatedOnly) {
    out.push({ label: "is null", kind: "keyword", detail: "no value (undocumented)", apply: "is null", boost: -20 });
    out.push({ label: "is not null", kind: "keyword", detail: "has a value (undocumented)", apply: "is not null", boost: -20 });
    if (type === undefined || type === "bool") out.push(...connectives(env, 0, -5).filter((o) => o.label !== ")"));
  }
  return out;
}

function connectives(_env: Env, depth: number, boost = 0): CompletionOption[] {
  const out: CompletionOption[] = [
    { label: "and", kind: "keyword", detail: "both", apply: "and ", boost },
    { label: "or", kind: "keyword", detail: "either", apply: "or ", boost },
  ];
  if (depth > 0) out.push({ label: ")", kind: "punctuation", detail: "close the group", boost });
  return out;
}

function dateOptions(env: Env): CompletionOption[] {
  const today = Number.isFinite(env.nowMs) ? timeLiteral(formatApiTime(env.nowMs)).slice(0, 10) : "2024-01-31";
  return [
    { label: "now", kind: "value", detail: "the current time" },
    { label: "today", kind: "value", detail: "midnight UTC today" },
    { label: "now - 7d", kind: "value", detail: "a week ago" },
    { label: "now - 30d", kind: "value", detail: "30 days ago" },
    { label: today, kind: "value", detail: "a date (yyyy-mm-dd, UTC)" },
  ];
}

function valueOptions(env: Env, field: string | undefined, op: string, inList: boolean): CompletionOption[] {
  const type = typeOf(env, field);
  const element: FieldType | undefined = type === "array.str" ? "str" : type === "array.num" ? "num" : type;
  const pattern = /like|regex|match/.test(op);
  const out: CompletionOption[] = [];
  if (pattern) {
    if (op.includes("like")) out.push({ label: '"%…%"', kind: "value", detail: "contains", apply: '"%%"' });
    else out.push({ label: '""', kind: "value", detail: op.includes("regex") ? "an RE2 pattern" : "words", apply: '""' });
    return out;
  }
  const numeric = op === "<" || op === ">" || op === "<=" || op === ">=" || op === "between";
  if (element === undefined || element === "bool") {
    if (!numeric) {
      out.push({ label: "true", kind: "value" }, { label: "false", kind: "value" });
    }
  }
  if (element === undefined || element === "time") out.push(...dateOptions(env));
  if (element === undefined || element === "str") out.push({ label: '""', kind: "value", detail: "text", apply: '""' });
  if (!inList && (op === "=" || op === "<>" || op === "==" || op === "!=")) {
    out.push({ label: "null", kind: "value", detail: "no value (undocumented)", boost: -20 });
  }
  return out;
}

/** Field references: other fields of the same type, where the endpoint takes them. */
function referenceOptions(env: Env, field: string): CompletionOption[] {
  if (env.catalog?.endpoint?.fieldReferences !== "documented" || env.fields === undefined) return [];
  const type = typeOf(env, field);
  return Object.entries(env.fields.fields)
    .filter(([path, t]) => t === type && path !== field && !path.includes("$"))
    .map(([path, t]) => ({ label: path, kind: "field" as const, detail: `${t} field`, boost: -5, ...applied(path, printFieldPath(path)) }));
}

/** What a field option inserts where that is not its label: the name with the backquotes it needs
 * (`18-24` inserts `` `18-24` ``), so that the text parses. */
const applied = (label: string, text: string) => (text === label ? {} : { apply: text });

/** Placeholder segments complete to typical keys. */
const PLACEHOLDER_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  $tld: ["com", "org", "net"],
  $item_type: ["organic", "paid", "featured_snippet", "local_pack"],
  $page: ["1", "2"],
  $key: ["1", "2"],
};

/**
 * Field options for the segment being typed: `keyword_data.k` offers `keyword_info`,
 * `keyword`, … of `keyword_data`. `sortable` keeps order-by completion to fields that can be sorted.
 */
function fieldOptions(env: Env, parent: readonly string[], sortable: boolean, exclude: ReadonlySet<string>): CompletionOption[] {
  const fields = env.fields;
  if (fields === undefined) return [];
  const seen = new Map<string, CompletionOption>();
  const add = (o: CompletionOption) => {
    const key = `${o.label}|${o.kind}`;
    if (!seen.has(key)) seen.set(key, o);
  };
  for (const [path, type] of Object.entries(fields.fields)) {
    const segments = path.split(".");
    if (segments.length <= parent.length) continue;
    if (!parent.every((p, i) => p === segments[i] || segments[i]!.startsWith("$"))) continue;
    const next = segments[parent.length]!;
    const leaf = segments.length === parent.length + 1;
    // For an order-by, a path leads somewhere only if its field can be sorted.
    if (sortable && sortability({ pattern: path, type }) === "not_sortable") continue;
    const labels = next.startsWith("$") ? (PLACEHOLDER_EXAMPLES[next] ?? []) : [next];
    for (const label of labels) {
      if (leaf) {
        const full = [...parent, label].join(".");
        if (exclude.has(full)) continue;
        add({
          label,
          kind: "field",
          ...applied(label, segmentText(label)),
          detail: type,
          info: next.startsWith("$") ? `${path}: any ${next.slice(1)}` : fields.isDocumented(path) ? undefined : "derived from response schemas",
          boost: fields.isDocumented(path) ? 1 : 0,
        });
      } else {
        add({ label, kind: "namespace", detail: "…", apply: `${segmentText(label)}.` });
      }
    }
  }
  return [...seen.values()];
}

function sortRulesBefore(tokens: readonly ScannedToken[]): Set<string> {
  const used = new Set<string>();
  for (const t of tokens) if (tokenMatcher(t, T.FieldName)) used.add(typeof t.payload === "string" ? t.payload : t.image);
  return used;
}

function optionsFor(ctx: Context, depth: number, env: Env, parent: readonly string[], before: readonly ScannedToken[]): CompletionOption[] {
  switch (ctx.kind) {
    case "condition": {
      const out = parent.length > 0 ? [] : [
        { label: "not", kind: "keyword" as const, detail: "negate", apply: "not ", boost: -2 },
        { label: "(", kind: "punctuation" as const, detail: "a group", boost: -3 },
      ];
      return [...fieldOptions(env, parent, false, new Set()), ...out];
    }
    case "afterField":
      return operatorOptions(env, ctx.field, false);
    case "afterFieldNot":
      return operatorOptions(env, ctx.field, true).map((o) => ({ ...o, label: o.label.replace(/^not /, "") , apply: `${o.label.replace(/^not /, "")} ` }));
    case "afterIs":
      return ctx.negated ? [{ label: "null", kind: "keyword", apply: "null" }] : [
        { label: "null", kind: "keyword", apply: "null" },
        { label: "not null", kind: "keyword", apply: "not null" },
      ];
    case "operand":
      return [...valueOptions(env, ctx.field, ctx.op, false), ...referenceOptions(env, ctx.field)];
    case "value":
      return valueOptions(env, ctx.field, ctx.op, false);
    case "number":
      return [];
    case "list":
      return [{ label: "(", kind: "punctuation", detail: "a list of values" }];
    case "listValue":
      return valueOptions(env, ctx.field || undefined, "in", true);
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
      return [...more, ...optionsFor(ctx.next.kind === "condition" ? { kind: "afterCondition" } : ctx.next.kind === "betweenLow" ? { kind: "betweenAnd", field: ctx.next.field } : { kind: "afterListValue", field: ctx.next.field, close: ctx.next.close }, depth, env, parent, before)];
    }
    case "duration":
      return ["1d", "7d", "30d", "1w", "12h"].map((label) => ({ label, kind: "value" as const, detail: "a duration" }));
    case "betweenAnd":
      return [{ label: "and", kind: "keyword", detail: "the upper bound follows", apply: "and " }];
    case "afterCondition":
      return connectives(env, depth);
    case "sortField": {
      const used = sortRulesBefore(before);
      if (used.size >= env.maxSortRules) return [];
      return fieldOptions(env, parent, true, used);
    }
    case "afterSortField":
    case "afterDirection": {
      const rules = sortRulesBefore(before).size;
      const out: CompletionOption[] = ctx.kind === "afterSortField" ? [
        { label: "desc", kind: "keyword", detail: "largest first" },
        { label: "asc", kind: "keyword", detail: "smallest first (the default)" },
      ] : [];
      if (rules < env.maxSortRules) out.push({ label: ",", kind: "punctuation", detail: "another sort rule", apply: ", " });
      return out;
    }
    case "lost":
      return [];
  }
}

const KEYWORD_TYPES = new Set(T.keywords.map(([, type]) => type));

/** Tokens whose text the completion replaces when the cursor is in or right after them. */
const isWordToken = (t: ScannedToken) => tokenMatcher(t, T.FieldName) || KEYWORD_TYPES.has(t.tokenType) || t.tokenType === T.Number || t.tokenType === T.Duration;
const isOperatorToken = (t: ScannedToken) =>
  tokenMatcher(t, T.CompareOp) || t.tokenType === T.Bang || t.tokenType === T.Tilde || t.tokenType === T.NotTilde;

/**
 * Completions at `offset`: `{from, to, options}`, where `[from, to)` is the text the chosen option
 * replaces (the word being typed), or null when nothing fits there. An offset outside the text
 * counts from its nearest end; invalid options are left out (`analyze` reports them). Throws
 * DfsqError (`invalid_argument`) when `source` is not a string or `offset` not a whole number.
 */
export function complete(source: string, offset: number, given: AssistOptions = {}): CompletionResult | null {
  checkPosition("complete", source, offset);
  const options = readOptions<AssistOptions>(given, () => {});
  const at = Math.max(0, Math.min(offset, source.length));
  const mode = options.mode ?? "filter";
  const { tokens } = scan(source.slice(0, at));
  const last = tokens[tokens.length - 1];
  const touching = last !== undefined && last.startOffset + last.image.length === at ? last : undefined;
  // Inside a string, a quoted field or a number, there is nothing to offer.
  if (touching !== undefined && (tokenMatcher(touching, T.StringLiteral) || touching.tokenType === T.QuotedField || touching.tokenType === T.UnterminatedField)) {
    return null;
  }
  let from = at;
  let prefix = "";
  let parent: string[] = [];
  let before = tokens;
  if (touching !== undefined && isWordToken(touching) && WORD.test(touching.image)) {
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
  const env: Env = { catalog, fields: catalog?.fields, nowMs: toEpochMs(options.now), maxSortRules, options };
  const { context, depth } = contextAfter(before, mode);
  // A dotted prefix only makes sense where a field is expected.
  if (parent.length > 0 && context.kind !== "condition" && context.kind !== "sortField" && context.kind !== "operand") return null;
  const all = optionsFor(context, depth, env, parent, before);
  const lower = prefix.toLowerCase();
  const matching = all.filter((o) => o.label.toLowerCase().startsWith(lower) && (prefix === "" || o.label !== prefix || o.kind === "field"));
  if (matching.length === 0) return null;
  return { from, to: at, options: matching };
}
