import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listEndpoints } from "../../src/catalog/api.js";
import type { FilterParam } from "../../src/catalog/endpoints.js";
import { compileFilter, compileOrderBy } from "../../src/compile.js";
import { printFilter, printOrderBy } from "../../src/print/print-filter.js";
import { arbitraryFilter, arbitraryOrderBy } from "../../src/testing/index.js";
import { validateFilter, validateOrderBy } from "../../src/validate/index.js";
import { PAIRS, SORTING, codes, countConditions } from "./helpers.js";

/*
 * dfsq/testing's arbitraryFilter and arbitraryOrderBy, for every endpoint parameter with a catalog:
 * everything generated is what the API is documented to accept (dfsq reports nothing about it,
 * not even a warning), round-trips through the printer, and keeps to the limits.
 */

it("covers the endpoints", () => {
  expect(PAIRS.length).toBeGreaterThan(60);
  expect(SORTING.length).toBeGreaterThan(40);
});

describe.each(PAIRS)("%s %s", (endpoint, param: FilterParam) => {
  const options = { endpoint, param };

  it("arbitraryFilter: validates without a diagnostic, round-trips, fits the limit", () => {
    const max = listEndpoints().find((e) => e.id === endpoint)!.maxConditions;
    fc.assert(
      fc.property(arbitraryFilter(options), (filters) => {
        const r = validateFilter(filters, options);
        expect(codes(r)).toEqual([]);
        expect(compileFilter(printFilter(filters), options)).toEqual(r.value);
        expect(countConditions(filters)).toBeLessThanOrEqual(max);
      }),
      { numRuns: 8 },
    );
  });
});

describe.each(SORTING)("%s order_by", (endpoint) => {
  it("arbitraryOrderBy: validates without a diagnostic, round-trips", () => {
    fc.assert(
      fc.property(arbitraryOrderBy({ endpoint }), (orderBy) => {
        expect(codes(validateOrderBy(orderBy, { endpoint }))).toEqual([]);
        expect(compileOrderBy(printOrderBy(orderBy), { endpoint })).toEqual(orderBy);
      }),
      { numRuns: 10 },
    );
  });
});

