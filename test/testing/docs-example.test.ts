import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/*
 * The user's test docs/testing.md shows, run here as written but for its imports (the package's
 * entries there, their sources here): a filter UI's state, and the property that it always
 * compiles to a task the API takes.
 */

// docs:start
import fc from "fast-check";
import { compileFilter } from "../../src/index.js";
import { arbitraryExpression, arbitraryOrderBy } from "../../src/testing/index.js";
import { validateTask } from "../../src/validate/index.js";

// The UI's own code: what the filter panel holds, and the task it sends.
interface FilterState {
  target: string;
  where: string; // the expression box; empty for no filter
  sort: readonly { field: string; direction: "asc" | "desc" }[];
}

function toTask(state: FilterState, endpoint: string) {
  return {
    target: state.target,
    ...(state.where.trim() === "" ? {} : { filters: compileFilter(state.where, { endpoint }) }),
    ...(state.sort.length === 0 ? {} : { order_by: state.sort.map((s) => `${s.field},${s.direction}`) }),
  };
}

// The property: whatever a user can put in the panel, the task compiles and validates.
const endpoint = "backlinks/referring_domains";
const states: fc.Arbitrary<FilterState> = fc.record({
  target: fc.constantFrom("dataforseo.com", "example.org"),
  where: fc.oneof(fc.constant(""), arbitraryExpression({ endpoint })),
  sort: fc.oneof(
    fc.constant([]),
    arbitraryOrderBy({ endpoint }).map((rules) =>
      rules.map((rule) => {
        const comma = rule.lastIndexOf(",");
        return { field: rule.slice(0, comma), direction: rule.slice(comma + 1) as "asc" | "desc" };
      }),
    ),
  ),
});

it("my UI's filter state always compiles", () => {
  fc.assert(
    fc.property(states, (state) => {
      const task = toTask(state, endpoint); // compileFilter throws DfsqError if it does not compile
      expect(validateTask(task, { endpoint }).diagnostics).toEqual([]);
    }),
  );
});
// docs:end

describe("docs/testing.md", () => {
  it("shows this test as it runs here", () => {
    const source = readFileSync(new URL(import.meta.url), "utf8");
    const example = source.slice(source.indexOf("// docs:start\n") + 14, source.indexOf("// docs:end"));
    const docs = readFileSync(new URL("../../docs/testing.md", import.meta.url), "utf8");
    const asUsersWriteIt = example
      .replace('"../../src/index.js"', '"dfsq"')
      .replace('"../../src/testing/index.js"', '"dfsq/testing"')
      .replace('"../../src/validate/index.js"', '"dfsq/validate"')
      .replace('it("my UI', 'test("my UI');
    expect(docs).toContain(asUsersWriteIt);
  });
});
