import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prettyJson } from "../../src/cli/pretty-json.js";

describe("prettyJson", () => {
  it("parses back to what JSON.stringify writes, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(JSON.parse(prettyJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 400 },
    );
  });

  it("writes an array of scalars and scalar arrays on one line, anything holding an object or starting with an array over several", () => {
    const scalarArray = fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), { maxLength: 4 });
    fc.assert(
      fc.property(fc.string(), fc.array(fc.oneof(fc.string(), fc.integer(), scalarArray), { maxLength: 4 }), (head, rest) => {
        expect(prettyJson([head, ...rest])).not.toContain("\n");
      }),
      { numRuns: 300 },
    );
    expect(prettyJson([["a", "=", 1], "and", ["b", "=", 2]])).toBe('[\n  ["a", "=", 1],\n  "and",\n  ["b", "=", 2]\n]');
    expect(prettyJson(["a", { b: 1 }])).toBe('[\n  "a",\n  {\n    "b": 1\n  }\n]');
    expect(prettyJson({})).toBe("{}");
    expect(prettyJson([])).toBe("[]");
    expect(prettyJson(undefined)).toBe("null");
  });
});
