import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFilter, checkOrderBy } from "../../src/compile.js";
import { printFilter, printOrderBy } from "../../src/print/print-filter.js";
import { scan } from "../../src/syntax/lexer.js";
import { findMistakes } from "../../src/syntax/mistakes.js";
import { edited } from "../arbitraries/edits.js";
import { fieldName, filterArray } from "../arbitraries/filters.js";

/*
 * The mistake recognisers (src/syntax/mistakes.ts) may claim nothing in valid input, even with no
 * failure to anchor them: what they match without one must be token sequences no valid input has.
 */

const SYNTAX = new Set([
  "unexpected_character", "unterminated_string", "invalid_escape", "invalid_number", "invalid_date", "empty_field_name",
  "unexpected_token", "unexpected_end", "unknown_operator", "json_as_text", "field_needs_quotes", "invalid_duration",
]);

/** Whether the text has no syntax error (it may still fail a check, or warn). */
const parses = (mode: "filter" | "orderBy", text: string) =>
  !(mode === "filter" ? checkFilter(text, { maxConditions: 1000 }) : checkOrderBy(text, { maxSortRules: 100 })).diagnostics.some(
    (d) => d.severity === "error" && SYNTAX.has(d.code),
  );

const claimed = (mode: "filter" | "orderBy", source: string) =>
  findMistakes({ source, tokens: scan(source).tokens, mode, listFailures: new Set(), sites: [] }, []).map((m) => m.code);

const VALID = [
  "!!a and not !b",
  "f in (1,500, -2,300) and g in [now-1d,today+2w]",
  "a = -1 and b >= -2e3 and c < - 3",
  "f > now-30d and g between 2024-01-01 and now - 1w",
  'f like "%a%" and g ~ r"\\d" and h not like \'x\'',
  "a.`18-24` > 1 and `a b`.c = d.e and x = y",
  "(a) and ((b)) or [c] = 1",
];
const PIECES = [..."()[],-+=<>!~ ", "and", "or", "not", "in", "like", "1", "000", "1,000", "x", "a.b", "now", "7d", "-", "18-24", '"s"', "`q`"];

describe("mistake recognisers on valid input", () => {
  it("claim nothing in printed filters", () => {
    fc.assert(
      fc.property(filterArray(8), (x) => {
        expect(claimed("filter", printFilter(x))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("claim nothing in printed order-bys", () => {
    const rules = fc.uniqueArray(fc.tuple(fieldName.filter((f) => !f.includes(",")), fc.constantFrom("asc", "desc")), {
      minLength: 1,
      maxLength: 3,
      selector: ([f]) => f,
    });
    fc.assert(
      fc.property(rules, (pairs) => {
        expect(claimed("orderBy", printOrderBy(pairs.map(([f, d]) => `${f},${d}`)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("claim nothing in edited text that still parses", () => {
    const input = edited(fc.constantFrom(...VALID), fc.constantFrom(...PIECES), { minEdits: 0, maxEdits: 4, maxDelete: 3 });
    let valid = 0;
    fc.assert(
      fc.property(input, (source) => {
        if (!parses("filter", source)) return;
        valid++;
        expect(claimed("filter", source)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
    // Not vacuous: a good share of the edits still parse.
    expect(valid).toBeGreaterThan(200);
  });
});
