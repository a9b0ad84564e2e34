import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonLocator } from "../../src/cli/check/json-locate.js";
import { LineIndex } from "../../src/cli/check/lines.js";
import { lineColumn } from "../../src/diagnostics/diagnostic.js";

/*
 * The locator finds a path's value in JSON text without parsing it into a tree: whatever the
 * layout (indentation, escapes in keys, duplicate keys), the text it points at is that value.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path of a value, with the value there. */
function pathsOf(value: Json, path: (string | number)[] = []): [(string | number)[], Json][] {
  const here: [(string | number)[], Json][] = [[path, value]];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...path, i]))];
  if (value !== null && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
  return here;
}

/** JSON with whitespace around every token, strings written with escapes where they can be. */
function spaced(v: Json): string {
  if (Array.isArray(v)) return `[ ${v.map(spaced).join(" ,\n ")} ]`;
  if (v !== null && typeof v === "object") return `{\t${Object.entries(v).map(([k, x]) => `${escaped(k)} :\r\n${spaced(x)}`).join(" , ")} }`;
  return typeof v === "string" ? escaped(v) : JSON.stringify(v);
}
const escaped = (s: string) => JSON.stringify(s).replace(/[a-z/]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

const layouts = fc.constantFrom<(v: Json) => string>(
  (v) => JSON.stringify(v),
  (v) => JSON.stringify(v, null, 2),
  (v) => JSON.stringify(v, null, "\t").replace(/\n/g, "\r\n"),
  (v) => ` \n${spaced(v)}\n`,
);

/** Past the key string at the start of a property's text. */
function keyEnd(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

describe("JsonLocator", () => {
  it("points at each value (and at the whole property for a key) in any layout", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>, layouts, fc.nat({ max: 500 }), (generated, layout, base) => {
        // As JSON holds it (-0 reads back as 0).
        const value = JSON.parse(JSON.stringify(generated)) as Json;
        const text = layout(value);
        const locator = new JsonLocator(text, base);
        for (const [path, expected] of pathsOf(value)) {
          const { start, end } = locator.spanOf(path);
          const slice = text.slice(start - base, end - base);
          const last = path.at(-1);
          // At a key, `"key" : value`: the key, then the value.
          const colon = typeof last === "string" ? slice.indexOf(":", keyEnd(slice)) : -1;
          const read = colon === -1 ? { value: JSON.parse(slice) } : { key: JSON.parse(slice.slice(0, colon)), value: JSON.parse(slice.slice(colon + 1)) };
          expect(read).toEqual(typeof last === "string" ? { key: last, value: expected } : { value: expected });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("goes as deep as the text holds: a missing key points at the object that lacks it", () => {
    const text = '{"tasks": [{"target": "a"}, {"target": "b", "limit": 5}]}';
    const locator = new JsonLocator(text);
    const at = (path: (string | number)[]) => {
      const { start, end } = locator.spanOf(path);
      return text.slice(start, end);
    };
    expect(at(["tasks", 0, "filters", 1])).toBe('{"target": "a"}');
    expect(at(["tasks", 7])).toBe('"tasks": [{"target": "a"}, {"target": "b", "limit": 5}]');
    expect(at(["tasks", 1, "limit"])).toBe('"limit": 5');
    expect(at(["tasks", "0"])).toBe('"tasks": [{"target": "a"}, {"target": "b", "limit": 5}]');
    expect(at([])).toBe(text);
  });

  it("takes the last of duplicate keys, as JSON.parse does, and reads escaped keys", () => {
    const text = '{"a": 1, "a": 2, "b\\u0022c": 3}';
    const locator = new JsonLocator(text);
    expect(text.slice(locator.spanOf(["a"]).start, locator.spanOf(["a"]).end)).toBe('"a": 2');
    expect(text.slice(locator.spanOf(['b"c']).start, locator.spanOf(['b"c']).end)).toBe('"b\\u0022c": 3');
  });
});

describe("LineIndex", () => {
  it("agrees with lineColumn on every offset, whatever the line ends", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "bc", "\n", "\r\n", "\r", "\t", "é"), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const index = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) expect(index.position(offset)).toEqual(lineColumn(text, offset));
        const lines = index.lines().map(({ start, end }) => text.slice(start, end));
        expect(lines).toEqual(text.split(/\r\n|\r|\n/));
      }),
      { numRuns: 500 },
    );
  });
});
