import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FilterParam } from "../../src/catalog/endpoints.js";
import { checkFilter, compileFilter } from "../../src/compile.js";
import { printFilter } from "../../src/print/print-filter.js";
import { arbitraryExpressionWithArrays } from "../../src/testing/expression.js";
import { PAIRS, codes } from "./helpers.js";

/*
 * dfsq/testing's arbitraryExpression, for every endpoint parameter with a catalog: the text
 * compiles without a diagnostic to exactly the arrays it was written from, and round-trips.
 */

describe.each(PAIRS)("%s %s", (endpoint, param: FilterParam) => {
  const options = { endpoint, param };

  it("arbitraryExpression: compiles without a diagnostic to the arrays it was written from, and round-trips", () => {
    fc.assert(
      fc.property(arbitraryExpressionWithArrays(options), ({ text, filters }) => {
        const r = checkFilter(text, options);
        expect(codes(r)).toEqual([]);
        expect(r.value).toEqual(filters);
        expect(compileFilter(printFilter(r.value), options)).toEqual(r.value);
      }),
      { numRuns: 8 },
    );
  });
});

