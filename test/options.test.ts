import { describe, expect, it } from "vitest";
import { analyze, complete, hover } from "../src/assist/index.js";
import { checkFilter, checkOrderBy, compileFilter, compileOrderBy } from "../src/compile.js";
import { DiagnosticBag } from "../src/diagnostics/diagnostic.js";
import { evaluateExpr } from "../src/eval/evaluate-ast.js";
import { compileMatcher, evaluateFilter } from "../src/eval/evaluate.js";
import { LIMIT_CEILINGS } from "../src/options.js";
import { printFilter, printOrderBy } from "../src/print/print-filter.js";
import { parseFilter } from "../src/syntax/parse.js";
import { validateFilter, validateOrderBy } from "../src/validate/validate.js";
import { dfsqError } from "./helpers/errors.js";

/* Options are checked where they enter, and each limit has a ceiling the code is tested at. */

const LIMITS = ["maxConditions", "maxSortRules", "maxInputLength", "maxDepth", "maxListLength"] as const;

describe("a limit must be a whole number from 0", () => {
  it.each(LIMITS.flatMap((name) => [Number.NaN, -1, 2.5, "8", null, true, 10n, {}].map((value) => [name, value] as const)))(
    "%s: %s is invalid_option, with option set",
    (name, value) => {
      const options = { [name]: value } as never;
      for (const r of [checkFilter("a > 1", options), checkOrderBy("a", options), validateFilter(["a", ">", 1], options), validateOrderBy(["a,asc"], options)]) {
        expect(r.ok).toBe(false);
        expect(r.diagnostics.map((d) => [d.code, d.option, d.span])).toEqual([["invalid_option", name, { start: 0, end: 0 }]]);
      }
      expect(analyze("a > 1", options).diagnostics.map((d) => [d.code, d.option])).toEqual([["invalid_option", name]]);
    },
  );

  it.each([Number.NaN, -1, 1.5, "32"])("the evaluator's maxDepth / maxListLength %s is DfsqError invalid_option", (value) => {
    for (const name of ["maxDepth", "maxListLength"]) {
      const e = dfsqError(() => compileMatcher(["a", "=", 1], { [name]: value } as never));
      expect(e.diagnostics.map((d) => [d.code, d.option])).toEqual([["invalid_option", name]]);
    }
  });

  it("other options of the wrong type are invalid_option too, and none reaches the code as a TypeError", () => {
    for (const [option, value] of [["endpoint", 5], ["param", {}], ["now", []], ["chains", "wide"], ["optimize", "yes"], ["mode", "sql"]] as const) {
      const r = checkFilter("a > 1", { [option]: value } as never);
      expect(r.diagnostics.map((d) => [d.code, d.option])).toEqual([["invalid_option", option]]);
    }
    expect(checkFilter("a > 1", 5 as never).diagnostics.map((d) => [d.code, d.option])).toEqual([["invalid_option", "options"]]);
    const throwing = Object.defineProperty({}, "endpoint", { get: () => { throw new Error("boom"); } });
    expect(checkFilter("a > 1", throwing).diagnostics.map((d) => [d.code, d.option])).toEqual([["invalid_option", "endpoint"]]);
    expect(complete("a ", 2, { endpoint: 5 } as never)?.options.map((o) => o.label)).toContain("=");
    expect(hover("a > 1", 0, { endpoint: 5 } as never)?.text).toBe("field a");
  });
});

describe("a limit past its ceiling means the ceiling", () => {
  it("maxDepth 1e9 stops 300 parentheses at 256, with no stack overflow", () => {
    const source = `${"(".repeat(300)}a${")".repeat(300)}`;
    for (const maxDepth of [1e9, Number.POSITIVE_INFINITY]) {
      const [d] = checkFilter(source, { maxDepth, maxInputLength: Infinity }).diagnostics;
      expect(d?.code).toBe("nesting_too_deep");
      expect(d?.message).toContain(`more than ${LIMIT_CEILINGS.maxDepth}`);
    }
  });

  it("maxInputLength Infinity is 1 MiB", () => {
    const r = checkFilter(`a = "${"x".repeat(LIMIT_CEILINGS.maxInputLength)}"`, { maxInputLength: Infinity });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["input_too_long"]);
  });
});

/** Everything at its ceiling at once. */
const CEILINGS = { ...LIMIT_CEILINGS };

/**
 * `a0 > 0 and (b0 > 0 or (a1 > 0 and (b1 > 0 or …)))`, `depth` parentheses deep, with `not`s and a
 * `between` at the bottom (each `not (` is two levels, as the parser counts them).
 */
function nested(depth: number): string {
  let source = "x between 1 and 2 or y";
  for (let i = depth; i > 0; ) {
    if (i >= 2 && i % 5 === 0) {
      source = `not (z${i} > 0 and ${source})`;
      i -= 2;
    } else {
      source = `a${i} > 0 ${i % 2 === 0 ? "and" : "or"} (b${i} > 0 ${i % 2 === 0 ? "or" : "and"} ${source})`;
      i -= 1;
    }
  }
  return source;
}

describe("at the ceilings: parse, check, lower, print, analyze, evaluate", () => {
  it("maxDepth: 256 levels compile, print, read back, analyze and evaluate; 257 are refused", () => {
    const source = nested(LIMIT_CEILINGS.maxDepth);
    const compiled = compileFilter(source, CEILINGS);
    expect(printFilter(compiled, CEILINGS)).toBeTypeOf("string");
    expect(compileFilter(printFilter(compiled, CEILINGS), CEILINGS)).toEqual(compiled);
    expect(validateFilter(compiled, CEILINGS).value).toEqual(compiled);
    expect(analyze(source, CEILINGS).value).toEqual(compiled);
    // The arrays' evaluator agrees with the AST's (which reads `not` and `between` as written).
    const { ast } = parseFilter(source, new DiagnosticBag(source), CEILINGS);
    const fields = [...new Set(source.match(/\b[abzxy]\d*\b/g))];
    for (const value of [0, 1, 3]) {
      const item = { ...Object.fromEntries(fields.map((f) => [f, value])), y: value === 1 };
      expect(evaluateFilter(compiled, item, { maxDepth: LIMIT_CEILINGS.maxDepth })).toBe(evaluateExpr(ast!, item));
    }
    expect(hover(source, source.indexOf(" y") + 1, CEILINGS)?.text).toBe("field y");
    expect(checkFilter(nested(LIMIT_CEILINGS.maxDepth + 1), CEILINGS).diagnostics.map((d) => d.code)).toEqual(["nesting_too_deep"]);
  });

  it("maxConditions: 10,000 conditions compile, print, read back, analyze and evaluate", () => {
    const source = Array.from({ length: LIMIT_CEILINGS.maxConditions }, (_, i) => `f${i} > ${i}`).join(" and ");
    const compiled = compileFilter(source, CEILINGS);
    const text = printFilter(compiled, CEILINGS);
    expect(text).toBe(source);
    expect(validateFilter(compiled, CEILINGS).ok).toBe(true);
    expect(analyze(source, CEILINGS).diagnostics).toEqual([]);
    expect(evaluateFilter(compiled, { f0: 1 })).toBe(false);
    expect(checkFilter(`${source} and g > 1`, CEILINGS).diagnostics.map((d) => d.code)).toEqual(["too_many_conditions"]);
  });

  it("maxListLength: a list of 10,000 values compiles, prints, reads back and evaluates", () => {
    const values = Array.from({ length: LIMIT_CEILINGS.maxListLength }, (_, i) => i);
    const compiled = compileFilter(`f in (${values.join(", ")})`, CEILINGS);
    expect(compiled).toEqual(["f", "in", values]);
    expect(compileFilter(printFilter(compiled, CEILINGS), CEILINGS)).toEqual(compiled);
    expect(validateFilter(compiled, CEILINGS).ok).toBe(true);
    expect(evaluateFilter(compiled, { f: 9999 }, { maxListLength: LIMIT_CEILINGS.maxListLength })).toBe(true);
    expect(validateFilter(["f", "in", [...values, 1]], CEILINGS).diagnostics.map((d) => d.code)).toEqual(["list_too_long"]);
  });

  it("maxSortRules: 10,000 rules compile, print and read back", () => {
    const source = Array.from({ length: LIMIT_CEILINGS.maxSortRules }, (_, i) => `f${i} desc`).join(", ");
    const compiled = compileOrderBy(source, CEILINGS);
    expect(printOrderBy(compiled, CEILINGS)).toBe(source);
    expect(validateOrderBy(compiled, CEILINGS).value).toEqual(compiled);
    expect(analyze(source, { ...CEILINGS, mode: "orderBy" }).value).toEqual(compiled);
  });

  it("maxInputLength: 1 MiB of source compiles and analyzes; 1 MiB of conditions ends in diagnostics", () => {
    const padding = LIMIT_CEILINGS.maxInputLength - 'a = ""'.length;
    const long = `a = "${"x".repeat(padding)}"`;
    expect(long).toHaveLength(LIMIT_CEILINGS.maxInputLength);
    expect(compileFilter(long, CEILINGS)).toEqual(["a", "=", "x".repeat(padding)]);
    expect(analyze(long, CEILINGS).diagnostics).toEqual([]);
    expect(checkFilter(`${long} `, CEILINGS).diagnostics.map((d) => d.code)).toEqual(["input_too_long"]);
    const conditions = "f > 1 and ".repeat(LIMIT_CEILINGS.maxInputLength / 10 - 1) + "g > 1 and";
    expect(conditions.length).toBeLessThanOrEqual(LIMIT_CEILINGS.maxInputLength);
    const codes = checkFilter(conditions, CEILINGS).diagnostics.map((d) => d.code);
    expect(codes).toEqual(["unexpected_end"]);
  });
});
