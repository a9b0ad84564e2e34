/*
 * The inputs of the fuzz campaign (scripts/fuzz.ts) and of its bounded runs in CI
 * (test/fuzz/*.prop.test.ts): dfsq text from a small grammar and mutated byte by byte, raw
 * arrays with hostile JavaScript values spliced in, items, compile options with hostile limits,
 * and tasks for the client. Generators only: what is checked lives in fuzz-targets.ts.
 */
import fc from "fast-check";
import { fieldsOf } from "../src/catalog/api.js";
import type { CompileOptions } from "../src/options.js";
import { filterArray } from "../test/arbitraries/filters.js";
import { edited } from "../test/arbitraries/edits.js";
import { soup, withEdits } from "../test/arbitraries/regex.js";

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** The clock of every generated input, so that `now - 7d` means the same thing each run. */
export const NOW = "2024-06-15T12:00:00Z";

/** Endpoints whose catalogs the typed inputs use, one per API family. */
export const ENDPOINTS = ["backlinks/referring_domains", "backlinks/backlinks", "dataforseo_labs/google/ranked_keywords", "on_page/pages"];

const catalogFields = ENDPOINTS.flatMap((id) => (fieldsOf(id) ?? []).slice(0, 25).map((f) => f.path));

// ---------------------------------------------------------------------------------------------
// Text

const PLAIN_FIELDS = ["rank", "domain", "anchor", "first_seen", "dofollow", "tags", "keyword_info.search_volume", "1.rank", "serp.0.rank", "referring_links_tld.com", "x"];
const QUOTED_FIELDS = ["`odd name`", "`a\\`b`", "`desc`", "`and`", "`é`", "`a.b`", "`a\\nb`"];

const field = fc.oneof(
  { weight: 4, arbitrary: pick(PLAIN_FIELDS) },
  { weight: 3, arbitrary: pick(catalogFields) },
  { weight: 1, arbitrary: pick(QUOTED_FIELDS) },
);

const STRINGS = [
  '"seo"', '"%seo%"', '"_e%"', '""', '"a\\"b"', "'it\\'s'", '"\\\\d{2,4}$"', '"(?i)seo"', '"^https?://"', '"[a-z]+"',
  '"\\u00e9"', '"😀"', '"2024-01-31"', '"10"', '"true"', '"a\\nb"', '"(a"', '"\\\\pL{1000}"', '"x{1001}"',
];
/**
 * Strings that the API reads as something else: `"$item->rank"` compiles, as a string, to the
 * wire form of a field reference, which validateFilter then refuses on most endpoints. Only in
 * the campaign's inputs until that is settled.
 */
const TRICKY_STRINGS = ['"$item->rank"', '"$item->"'];
const NUMBERS = ["0", "10", "-3", "1.5", "2e3", "-0", "1e-400", "1e400", "9007199254740993", "0.1", "5e-324"];
const TIMES = ["now", "today", "now - 7d", "today + 1w", "now - 90m", "2024-01-31", "2024-01-31T10:00:00Z", "2024-01-31T10:00:00+02:00", "2024-01-31 10:00", "2024-02-30", "2024-01-31T10:00:00.5Z"];

function grammar(strings: readonly string[]) {
  const valueText = fc.oneof(
    { weight: 4, arbitrary: pick(strings) },
    { weight: 3, arbitrary: pick(NUMBERS) },
    { weight: 2, arbitrary: pick(TIMES) },
    { weight: 1, arbitrary: pick(["true", "false", "null"]) },
    { weight: 1, arbitrary: field },
  );
  const listItem = fc.oneof(pick(strings), pick(NUMBERS), pick(TIMES), pick(["true", "false"]));
  const condition = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(field, pick(COMPARE), valueText).map(([f, op, v]) => `${f} ${op} ${v}`) },
    { weight: 3, arbitrary: fc.tuple(field, pick(TEXT_OPS), valueText).map(([f, op, v]) => `${f} ${op} ${v}`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(field, pick(["in", "not in", "not_in"]), fc.array(listItem, { minLength: 0, maxLength: 5 }), fc.boolean())
        .map(([f, op, items, square]) => `${f} ${op} ${square ? "[" : "("}${items.join(", ")}${square ? "]" : ")"}`),
    },
    { weight: 1, arbitrary: fc.tuple(field, pick(["between", "not between"]), valueText, valueText).map(([f, op, a, b]) => `${f} ${op} ${a} and ${b}`) },
    { weight: 1, arbitrary: fc.tuple(field, pick(["is null", "is not null", "IS NULL"])).map(([f, t]) => `${f} ${t}`) },
    { weight: 1, arbitrary: fc.tuple(pick(["", "not ", "!"]), field).map(([n, f]) => `${n}${f}`) },
  );
  return fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 4, arbitrary: condition },
      { weight: 2, arbitrary: fc.tuple(tie("expr"), pick([...AND, ...OR]), tie("expr")).map(([a, c, b]) => `${a} ${c} ${b}`) },
      { weight: 1, arbitrary: tie("expr").map((e) => `(${e})`) },
      { weight: 1, arbitrary: fc.tuple(pick(NOT), tie("expr")).map(([n, e]) => `${n}(${e})`) },
    ),
  })).expr;
}

const COMPARE = ["=", "==", "!=", "<>", "<", "<=", ">", ">="];
const TEXT_OPS = ["like", "not like", "not_like", "ilike", "not ilike", "regex", "~", "!~", "not regex", "match", "not match", "has", "not has", "has_not"];
const AND = ["and", "AND", "&&"];
const OR = ["or", "Or", "||"];
const NOT = ["not ", "NOT ", "!"];

/** Filters as people write them: every construct of the grammar, mostly valid. */
export const filterText = grammar(STRINGS);

/** The same, with strings the API would read as field references. */
export const campaignFilterText = grammar([...STRINGS, ...TRICKY_STRINGS]);

/** Order-bys as people write them. */
export const orderByText = fc
  .array(fc.tuple(field, pick(["", " asc", " desc", " DESC", " up"])), { minLength: 1, maxLength: 5 })
  .map((rules) => rules.map(([f, d]) => `${f}${d}`).join(", "));

const SIGNIFICANT = [..."()[]\"'`\\,.-+=<>!~&| \n\t\r", "and", "or", "not", "in", "between", "is", "null", "now", "7d", "“", "\u0000", "é", "\u2028", "😀", "\uD800", "\u001b[2J"];

/** Text from any of the generators, some of it mutated: what an editor sees while someone types. */
export function anyText(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const mutated = edited(base, fc.oneof(pick(SIGNIFICANT), fc.string({ maxLength: 3, unit: "binary" })), { minEdits: 1, maxEdits: 6, maxDelete: 4 });
  return fc.oneof(
    { weight: 4, arbitrary: base },
    { weight: 4, arbitrary: mutated },
    { weight: 1, arbitrary: fc.string({ maxLength: 60, unit: "binary" }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: "grapheme" }) },
    { weight: 1, arbitrary: fc.array(pick(SIGNIFICANT), { maxLength: 40 }).map((parts) => parts.join("")) },
  );
}

/** Long inputs near the limits: deep nesting, long chains, long lists, long strings. */
export const largeText = fc.oneof(
  fc.integer({ min: 1, max: 3000 }).map((n) => `${"(".repeat(n)}a${")".repeat(n)}`),
  fc.integer({ min: 1, max: 3000 }).map((n) => `${"not ".repeat(n)}a`),
  fc.integer({ min: 1, max: 2000 }).map((n) => `${"a > 1 and ".repeat(n)}b`),
  fc.integer({ min: 1, max: 3000 }).map((n) => `f in (${"1,".repeat(n)}1)`),
  fc.integer({ min: 1, max: 8192 }).map((n) => "# ".repeat(n)),
  fc.integer({ min: 1, max: 5000 }).map((n) => `a between ${"1 and ".repeat(n)}2`),
  fc.integer({ min: 1, max: 3000 }).map((n) => `${"a, ".repeat(n)}b`),
  fc.integer({ min: 1, max: 16_000 }).map((n) => `a = "${"\\".repeat(n)}"`),
);

// ---------------------------------------------------------------------------------------------
// Options

/**
 * Options a careful caller passes: the defaults, an endpoint's catalog, the output shape, limits
 * within the defaults. (Raised limits let the compiler emit arrays that validateFilter and
 * printFilter, which read them with their own caps, refuse: the hostile options have them.)
 */
export const saneOptions: fc.Arbitrary<CompileOptions> = fc.record(
  {
    now: fc.constant(NOW),
    endpoint: pick(ENDPOINTS),
    chains: pick(["binary", "flat"] as const),
    optimize: fc.boolean(),
    maxConditions: fc.integer({ min: 1, max: 16 }),
    maxListLength: fc.integer({ min: 1, max: 1000 }),
  },
  { requiredKeys: ["now"] },
);

const HOSTILE_NUMBERS = [Number.NaN, -1, 0, 0.5, 1e9, Number.POSITIVE_INFINITY, -0, Number.MAX_SAFE_INTEGER];
const hostileLimit = fc.oneof(
  pick(HOSTILE_NUMBERS),
  pick(["5", null, true, {}, 10n] as unknown[]),
  fc.integer({ min: 0, max: 5000 }),
);

/** Options as JavaScript callers get them wrong: any type, NaN, negative, huge. */
export const hostileOptions = fc.record(
  {
    now: fc.oneof(fc.constant(NOW), pick(["yesterday", "", Number.NaN, 1e20, -1e20, new Date(Number.NaN), null, {}] as unknown[])),
    endpoint: fc.oneof(pick(ENDPOINTS), pick(["", "nope/none", 5, null, "backlinks", "/v3/backlinks/backlinks/live", {}] as unknown[])),
    param: pick(["filters", "backlinks_filters", "nope", 3] as unknown[]),
    chains: pick(["binary", "flat", "other", 1] as unknown[]),
    optimize: pick([true, false, "yes"] as unknown[]),
    maxConditions: hostileLimit,
    maxSortRules: hostileLimit,
    maxInputLength: hostileLimit,
    maxDepth: hostileLimit,
    maxListLength: hostileLimit,
  },
  { requiredKeys: [] },
) as fc.Arbitrary<CompileOptions>;

// ---------------------------------------------------------------------------------------------
// Raw values

/** A JavaScript value that is no JSON, and often bites: the kinds issue 12 lists, and their kin. */
function hostileLeaf(kind: number, root: unknown[], parent: unknown[]): unknown {
  switch (kind) {
    case 0:
      return root; // a cycle through the root
    case 1:
      return parent; // a cycle through the enclosing array
    case 2:
      return Object.defineProperty({}, "length", {
        get() {
          throw new Error("getter");
        },
        enumerable: true,
      });
    case 3:
      return new Proxy([], {
        get() {
          throw new Error("trap");
        },
      });
    case 4:
      return 10n;
    case 5:
      return Symbol("s");
    case 6:
      return () => 1;
    case 7:
      return { length: { toString: null } };
    case 8: {
      // A sparse array: holes, not undefined.
      const sparse: unknown[] = [];
      sparse.length = 3;
      sparse[1] = "and";
      return sparse;
    }
    case 9:
      return Object.create(null);
    case 10:
      return new Date(Number.NaN);
    case 11:
      return new Map([["a", 1]]);
    case 12:
      return "x".repeat(1 << 20);
    case 13:
      return {
        toJSON() {
          throw new Error("toJSON");
        },
      };
    case 14: {
      const array = ["a", "=", 1];
      Object.defineProperty(array, Symbol.iterator, {
        value() {
          throw new Error("iterator");
        },
      });
      return array;
    }
    case 15:
      return Array.from({ length: 100_000 }, (_, i) => i);
    case 16:
      return undefined;
    case 17:
      return Number.NaN;
    default:
      return -0;
  }
}
const HOSTILE_KINDS = 19;

/** The hostile values spliced in so far, never walked into again (their getters and traps throw). */
const planted = new WeakSet<object>();

/** Every array inside `value` (its own nodes), with its parent, in document order. */
function arraysOf(value: unknown): { array: unknown[]; parent: unknown[] }[] {
  const out: { array: unknown[]; parent: unknown[] }[] = [];
  const stack: { value: unknown; parent: unknown[] | undefined }[] = [{ value, parent: undefined }];
  const entered = new Set<unknown>();
  while (stack.length > 0) {
    const { value: v, parent } = stack.pop()!;
    if (!Array.isArray(v) || planted.has(v) || entered.has(v)) continue;
    entered.add(v);
    out.push({ array: v, parent: parent ?? v });
    for (let i = 0; i < v.length; i++) stack.push({ value: v[i], parent: v });
  }
  return out;
}

/** `base` with `edits` of its positions replaced by hostile values (arrays are mutated: generate fresh). */
function withHostile(base: fc.Arbitrary<unknown>, maxEdits: number): fc.Arbitrary<unknown> {
  return fc
    .tuple(base, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: HOSTILE_KINDS - 1 })), { minLength: 1, maxLength: maxEdits }))
    .map(([value, edits]) => {
      const root = [value];
      for (const [which, position, kind] of edits) {
        const arrays = arraysOf(root[0]);
        if (arrays.length === 0) break;
        const { array, parent } = arrays[which % arrays.length]!;
        if (array.length === 0) continue;
        const leaf = hostileLeaf(kind, root[0] as unknown[], parent);
        if (typeof leaf === "object" && leaf !== null && leaf !== root[0] && leaf !== parent) planted.add(leaf);
        array[position % array.length] = leaf;
      }
      return root[0];
    });
}

/** Valid shapes the API documents besides the canonical one. */
const reshaped = filterArray(6).map((f) => structuredClone(f) as unknown);
const wrapped = filterArray(1).map((c) => [c] as unknown);
const flat = fc.array(filterArray(1), { minLength: 3, maxLength: 6 }).map((cs) => cs.flatMap((c, i) => (i === 0 ? [c] : ["and", c])) as unknown);

const structural = fc.oneof(
  fc.integer({ min: 1, max: 5000 }).map((n) => {
    let node: unknown = ["a", "=", 1];
    for (let i = 0; i < n; i++) node = [node];
    return node;
  }),
  fc.integer({ min: 1, max: 200_000 }).map((n) => ["rank", "in", Array.from({ length: n }, (_, i) => i)] as unknown),
  fc.integer({ min: 1, max: 20_000 }).map((n) => Array.from({ length: 2 * n + 1 }, (_, i) => (i % 2 === 1 ? "and" : ["rank", ">", i])) as unknown),
  fc.integer({ min: 1, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => `f${i},desc`) as unknown),
);

/** Raw `filters` values that JSON can hold: canonical, reshaped, arbitrary JSON, near the caps. */
export const jsonFilter: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: reshaped },
  { weight: 1, arbitrary: wrapped },
  { weight: 1, arbitrary: flat },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 5 }) },
);

/** Raw values of any kind: JSON, values JSON cannot hold, cycles, throwing getters and traps, huge ones. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: jsonFilter },
  { weight: 3, arbitrary: withHostile(jsonFilter, 2) },
  { weight: 1, arbitrary: structural },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true }) },
);

/** Raw `order_by` values: canonical, near-canonical, hostile. */
export const hostileOrderBy: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.tuple(fc.oneof(field, fc.string({ maxLength: 6 })), pick([",asc", ",desc", "", ",up", ",desc,x"])).map(([f, d]) => `${f}${d}`), { maxLength: 5 }) },
  { weight: 1, arbitrary: withHostile(fc.array(pick(["rank,asc", "a,desc", "b,asc"]), { minLength: 1, maxLength: 4 }), 2) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: structural },
);

// ---------------------------------------------------------------------------------------------
// Items for the evaluator

/** The fields evaluator inputs use, shared by filters and items so that conditions hit. */
export const EVAL_FIELDS = ["rank", "domain", "tags", "first_seen", "flag", "m.n", "serp.0.rank", "1.x"];
const TEXTS = ["seo", "SEO tools", "a.b", "a_b", "é", "É", "", "x", "%", "😀", "2024-01-31", "2024-01-31 00:00:00 +00:00", "2024-01-31T02:00:00+02:00", "best seo", "10"];
const EVAL_NUMBERS = [-2, 0, 1, 2.5, 3, 10, -0];
const LIKES = ["%", "%seo%", "seo", "_", "%_%", "s_o%", "%a.b", "É%", "%😀", "%_"];
const REGEXES = ["seo", "^seo", "(?i)seo", "a\\.b", "[0-9]+", "^$", "\\bseo\\b", "^.{3}$", "\\p{Lu}", "é|x"];
const QUERIES = ["seo", "SEO tools", "a b", "", "é", "tools seo"];

const evalScalar = fc.oneof(pick(TEXTS), pick(EVAL_NUMBERS), fc.boolean());
const evalField = pick(EVAL_FIELDS);

const evalCondition = fc.oneof(
  fc.tuple(evalField, pick(["=", "<>"]), fc.oneof(evalScalar, fc.constant(null))),
  fc.tuple(evalField, pick(["<", "<=", ">", ">="]), fc.oneof(pick(TEXTS), pick(EVAL_NUMBERS))),
  fc.tuple(evalField, pick(["in", "not_in"]), fc.array(evalScalar, { minLength: 1, maxLength: 4 })),
  fc.tuple(evalField, pick(["like", "not_like", "ilike", "not_ilike"]), pick(LIKES)),
  fc.tuple(evalField, pick(["regex", "not_regex"]), pick(REGEXES)),
  fc.tuple(evalField, pick(["match", "not_match"]), pick(QUERIES)),
  fc.tuple(evalField, pick(["has", "has_not"]), evalScalar),
  fc.tuple(evalField, pick(["=", "<>", "<", ">="]), evalField.map((f) => `$item->${f}`)),
);

/** Filters over EVAL_FIELDS: binary and flat groups, conditions bare or wrapped once. */
export const evalFilter: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    { weight: 3, arbitrary: evalCondition },
    {
      weight: 2,
      arbitrary: fc
        .tuple(pick(["and", "or"]), fc.array(tie("node"), { minLength: 2, maxLength: 3 }))
        .map(([c, nodes]) => nodes.flatMap((n, i) => (i === 0 ? [n] : [c, n]))),
    },
  ),
})).node.chain((node) => (Array.isArray(node) && typeof node[0] === "string" ? fc.constantFrom(node, [node]) : fc.constant(node)));

const itemValue = fc.oneof(
  { weight: 4, arbitrary: evalScalar },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(evalScalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(pick(["n", "0", "x"]), evalScalar, { maxKeys: 2 }) },
);

/** Items: each field present, null or missing, by the dotted paths filters read. */
export const evalItem: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    rank: itemValue,
    domain: itemValue,
    tags: fc.oneof(fc.array(evalScalar, { maxLength: 4 }), itemValue),
    first_seen: fc.oneof(pick(TEXTS), itemValue),
    flag: itemValue,
    m: fc.oneof(fc.record({ n: itemValue }), itemValue),
    serp: fc.oneof(fc.array(fc.record({ rank: itemValue }), { maxLength: 2 }), itemValue),
    "1": fc.oneof(fc.record({ x: itemValue }), itemValue),
  }, { requiredKeys: [] });

/** Items as the evaluator may meet them, JSON or not: documented not to matter, except throwing getters. */
export const strangeItem: fc.Arbitrary<unknown> = fc.oneof(
  evalItem,
  fc.anything({ maxDepth: 3, withBigInt: true, withMap: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }),
  evalItem.map((item) => {
    const cyclic: Record<string, unknown> = { ...item };
    cyclic.m = cyclic;
    cyclic.tags = [cyclic];
    return cyclic;
  }),
);

// ---------------------------------------------------------------------------------------------
// Templates and tasks

const TEMPLATE_PIECES = ["rank > ", " and domain like ", " or x in ", " = ", "", "not ", "(", ") and ", "`a", '"', " between ", " and "];
const ODD_VALUES = [Symbol("s"), 10n, undefined, null, Number.NaN, new Date(Number.NaN), () => 1];

function templateOf(value: fc.Arbitrary<unknown>) {
  return fc
    .array(fc.tuple(fc.oneof(pick(TEMPLATE_PIECES), filterText), value), { maxLength: 4 })
    .chain((parts) => fc.tuple(fc.constant(parts), pick(["", " and x", ")", '"'])))
    .map(([parts, tail]) => ({ strings: [...parts.map(([s]) => s), tail], values: parts.map(([, v]) => v) }));
}

/** The pieces of a tagged template and the values between them, of any kind. */
export const template = templateOf(fc.oneof(hostileValue, evalScalar, fc.date(), fc.array(evalScalar, { maxLength: 3 }), pick(ODD_VALUES)));

/** The same with small values only (scalars, dates, short lists and filters, odd JavaScript values). */
export const ciTemplate = templateOf(fc.oneof(evalScalar, fc.date(), fc.array(evalScalar, { maxLength: 3 }), jsonFilter, pick(ODD_VALUES)));

/** Tasks for the client's prepareTask: dfsq and wire fields, text and raw, with other parameters. */
export const task = fc.record(
  {
    endpoint: fc.oneof(pick(ENDPOINTS), pick(["nope", "", "backlinks/summary"])),
    target: fc.oneof(pick(["example.com", ""]), fc.string({ maxLength: 6 })),
    where: fc.oneof(anyText(campaignFilterText), jsonFilter),
    filters: fc.oneof(jsonFilter, fc.string({ maxLength: 6 })),
    orderBy: fc.oneof(anyText(orderByText), hostileOrderBy),
    limit: fc.oneof(fc.integer({ min: -5, max: 2000 }), pick(["10", null, Number.NaN] as unknown[])),
  },
  { requiredKeys: ["endpoint"] },
);

/** The same with JSON values only, and text. */
export const ciTask = fc.record(
  {
    endpoint: fc.oneof(pick(ENDPOINTS), pick(["nope", "", "backlinks/summary"])),
    target: pick(["example.com", ""]),
    where: fc.oneof(anyText(filterText), jsonFilter),
    filters: jsonFilter,
    orderBy: fc.oneof(anyText(orderByText), fc.jsonValue({ maxDepth: 2 })),
    limit: fc.oneof(fc.integer({ min: -5, max: 2000 }), pick(["10", null] as unknown[])),
  },
  { requiredKeys: ["endpoint"] },
);

/** RE2 patterns for the syntax checker: soups, edited well-formed ones, and a few famous ones. */
export const regexPattern = fc.oneof(soup, withEdits, fc.string({ maxLength: 30 }), pick(["[a-z]{0,1000}(\\pL)+?\\b", "(a+)+$", "((a{10}){10}){10}", "(?=a)", "\\pL{1000}", "(?:a{1000}){1000}"]));
