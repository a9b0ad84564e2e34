import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../../docs/playground/examples.js";
import { SAMPLE_ENDPOINT, SAMPLE_ITEMS } from "../../docs/playground/sample.js";
import { valuesIn } from "../../docs/playground/values.js";
import { checkFilter, checkOrderBy, fieldsOf } from "../../src/index.js";

/* The playground's own data, without a browser: its examples compile cleanly, its sample fits. */

describe("the playground's examples", () => {
  const all = Object.entries(EXAMPLES).flatMap(([api, list]) => list.map((e) => [api, e] as const));

  it.each(all)("%s: %o compiles without a problem on its endpoint", (_api, example) => {
    expect(checkFilter(example.filter, { endpoint: example.endpoint }).diagnostics).toEqual([]);
    expect(checkOrderBy(example.orderBy ?? "rank", { endpoint: example.endpoint }).diagnostics.filter(() => example.orderBy !== undefined)).toEqual([]);
  });

  it("cover every API with a few each", () => {
    expect(Object.keys(EXAMPLES).length).toBeGreaterThanOrEqual(8);
    for (const list of Object.values(EXAMPLES)) expect(list.length).toBeLessThanOrEqual(3);
  });
});

describe("the sample response", () => {
  it("has only fields of its endpoint's catalog at the top level", () => {
    const fields = new Set(fieldsOf(SAMPLE_ENDPOINT)!.map((f) => f.path.split(".")[0]));
    const strangers = SAMPLE_ITEMS.flatMap((item) => Object.keys(item).filter((key) => !fields.has(key) && key !== "type"));
    expect(strangers).toEqual([]);
  });

  it("offers a field's values, those that start with what was typed first", () => {
    expect(valuesIn(SAMPLE_ITEMS, "domain", "gi").map((v) => (typeof v === "object" ? v.value : v))).toEqual(["github.com", "digital-news.co.uk"]);
    expect(valuesIn(SAMPLE_ITEMS, "referring_links_types.redirect", "")).not.toEqual([]);
    expect(valuesIn(SAMPLE_ITEMS, "nope", "")).toEqual([]);
  });
});
