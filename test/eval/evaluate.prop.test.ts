import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFilter } from "../../src/compile.js";
import { DfsqError } from "../../src/diagnostics/error.js";
import { evaluateExpr } from "../../src/eval/evaluate-ast.js";
import { compileMatcher, evaluateFilter, matchItems } from "../../src/eval/evaluate.js";
import { OPERATORS } from "../../src/syntax/ast.js";
import { formatApiTime } from "../../src/values/time.js";
import { apiTime, fieldName, filterArray, stringValue } from "../arbitraries/filters.js";
import { expectOnlyDfsqError } from "../helpers/errors.js";
import { parseSource } from "./parse-source.js";

/*
 * The arrays mean what the source says. Expressions are generated as dfsq text from the grammar
 * (not, between, lists, patterns, regexes, match, has, is null, bare fields, relative times, field
 * references, nested parentheses) over a few typed fields; items hold every field, present and
 * non-null, with values drawn from the same small pools as the literals so that comparisons hit.
 * Evaluating the compiled arrays must agree with evaluating the AST directly, with and without
 * the rewrites, binary or flat. docs/semantics.md explains why missing values are left out.
 */

const NOW = Date.UTC(2024, 5, 15, 12, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const FIELDS = {
  num: ["rank", "metrics.organic.pos_1", "1.rank", "serp.0.rank"],
  str: ["domain", "anchor"],
  bool: ["dofollow", "is_new"],
  time: ["first_seen", "last_seen"],
  tags: ["tags"],
} as const;

// Literals and item values share pools, so that `=`, `in`, `like` and friends often hold.
const NUMBERS = [-2, -0.5, 0, 1, 2, 2.5, 3, 5, 8, 12];
const TEXT_PIECES = ["seo", "SEO", "tools", "a.b", "a_b", "é", "É", " ", "-", "x", "%", "_", "😀"];
const LIKE_PIECES = ["%", "%", "_", "seo", "SEO", "a.b", "x", "é", " ", "-", "😀"];
const REGEXES = ["seo", "^seo", "tools$", "(?i)seo", "a\\.b", "[0-9]+", "^$", "s.o", "é", "^(?:seo|x)+$", "\\bseo\\b", "(a+)+$", "\\p{Lu}", "^.{3}$"];
const QUERIES = ["seo", "tools", "SEO tools", "a b", "é", "x-seo", "", "😀", "seo seo"];
const TAGS = ["seo", "blog", "news", "é"];
const TIME_LITERALS: Record<string, number> = {
  now: NOW,
  today: Date.UTC(2024, 5, 15),
  "now - 7d": NOW - 7 * DAY,
  "now - 30d": NOW - 30 * DAY,
  "today + 1w": Date.UTC(2024, 5, 22),
  "now - 2h": NOW - 2 * HOUR,
  "2024-06-01": Date.UTC(2024, 5, 1),
  "2024-06-10T12:00:00Z": Date.UTC(2024, 5, 10, 12),
  "2024-06-14T23:00:00+02:00": Date.UTC(2024, 5, 14, 21),
};

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const joined = (pieces: readonly string[], maxLength: number) =>
  fc.array(pick(pieces), { maxLength }).map((parts) => parts.join(""));

const number = pick(NUMBERS);
const text = joined(TEXT_PIECES, 4);
const quoted = (s: string) => JSON.stringify(s);

// Times in items: the literals' instants exactly, or hours around them, in three spellings.
const instant = fc.oneof(
  pick(Object.values(TIME_LITERALS)),
  fc.integer({ min: -40 * 24, max: 10 * 24 }).map((h) => NOW + h * HOUR),
);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const timeText = fc
  .tuple(instant, pick(["api", "z", "offset"] as const))
  .map(([ms, style]) => (style === "api" ? formatApiTime(ms) : style === "z" ? `${iso(ms)}Z` : `${iso(ms + 2 * HOUR)}+02:00`));

const COMPARE = ["=", "==", "!=", "<>", "<", "<=", ">", ">="];
const fieldOf = (type: keyof typeof FIELDS) => pick(FIELDS[type]);
const list = (value: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.array(value, { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([items, square]) => (square ? `[${items.join(", ")}]` : `(${items.join(", ")})`));
const orNot = (positive: string, negatives: readonly string[]) => pick([positive, ...negatives]);

function typedConditions(type: "num" | "str" | "time", literal: fc.Arbitrary<string>): fc.Arbitrary<string>[] {
  const f = fieldOf(type);
  return [
    fc.tuple(f, pick(COMPARE), literal).map(([a, op, v]) => `${a} ${op} ${v}`),
    fc.tuple(f, orNot("between", ["not between"]), literal, literal).map(([a, op, lo, hi]) => `${a} ${op} ${lo} and ${hi}`),
    fc.tuple(f, orNot("in", ["not in", "not_in"]), list(literal)).map(([a, op, l]) => `${a} ${op} ${l}`),
    fc.tuple(f, orNot("is null", ["is not null"])).map(([a, op]) => `${a} ${op}`),
    fc.tuple(f, pick(COMPARE), f).map(([a, op, b]) => `${a} ${op} "$item->${b}"`),
  ];
}

const condition = fc.oneof(
  ...typedConditions("num", number.map(String)),
  ...typedConditions("str", text.map(quoted)),
  ...typedConditions("time", pick(Object.keys(TIME_LITERALS))),
  {
    weight: 3,
    arbitrary: fc
      .tuple(fieldOf("str"), pick(["like", "not like", "not_like", "ilike", "not ilike", "not_ilike"]), joined(LIKE_PIECES, 4))
      .map(([a, op, p]) => `${a} ${op} ${quoted(p)}`),
  },
  fc.tuple(fieldOf("str"), pick(["regex", "~", "not regex", "!~", "not_regex"]), pick(REGEXES)).map(([a, op, r]) => `${a} ${op} ${quoted(r)}`),
  fc.tuple(fieldOf("str"), pick(["match", "not match", "not_match"]), pick(QUERIES)).map(([a, op, q]) => `${a} ${op} ${quoted(q)}`),
  fc.tuple(fieldOf("tags"), pick(["has", "not has", "has_not"]), pick(TAGS)).map(([a, op, t]) => `${a} ${op} ${quoted(t)}`),
  fieldOf("bool"),
  fc.tuple(fieldOf("bool"), pick(["=", "<>", "!="]), fc.boolean()).map(([a, op, b]) => `${a} ${op} ${b}`),
  fc.tuple(fieldOf("bool"), orNot("is null", ["is not null"])).map(([a, op]) => `${a} ${op}`),
);

/**
 * What the rewrites act on: one field compared in a chain, `f = a or f in (b, c) or f = a`
 * (merged into one `in`, duplicates dropped) and `f <> a and f not in (b)` (one `not_in`).
 */
function sameFieldChain(type: "num" | "str" | "time", literal: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const or = fc.oneof(literal.map((v) => `= ${v}`), literal.map((v) => `== ${v}`), list(literal).map((l) => `in ${l}`));
  const and = fc.oneof(literal.map((v) => `<> ${v}`), literal.map((v) => `!= ${v}`), list(literal).map((l) => `not in ${l}`));
  return fc
    .tuple(fieldOf(type), fc.boolean(), fc.integer({ min: 2, max: 4 }))
    .chain(([f, isOr, n]) =>
      fc.array(isOr ? or : and, { minLength: n, maxLength: n }).map((parts) => parts.map((p) => `${f} ${p}`).join(isOr ? " or " : " and ")),
    );
}

const leafOrChain = fc.oneof(
  { weight: 4, arbitrary: condition },
  { weight: 1, arbitrary: sameFieldChain("num", number.map(String)) },
  { weight: 1, arbitrary: sameFieldChain("str", text.map(quoted)) },
  { weight: 1, arbitrary: sameFieldChain("time", pick(Object.keys(TIME_LITERALS))) },
);

/** dfsq text from the grammar; `negation: false` leaves out `not` and `not between`, the only
 * forms whose arrays differ from their AST on a missing value. */
function expression(negation: boolean): fc.Arbitrary<string> {
  const leaf = negation ? leafOrChain : leafOrChain.filter((c) => !c.includes("not between"));
  const { expr } = fc.letrec<{ expr: string; chain: string; group: string; negated: string }>((tie) => ({
    expr: fc.oneof({ maxDepth: 3, depthIdentifier: "expr" }, leaf, tie("chain"), tie("group"), ...(negation ? [tie("negated")] : [])),
    chain: fc
      .array(fc.tuple(pick([" and ", " or ", " && ", " || ", " AND ", " Or "]), tie("expr")), { minLength: 1, maxLength: 2 })
      .chain((rest) => tie("expr").map((first) => first + rest.map(([op, e]) => op + e).join(""))),
    group: tie("expr").map((e) => `(${e})`),
    negated: fc.tuple(pick(["not ", "NOT ", "!"]), tie("expr")).map(([kw, e]) => `${kw}(${e})`),
  }));
  return expr;
}

/** An item with every field of FIELDS present and non-null. */
const fullItem = fc
  .record({
    rank: number,
    pos1: number,
    oneRank: number,
    serpRanks: fc.array(number, { minLength: 1, maxLength: 3 }),
    domain: text,
    anchor: text,
    dofollow: fc.boolean(),
    isNew: fc.boolean(),
    firstSeen: timeText,
    lastSeen: timeText,
    tags: fc.array(pick(TAGS), { maxLength: 3 }),
  })
  .map((v) => ({
    rank: v.rank,
    metrics: { organic: { pos_1: v.pos1 } },
    "1": { rank: v.oneRank },
    serp: v.serpRanks.map((rank) => ({ rank })),
    domain: v.domain,
    anchor: v.anchor,
    dofollow: v.dofollow,
    is_new: v.isNew,
    first_seen: v.firstSeen,
    last_seen: v.lastSeen,
    tags: v.tags,
  }));

/** A full item with some top-level fields removed or set to null. */
const sparseItem = fc
  .tuple(fullItem, fc.array(fc.tuple(pick(["rank", "metrics", "1", "serp", "domain", "anchor", "dofollow", "is_new", "first_seen", "last_seen", "tags"]), fc.boolean()), { maxLength: 6 }))
  .map(([item, holes]) => {
    const copy: Record<string, unknown> = { ...item };
    for (const [key, drop] of holes) {
      if (drop) delete copy[key];
      else copy[key] = null;
    }
    return copy;
  });

function expectSameMeaning(source: string, item: unknown, flat: boolean): void {
  const expected = evaluateExpr(parseSource(source), item, { now: NOW });
  for (const optimize of [false, true]) {
    const filters = compileFilter(source, { now: NOW, maxConditions: 100, optimize, chains: flat ? "flat" : "binary" });
    expect(evaluateFilter(filters, item), `${JSON.stringify(filters)} (optimize: ${optimize})`).toBe(expected);
  }
}

describe("the compiled arrays mean what the source says", () => {
  it("for items whose fields are all present and non-null (with and without the rewrites)", () => {
    fc.assert(fc.property(expression(true), fullItem, fc.boolean(), expectSameMeaning), { numRuns: 3000 });
  });

  it("for any item, null and missing fields included, when the expression has no negation", () => {
    fc.assert(fc.property(expression(false), sparseItem, fc.boolean(), expectSameMeaning), { numRuns: 1000 });
  });
});

/**
 * Every operator under `not`, on tiny alphabets where case, accents and wildcards collide often:
 * a wrong complement (`like` ↔ `not_ilike`, say) is found within a few hundred runs.
 */
const TINY = ["s", "S", "é", "É", "😀"];
const tinyText = joined(TINY, 3);
const tinyLeaf = fc.oneof(
  fc
    .tuple(pick(["like", "not like", "ilike", "not ilike"]), joined([...TINY, "%", "_"], 3))
    .map(([op, p]) => `domain ${op} ${quoted(p)}`),
  fc.tuple(pick(["regex", "not regex"]), pick(["s", "^S", "(?i)s", "é$", "^.$", "😀"])).map(([op, r]) => `domain ${op} ${quoted(r)}`),
  fc.tuple(pick(["match", "not match"]), tinyText).map(([op, q]) => `domain ${op} ${quoted(q)}`),
  fc.tuple(pick(COMPARE), tinyText).map(([op, v]) => `domain ${op} ${quoted(v)}`),
  fc.tuple(pick(["in", "not in"]), list(tinyText.map(quoted))).map(([op, l]) => `domain ${op} ${l}`),
  fc.tuple(pick(["has", "not has"]), pick(TINY)).map(([op, t]) => `tags ${op} ${quoted(t)}`),
  fc.tuple(pick(["", "not "]), pick([0, 1, 2]), pick([-1, 0, 1])).map(([not, low, width]) => `rank ${not}between ${low} and ${low + width}`),
  fc.tuple(pick(COMPARE), pick(["now", "now - 2h", "today"])).map(([op, t]) => `first_seen ${op} ${t}`),
);
const tinyItem = fc
  .tuple(tinyText, fc.array(pick(TINY), { maxLength: 3 }), pick([0, 1, 2, 3]), pick([NOW, NOW - 2 * HOUR, NOW - HOUR, Date.UTC(2024, 5, 15)]))
  .map(([domain, tags, rank, seen]) => ({ domain, tags, rank, first_seen: formatApiTime(seen) }));

describe("each operator's complement", () => {
  it("`not (f op v)` compiles to a condition that holds exactly when `f op v` does not", () => {
    fc.assert(
      fc.property(tinyLeaf, tinyItem, fc.boolean(), (leaf, item, flat) => expectSameMeaning(`not (${leaf})`, item, flat)),
      { numRuns: 2000 },
    );
  });
});

// Items over the field names of the canonical-array generator, some fields null or missing.
const anyValue = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.double({ noNaN: true }),
  stringValue,
  apiTime,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(stringValue, fc.integer({ min: -3, max: 3 })), { maxLength: 3 }),
);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split(".");
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    if (next === null || typeof next !== "object" || Array.isArray(next)) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[segments[segments.length - 1]!] = value;
}

const item = fc.array(fc.tuple(fieldName, anyValue), { maxLength: 8 }).map((entries) => {
  const out: Record<string, unknown> = {};
  for (const [path, value] of entries) setPath(out, path, value);
  return out;
});

/** What a call returned, or the DfsqError it threw (as its message); anything else is rethrown. */
function outcome<T>(fn: () => T): { value: T } | { error: string } {
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof DfsqError) return { error: e.message };
    throw e;
  }
}

describe("matchItems", () => {
  it("keeps exactly the items evaluateFilter accepts, in order, and refuses the same filters", () => {
    fc.assert(
      fc.property(filterArray(), fc.array(item, { maxLength: 10 }), (filters, items) => {
        const one = outcome(() => matchItems(filters, items));
        // evaluateFilter on an empty item first, so that a refused filter is refused with no items too.
        const each = outcome(() => (evaluateFilter(filters, {}), items.filter((i) => evaluateFilter(filters, i))));
        expect(one).toEqual(each);
      }),
      { numRuns: 1000 },
    );
  });
});

const ANY_ITEM_OPTIONS = {
  maxDepth: 4,
  withNullPrototype: true,
  withBoxedValues: true,
  withSparseArray: true,
  withObjectString: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
} as const;

/** Filter-like JSON: conditions with any operator (or none) and any value, in groups of any shape. */
const nearFilter = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthIdentifier: "near" },
    fc.tuple(fieldName, pick([...OPERATORS, "and", "or", "==", ""]), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: "binary" }))),
    fc.tuple(fieldName, pick(["regex", "not_regex", "like", "ilike", "match"]), fc.string({ unit: "binary", maxLength: 12 })),
    fc.array(fc.oneof(tie("node"), pick(["and", "or", "xor"])), { maxLength: 5 }),
    fc.jsonValue({ maxDepth: 2 }),
  ),
})).node;

describe("robustness", () => {
  it("arbitrary JSON as filters and arbitrary values as items throw nothing but DfsqError", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue({ maxDepth: 6 }), nearFilter, filterArray()),
        fc.array(fc.oneof(fc.anything(ANY_ITEM_OPTIONS), item), { maxLength: 4 }),
        (filters, items) => {
          expectOnlyDfsqError(() => matchItems(filters, items));
          for (const i of items) expectOnlyDfsqError(() => evaluateFilter(filters, i));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("a prepared matcher never throws, whatever the item", () => {
    fc.assert(
      fc.property(filterArray(), fc.array(fc.anything(ANY_ITEM_OPTIONS), { maxLength: 6 }), (filters, items) => {
        // outcome() rethrows anything but DfsqError.
        const prepared = outcome(() => compileMatcher(filters));
        const results = "value" in prepared ? items.map((i) => prepared.value(i)) : [];
        expect(results.every((r) => typeof r === "boolean")).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
