import fc from "fast-check";
import { RE2JS } from "re2js";
import { describe, expect, it } from "vitest";
import { MAX_REGEX_PROGRAM, regexTooComplex } from "../../src/values/pattern-cost.js";
import { re2Program } from "../../src/values/re2-syntax.js";
import { named, withEdits } from "../arbitraries/regex.js";

/*
 * The size dfsq caps is Go's estimate of the compiled program, computed without compiling. It
 * must never be below what re2js really builds (plus re2js's own two instructions: the failure
 * state and the match), or a pattern under the cap could compile larger than the cap says.
 * Patterns come from the RE2 grammar's generators, some of them wrapped in a large repeat so
 * that sizes reach the cap.
 */

/** re2js adds an instruction that fails and one that matches to every program. */
const RE2JS_OVERHEAD = 2;

const large = fc
  .tuple(named, fc.constantFrom("{100}", "{300}", "{0,500}", "{1000}", "{2,}", "*"), named)
  .map(([a, count, b]) => `(?:${a})${count}${b}`);

function re2jsSize(pattern: string): number | undefined {
  try {
    return RE2JS.compile(pattern).re2Input.numberOfInstructions();
  } catch {
    return undefined;
  }
}

describe("re2Program's size against re2js's programs", () => {
  // Which patterns re2js compiles at all is re2-syntax.prop.test.ts's business.
  it("is never below re2js's count", () => {
    fc.assert(
      fc.property(fc.oneof(withEdits, large), (pattern) => {
        const program = re2Program(pattern);
        // Compiling a million instructions takes a while; past the cap the exact size is moot.
        if (program === undefined || program.size > 2 * MAX_REGEX_PROGRAM) return;
        const size = re2jsSize(pattern);
        expect(size).toBeDefined();
        expect(size).toBeLessThanOrEqual(program.size + RE2JS_OVERHEAD);
      }),
      { numRuns: 3000 },
    );
  });

  it("so every pattern dfsq accepts compiles to at most the cap in re2js", () => {
    const nearTheCap = fc.integer({ min: 1, max: 1000 }).chain((n) =>
      fc.constantFrom(`[a-z]{0,${n}}x`, `^.{${n}}$`, `(?:ab|cd){${n}}`, `(a)(?:b{0,${n}}c)?`, `\\pL{${n}}\\b`),
    );
    fc.assert(
      fc.property(nearTheCap, (pattern) => {
        if (regexTooComplex(pattern) !== undefined) return;
        expect(re2jsSize(pattern)).toBeLessThanOrEqual(MAX_REGEX_PROGRAM + RE2JS_OVERHEAD);
      }),
      { numRuns: 500 },
    );
  });
});
