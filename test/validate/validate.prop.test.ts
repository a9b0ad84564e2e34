import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFilter } from "../../src/compile.js";
import { printFilter } from "../../src/print/print-filter.js";
import { validateFilter, validateOrderBy } from "../../src/validate/validate.js";
import { filterArray } from "../arbitraries/filters.js";
import { expectOnlyDfsqError } from "../helpers/errors.js";

describe("validateFilter properties", () => {
  it("accepts every compiled filter, as it is", () => {
    fc.assert(
      fc.property(filterArray(8), fc.boolean(), (x, flat) => {
        const compiled = compileFilter(printFilter(x), { chains: flat ? "flat" : "binary" });
        const r = validateFilter(compiled);
        expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(r.value).toEqual(compileFilter(printFilter(x)));
      }),
      { numRuns: 1000 },
    );
  });

  it("returns, never throws, on arbitrary JSON; every diagnostic has a path", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expectOnlyDfsqError(() => {
          for (const r of [validateFilter(value), validateOrderBy(value)]) {
            for (const d of r.diagnostics) expect(Array.isArray(d.path)).toBe(true);
            expect(r.ok).toBe(r.value !== undefined);
          }
        });
      }),
      { numRuns: 3000 },
    );
  });
});
