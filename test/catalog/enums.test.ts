import { describe, expect, it } from "vitest";
import { segmentValuesOf, valuesOf } from "../../src/catalog/enums.js";
import { resolveCatalog } from "../../src/catalog/resolve.js";
import { DiagnosticBag } from "../../src/diagnostics/diagnostic.js";

const catalogOf = (endpoint: string) => resolveCatalog({ endpoint }, new DiagnosticBag(""));

describe("documented value sets", () => {
  it("gives a field's values with the set's wording and sources", () => {
    const v = valuesOf(catalogOf("dataforseo_labs/google/keyword_ideas"), "keyword_info.competition_level")!;
    expect(v).toMatchObject({ kind: "value", id: "labs.competition_level", set: { values: ["LOW", "MEDIUM", "HIGH"], nullPossible: true } });
    expect(v.set.source).toBe("https://docs.dataforseo.com/v3/dataforseo_labs/google/keyword_ideas/live/");
    expect(v.set.stated).toContain("LOW");
  });

  it("marks the elements of an array field", () => {
    expect(valuesOf(catalogOf("backlinks/backlinks"), "domain_from_platform_type")).toMatchObject({ kind: "array_element", set: { values: expect.arrayContaining(["cms", "blogs"]) } });
  });

  it("names the keys of a map segment, and of a Labs placeholder where it applies", () => {
    const rd = catalogOf("backlinks/referring_domains");
    expect(segmentValuesOf(rd, "referring_links_types.$key")?.set.values).toContain("canonical");
    expect(valuesOf(rd, "referring_links_types.$key")).toBeUndefined();
    const competitors = catalogOf("dataforseo_labs/google/competitors_domain");
    expect(segmentValuesOf(competitors, "metrics.$item_type")?.set.values).toEqual(["organic", "paid", "featured_snippet", "local_pack"]);
    expect(segmentValuesOf(competitors, "other.$item_type")).toBeUndefined();
  });

  it("knows nothing without an endpoint or for a field without a set", () => {
    expect(valuesOf(undefined, "competition_level")).toBeUndefined();
    expect(valuesOf(catalogOf("backlinks/referring_domains"), "rank")).toBeUndefined();
  });
});
