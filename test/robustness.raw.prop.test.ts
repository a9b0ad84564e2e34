import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFilter, checkOrderBy, compileFilter, compileOrderBy } from "../src/compile.js";
import type { CompileOptions } from "../src/options.js";
import { printFilter, printOrderBy } from "../src/print/print-filter.js";
import { OPERATORS } from "../src/syntax/ast.js";
import { FilterSchema, OrderBySchema } from "../src/validate/schemas.js";
import { validateFilter, validateOrderBy } from "../src/validate/validate.js";
import { fieldName, filterArray } from "./arbitraries/filters.js";

/*
 * What compiles re-validates unchanged, under any limits within the ceilings; the printers accept
 * exactly what validation accepts, and print text that compiles to validation's value; the zod
 * schemas accept the structures validation accepts.
 */

const NOW = "2024-06-15T12:00:00Z";

const atom = fc.constantFrom(
  "f > 1",
  "f = 1",
  "f = 2",
  "f <> 3",
  'g like "%x%"',
  'g not ilike "x"',
  "h in (1, 2)",
  'h not in ("a")',
  "b",
  "not b",
  "c = false",
  "c = true",
  "d between 1 and 5",
  "e not between 2024-01-01 and 2024-02-01",
  "f is null",
  "f is not null",
  "x = y",
  "t > now - 7d",
  "`odd name` = 1",
  'k regex "^a"',
  'm has "x"',
  "m not has 2",
  'n match "seo"',
);

const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 5, depthIdentifier: "expr", withCrossShrink: true },
    atom,
    fc.tuple(tie("expr"), fc.constantFrom(" and ", " or ", " && ", " || "), tie("expr")).map(([a, op, b]) => a + op + b),
    tie("expr").map((e) => `not (${e})`),
    tie("expr").map((e) => `(${e})`),
  ),
})).expr;

const limits: fc.Arbitrary<CompileOptions> = fc.record(
  {
    maxDepth: fc.integer({ min: 0, max: 8 }),
    maxConditions: fc.integer({ min: 1, max: 40 }),
    maxListLength: fc.integer({ min: 1, max: 6 }),
    maxInputLength: fc.integer({ min: 10, max: 400 }),
    maxSortRules: fc.integer({ min: 1, max: 6 }),
    chains: fc.constantFrom("binary" as const, "flat" as const),
    optimize: fc.boolean(),
  },
  { requiredKeys: [] },
);

/**
 * The options printed text is compiled under. Any length of text: printed text can be longer than
 * the source it came from (`now - 7d` prints as the instant it was; a `not` pushed down turns
 * `a and b` into `a <= 1 or b <= 2`). And one more level of nesting: the parser's pre-pass
 * (src/syntax/nesting.ts) counts the parentheses of an `in` list as a level, though a list is no
 * group (the docs and its own message say "groups and `not`s"), so a list at the deepest allowed
 * group is refused in text; the raw reader follows the documented rule.
 */
const longer = (options: CompileOptions): CompileOptions => ({
  ...options,
  maxInputLength: Number.POSITIVE_INFINITY,
  maxDepth: (options.maxDepth ?? 32) + 1,
});

describe("compiled output re-validates unchanged", () => {
  it("filters: validateFilter accepts what compileFilter emits, under the same options, and returns it as it is", () => {
    let compiled = 0;
    fc.assert(
      fc.property(expression, limits, (source, options) => {
        const o = { ...options, now: NOW };
        const r = checkFilter(source, o);
        if (!r.ok) return;
        compiled++;
        const v = validateFilter(r.value, o);
        expect(v.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(v.value).toEqual(r.value);
        expect(compileFilter(printFilter(r.value, o), longer(o))).toEqual(r.value);
      }),
      { numRuns: 1200 },
    );
    // The generators must exercise the property, not skip it.
    expect(compiled).toBeGreaterThan(200);
  });

  const sortRule = fc.tuple(
    fc.oneof(fc.constantFrom("rank", "1.rank", "`odd name`", "`a,b`", "`a\\nb`", "`desc`", "x.y"), fieldName.map((f) => `\`${f.replace(/[`\\]/g, "")}\``)),
    fc.constantFrom("", " asc", " desc", " DESC"),
  );

  it("order-by: validateOrderBy accepts what compileOrderBy emits, and printOrderBy prints it back", () => {
    fc.assert(
      fc.property(fc.array(sortRule, { minLength: 1, maxLength: 7 }), limits, (rules, options) => {
        const source = rules.map(([f, d]) => f + d).join(", ");
        const r = checkOrderBy(source, options);
        if (!r.ok) return;
        expect(validateOrderBy(r.value, options).value).toEqual(r.value);
        expect(compileOrderBy(printOrderBy(r.value, options), longer(options))).toEqual(r.value);
      }),
      { numRuns: 1000 },
    );
  });
});

/** Filter-like values: canonical ones, ones with random parts replaced, and arbitrary JSON. */
const nearFilter: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthIdentifier: "near" },
    fc.tuple(fieldName, fc.constantFrom<unknown>(...OPERATORS, "and", "or", "AND", "between", "=="), fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom<unknown>("%x%", "^a(", [1, 2], [], "$item->y"))),
    fc.array(fc.oneof(tie("node"), fc.constantFrom("and", "or", "xor")), { maxLength: 5 }),
    fc.jsonValue({ maxDepth: 2 }),
  ),
})).node;

const anyFilter = fc.oneof(filterArray(12), nearFilter, fc.array(filterArray(3), { minLength: 1, maxLength: 1 }));

const nearOrderBy: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(
    fc.oneof(
      fc.tuple(fc.oneof(fieldName, fc.constantFrom("rank", "a,b", "", "a\nb")), fc.constantFrom(",asc", ",desc", ",DESC", " desc", "", ",")).map(([f, d]) => f + d),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    { maxLength: 6 },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

function outcome(print: () => string): { ok: true; text: string } | { ok: false } {
  try {
    return { ok: true, text: print() };
  } catch {
    return { ok: false };
  }
}

describe("the printers accept exactly what validation accepts", () => {
  it("printFilter(x) succeeds exactly when validateFilter(x) is ok, and its text compiles to validation's value", () => {
    fc.assert(
      fc.property(anyFilter, limits, (value, options) => {
        const v = validateFilter(value, options);
        const p = outcome(() => printFilter(value, options));
        expect(p.ok).toBe(v.ok);
        expect(p.ok ? compileFilter(p.text, longer(options)) : undefined).toEqual(v.value);
      }),
      { numRuns: 1500 },
    );
  });

  it("printOrderBy(x) succeeds exactly when validateOrderBy(x) is ok, and its text compiles to validation's value", () => {
    fc.assert(
      fc.property(nearOrderBy, limits, (value, options) => {
        const v = validateOrderBy(value, options);
        const p = outcome(() => printOrderBy(value, options));
        expect(p.ok).toBe(v.ok);
        expect(p.ok ? compileOrderBy(p.text, longer(options)) : undefined).toEqual(v.value);
      }),
      { numRuns: 1500 },
    );
  });
});

/** The codes that say a value's structure is not a filter (rather than a check of its contents). */
const STRUCTURE = new Set(["invalid_filter", "invalid_order_by", "mixed_connectives", "empty_field_name", "empty_list"]);
const GENEROUS = { maxConditions: 10_000, maxDepth: 256, maxListLength: 10_000, maxSortRules: 10_000 };

describe("the zod schemas accept the structures validation accepts", () => {
  it("FilterSchema", () => {
    fc.assert(
      fc.property(anyFilter, (value) => {
        const structural = validateFilter(value, GENEROUS).diagnostics.some((d) => STRUCTURE.has(d.code));
        expect(FilterSchema.safeParse(value).success).toBe(!structural);
      }),
      { numRuns: 1500 },
    );
  });

  it("OrderBySchema (whose pattern refuses a comma or a line break in the field, as validation does)", () => {
    fc.assert(
      fc.property(nearOrderBy, (value) => {
        const structural = validateOrderBy(value, GENEROUS).diagnostics.some((d) => STRUCTURE.has(d.code));
        expect(OrderBySchema.safeParse(value).success).toBe(!structural);
      }),
      { numRuns: 1500 },
    );
  });
});
