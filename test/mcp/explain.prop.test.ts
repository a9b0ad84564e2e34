import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFilter } from "../../src/compile.js";
import { explainTool } from "../../src/mcp/tools/explain.js";
import type { FilterNode } from "../../src/lower/filter-array.js";
import { printFieldPath } from "../../src/print/print-value.js";
import { filterArray } from "../arbitraries/filters.js";

/** The fields of a filter's conditions, left to right. */
function fieldsOf(filter: FilterNode): string[] {
  if (typeof filter[0] === "string") return [filter[0]];
  return (filter as unknown[]).filter((_, i) => i % 2 === 0).flatMap((operand) => fieldsOf(operand as FilterNode));
}

describe("explain and compile are inverses through the MCP tools", () => {
  it("explain's text of any canonical filter compiles back to that filter, and its reading names every field as dfsq writes it", () => {
    fc.assert(
      fc.property(filterArray(), (filters) => {
        const r = explainTool({ filters });
        expect(r.isError).toBeFalsy();
        const { dfsq, reading } = r.structuredContent as { dfsq: { filters: string }; reading: string };
        expect(checkFilter(dfsq.filters).value).toEqual(filters);
        for (const field of fieldsOf(filters)) expect(reading).toContain(printFieldPath(field));
      }),
      { numRuns: 300 },
    );
  });
});
