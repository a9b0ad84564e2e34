import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldsOf } from "../../src/catalog/api.js";
import { compileFilter } from "../../src/compile.js";
import { evaluateFilter } from "../../src/eval/index.js";
import { readPath, splitPath } from "../../src/eval/path.js";
import { printFilter } from "../../src/print/print-filter.js";
import { filterJsonSchema, orderByJsonSchema } from "../../src/schema/index.js";
import { arbitraryExpressionWithArrays } from "../../src/testing/expression.js";
import { arbitraryExpression, arbitraryFilter, arbitraryItem, arbitraryOrderBy } from "../../src/testing/index.js";
import { validateFilter } from "../../src/validate/index.js";
import { validatorOf } from "../schema/ajv.js";
import { PAIRS, countConditions } from "./helpers.js";

/*
 * dfsq/testing's items and options, and the typed JSON Schemas against what the generators make:
 * items have the catalog's shape and evaluateFilter reads them; the options do what they say.
 */

// A sample of endpoints: compiling each JSON Schema is the slow part.
describe.each(["backlinks/referring_domains", "dataforseo_labs/google/ranked_keywords", "on_page/pages", "content_analysis/search", "business_data/business_listings/search"])(
  "the JSON Schemas of %s",
  (endpoint) => {
    it("accept what the generators make and the compiler outputs", () => {
      const filters = validatorOf(filterJsonSchema({ endpoint }));
      const orderBy = validatorOf(orderByJsonSchema({ endpoint }));
      fc.assert(
        fc.property(arbitraryFilter({ endpoint }), arbitraryExpression({ endpoint }), arbitraryOrderBy({ endpoint }), (f, text, o) => {
          expect(filters(f)).toBe(true);
          expect(filters(compileFilter(text, { endpoint }))).toBe(true);
          expect(filters(compileFilter(text, { endpoint, chains: "flat" }))).toBe(true);
          expect(orderBy(o)).toBe(true);
        }),
        { numRuns: 40 },
      );
    });
  },
);

describe("arbitraryItem", () => {
  const TYPE_OF_VALUE: Record<string, (v: unknown) => boolean> = {
    num: (v) => typeof v === "number",
    str: (v) => typeof v === "string",
    bool: (v) => typeof v === "boolean",
    time: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+00:00$/.test(v),
    "array.str": (v) => Array.isArray(v) && v.every((x) => typeof x === "string"),
    "array.num": (v) => Array.isArray(v) && v.every((x) => typeof x === "number"),
  };

  it.each(PAIRS)("%s %s: holds every field of the catalog, of its type or null", (endpoint, param) => {
    const fields = fieldsOf(endpoint, param)!.filter((f) => !f.path.includes("$"));
    fc.assert(
      fc.property(arbitraryItem({ endpoint, param }), (item) => {
        for (const f of fields) {
          const value = readPath(item, splitPath(f.path));
          expect({ path: f.path, ok: value === null || TYPE_OF_VALUE[f.type]!(value) }).toEqual({ path: f.path, ok: true });
        }
      }),
      { numRuns: 3 },
    );
  });

  it("fills placeholder segments with maps of a few keys", () => {
    fc.assert(
      fc.property(arbitraryItem({ endpoint: "backlinks/referring_domains", nullRate: 0 }), (item) => {
        const tlds = item.referring_links_tld as Record<string, unknown>;
        expect(Object.keys(tlds).length).toBeLessThanOrEqual(3);
        for (const count of Object.values(tlds)) expect(typeof count).toBe("number");
      }),
      { numRuns: 20 },
    );
  });

  it("evaluateFilter reads generated filters against generated items, and an item matches a condition on its own value", () => {
    const endpoint = "dataforseo_labs/google/ranked_keywords";
    const scalars = fieldsOf(endpoint)!.filter((f) => !f.path.includes("$") && (f.type === "num" || f.type === "str"));
    fc.assert(
      fc.property(arbitraryFilter({ endpoint }), arbitraryItem({ endpoint, nullRate: 0 }), fc.constantFrom(...scalars), (filters, item, field) => {
        expect(typeof evaluateFilter(filters, item)).toBe("boolean");
        const own = readPath(item, splitPath(field.path));
        expect(evaluateFilter([field.path, "=", own as string | number], item)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("items and filters share values: some generated filters match some generated items", () => {
    const endpoint = "backlinks/referring_domains";
    const samples = fc.sample(fc.tuple(arbitraryFilter({ endpoint, maxConditions: 1 }), arbitraryItem({ endpoint })), { numRuns: 300, seed: 1 });
    const outcomes = new Set(samples.map(([filters, item]) => evaluateFilter(filters, item)));
    expect(outcomes).toEqual(new Set([true, false]));
  });
});

describe("the options", () => {
  it("maxConditions bounds the conditions; a filter for on_page/redirect_chains is one condition", () => {
    fc.assert(
      fc.property(arbitraryFilter({ endpoint: "backlinks/referring_domains", maxConditions: 2 }), (filters) => {
        expect(countConditions(filters)).toBeLessThanOrEqual(2);
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(arbitraryFilter({ endpoint: "on_page/redirect_chains" }), (filters) => {
        expect(countConditions(filters)).toBe(1);
      }),
      { numRuns: 20 },
    );
  });

  it('shape "canonical" is what compileFilter writes', () => {
    const options = { endpoint: "backlinks/backlinks" };
    fc.assert(
      fc.property(arbitraryFilter({ ...options, shape: "canonical" }), (filters) => {
        expect(compileFilter(printFilter(filters), options)).toEqual(filters);
      }),
      { numRuns: 50 },
    );
  });

  it('shape "any" also makes flat groups and wrapped conditions', () => {
    const samples = fc.sample(arbitraryFilter({ endpoint: "backlinks/backlinks" }), { numRuns: 300, seed: 1 });
    expect(samples.some((f) => Array.isArray(f[0]) && f.length > 3)).toBe(true);
    expect(samples.some((f) => f.length === 1)).toBe(true);
  });

  it("repeatFields lets a field appear twice, with at most a contradiction warning", () => {
    const options = { endpoint: "backlinks/referring_domains", repeatFields: true };
    fc.assert(
      fc.property(arbitraryFilter(options), (filters) => {
        const r = validateFilter(filters, options);
        expect(r.diagnostics.filter((d) => d.code !== "contradiction").map((d) => d.code)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("arbitraryExpression is the text of arbitraryExpressionWithArrays", () => {
    const [text] = fc.sample(arbitraryExpression({ endpoint: "on_page/pages" }), { numRuns: 1, seed: 7 });
    const [pair] = fc.sample(arbitraryExpressionWithArrays({ endpoint: "on_page/pages" }), { numRuns: 1, seed: 7 });
    expect(text).toBe(pair!.text);
  });
});
