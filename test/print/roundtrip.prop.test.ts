import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFilter, compileFilter, compileOrderBy } from "../../src/compile.js";
import { DiagnosticBag } from "../../src/diagnostics/diagnostic.js";
import { emit } from "../../src/lower/lowered.js";
import { lowerFilter } from "../../src/lower/lower.js";
import { Clock } from "../../src/values/time.js";
import { printExpr } from "../../src/print/print-expr.js";
import { printFilter, printOrderBy } from "../../src/print/print-filter.js";
import { parseFilter } from "../../src/syntax/parse.js";
import { DEFAULT_LIMITS } from "../../src/options.js";
import { fieldName, filterArray } from "../arbitraries/filters.js";

/* Printer and compiler are inverses. */

describe("printFilter ∘ compileFilter", () => {
  it("compileFilter(printFilter(x)) deep-equals x for canonical x", () => {
    fc.assert(
      fc.property(filterArray(8), (x) => {
        const text = printFilter(x);
        expect(compileFilter(text)).toEqual(x);
      }),
      { numRuns: 2000 },
    );
  });

  it("printing is stable: print(compile(print(x))) is print(x)", () => {
    fc.assert(
      fc.property(filterArray(8), (x) => {
        const text = printFilter(x);
        expect(printFilter(compileFilter(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("flat chains print to the same text as their binary form", () => {
    fc.assert(
      fc.property(filterArray(8), (x) => {
        const text = printFilter(x);
        const flat = compileFilter(text, { chains: "flat" });
        expect(printFilter(flat)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe("printExpr over parsed ASTs (with not, between, relative times)", () => {
  const atom = fc.oneof(
    fc.constantFrom("a > 1", 'b like "%x%"', "c in (1, 2)", "d", "e is null", "f between 1 and 2", "g not between 2024-01-01 and now - 7d", 'h has "x"', "i >= today + 1w", 'j > "$item->k"'),
  );
  const expr: fc.Memo<string> = fc.memo((n) =>
    n <= 1
      ? atom
      : fc.oneof(
          atom,
          fc.tuple(expr(n - 1), fc.constantFrom(" and ", " or "), expr(n - 1)).map(([a, op, b]) => a + op + b),
          expr(n - 1).map((e) => `not (${e})`),
          expr(n - 1).map((e) => `(${e})`),
        ),
  );
  it("the printed AST compiles to what the AST lowers to", () => {
    fc.assert(
      fc.property(expr(4), (source) => {
        const options = { now: "2024-06-15T12:00:00Z", maxConditions: 1000 };
        const bag = new DiagnosticBag(source);
        const { ast } = parseFilter(source, bag, { ...DEFAULT_LIMITS, maxConditions: 1000 });
        expect(bag.errorCount).toBe(0);
        const lowered = emit(lowerFilter(ast!, { bag, clock: new Clock(options.now) }), "binary");
        expect(compileFilter(printExpr(ast!), options)).toEqual(lowered);
        expect(compileFilter(source, options)).toEqual(lowered);
      }),
      { numRuns: 500 },
    );
  });
});

describe("order-by", () => {
  it("compileOrderBy(printOrderBy(x)) deep-equals x", () => {
    const rules = fc.uniqueArray(
      fc.tuple(fieldName.filter((f) => !/[,\n\r\u2028\u2029]/.test(f)), fc.constantFrom("asc", "desc")),
      { minLength: 1, maxLength: 3, selector: ([f]) => f },
    );
    fc.assert(
      fc.property(rules, (pairs) => {
        const x = pairs.map(([f, d]) => `${f},${d}`);
        expect(compileOrderBy(printOrderBy(x))).toEqual(x);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("compiled output is valid input", () => {
  it("checkFilter's value prints and recompiles to itself", () => {
    fc.assert(
      fc.property(filterArray(8), (x) => {
        const r = checkFilter(printFilter(x));
        expect(r.ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
