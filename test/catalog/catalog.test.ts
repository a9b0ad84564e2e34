import { describe, expect, it } from "vitest";
import { fieldsOf, listEndpoints } from "../../src/catalog/api.js";
import { catalogSources } from "../../src/catalog/catalogs.generated.js";
import { ENDPOINTS } from "../../src/catalog/endpoints.js";
import { FieldCatalog, sortability } from "../../src/catalog/field-catalog.js";
import { findEndpoint, normalizeEndpointId } from "../../src/catalog/resolve.js";
import { suggest } from "../../src/catalog/suggest.js";

describe("endpoint ids", () => {
  it.each([
    "backlinks/referring_domains",
    "/v3/backlinks/referring_domains/live",
    "v3/backlinks/referring_domains/live",
    "https://api.dataforseo.com/v3/backlinks/referring_domains/live",
    "Backlinks/Referring_Domains/",
  ])("%s names backlinks/referring_domains", (input) => {
    expect(normalizeEndpointId(input)).toBe("backlinks/referring_domains");
    expect(findEndpoint(input)?.path).toBe("/v3/backlinks/referring_domains/live");
  });

  it("knows the task-based On-Page paths without /live", () => {
    expect(findEndpoint("/v3/on_page/pages")?.id).toBe("on_page/pages");
  });

  it("every endpoint's catalog keys lead to a field map in its source", () => {
    for (const spec of ENDPOINTS.values()) {
      for (const [param, keys] of Object.entries(spec.params)) {
        if (keys === null) continue;
        const fields = fieldsOf(spec.id, param as "filters");
        expect(fields?.length, `${spec.id} ${param}`).toBeGreaterThan(0);
      }
    }
  });

  it("lists endpoints of every API, with provenance and version", () => {
    const list = listEndpoints();
    const apis = new Set(list.map((e) => e.id.split("/")[0]));
    expect([...apis].toSorted()).toEqual(
      ["ai_optimization", "app_data", "backlinks", "business_data", "content_analysis", "dataforseo_labs", "domain_analytics", "on_page"].toSorted(),
    );
    expect(list.find((e) => e.id === "dataforseo_labs/google/ranked_keywords")).toMatchObject({
      provenance: "documented",
      catalogVersion: "0.1.20241203",
      fieldReferences: true,
    });
    expect(list.find((e) => e.id === "backlinks/referring_domains")).toMatchObject({
      provenance: "derived",
      params: ["filters", "backlinks_filters"],
      orderBy: true,
    });
    expect(list.find((e) => e.id === "on_page/redirect_chains")?.maxConditions).toBe(1);
  });

  it("keeps each catalog's version and provenance", () => {
    expect(catalogSources().dataforseo_labs).toMatchObject({ provenance: "documented", version: "0.1.20241203" });
    expect(catalogSources().backlinks).toMatchObject({ provenance: "derived", version: "0.1.20240801" });
    for (const source of Object.values(catalogSources())) expect(source.docs).toMatch(/^https:\/\/docs\.dataforseo\.com\//);
  });
});

describe("fieldsOf", () => {
  it("describes each field: path, type, sortable, documented, operators", () => {
    const fields = fieldsOf("backlinks/referring_domains")!;
    expect(fields.find((f) => f.path === "referring_domains")).toEqual({
      path: "referring_domains",
      type: "num",
      sortable: true,
      documented: false,
      operators: ["<", "<=", ">", ">=", "=", "<>", "in", "not_in"],
      caveats: {},
    });
    expect(fields.find((f) => f.path === "referring_links_tld.$tld")?.sortable).toBe(false);
  });

  it("gives each disputed or unverified operator its reason, as the checks do", () => {
    const domain = fieldsOf("backlinks/referring_domains")!.find((f) => f.path === "domain")!;
    expect(domain.operators).toContain("ilike");
    expect(Object.keys(domain.caveats).toSorted()).toEqual(["ilike", "not_ilike"]);
    expect(domain.caveats.ilike?.kind).toBe("conflict");
    expect(domain.caveats.ilike?.reason).toMatch(/backlinks\/referring_domains.*Backlinks filters page/);

    const volume = fieldsOf("ai_optimization/llm_mentions/search")!.find((f) => f.path === "ai_search_volume")!;
    expect(volume.caveats[">"]?.kind).toBe("unverified");
    expect(volume.caveats["="]).toBeUndefined();

    const title = fieldsOf("domain_analytics/technologies/domains_by_technology")!.find((f) => f.path === "title")!;
    expect(title.operators).not.toContain("regex");
  });

  it("marks the backlinks fields DataForSEO's docs show as documented", () => {
    const fields = fieldsOf("backlinks/anchors", "backlinks_filters")!;
    expect(fields.find((f) => f.path === "dofollow")).toMatchObject({ type: "bool", documented: true });
    expect(fields.find((f) => f.path === "is_indirect_link")).toMatchObject({ documented: false });
  });

  it("gives undefined for unknown endpoints and parameters, [] where no catalog is known", () => {
    expect(fieldsOf("backlinks/nope")).toBeUndefined();
    expect(fieldsOf("backlinks/backlinks", "backlinks_filters")).toBeUndefined();
    expect(fieldsOf("dataforseo_labs/google/historical_search_volume")).toEqual([]);
  });

  it("marks no field sortable for a parameter order_by does not sort by", () => {
    expect(fieldsOf("backlinks/summary", "backlinks_filters")?.some((f) => f.sortable)).toBe(false);
    expect(fieldsOf("backlinks/referring_domains", "backlinks_filters")?.some((f) => f.sortable)).toBe(false);
    expect(fieldsOf("backlinks/referring_domains")?.find((f) => f.path === "rank")?.sortable).toBe(true);
  });

  it("reads array fields as not sortable", () => {
    const fields = fieldsOf("dataforseo_labs/google/keyword_ideas")!;
    const arrays = fields.filter((f) => f.type.startsWith("array"));
    expect(arrays.length).toBeGreaterThan(0);
    for (const f of arrays) expect(f.sortable).toBe(false);
  });
});

describe("placeholders", () => {
  const catalog = new FieldCatalog(
    {
      "referring_links_tld.$tld": "num",
      "$key.rank": "num",
      "metrics.$item_type.count": "num",
      "intersection_result.$page.rank_absolute": "num",
      rank: "num",
    },
    "documented",
    undefined,
  );

  it.each([
    ["referring_links_tld.com", "referring_links_tld.$tld"],
    ["1.rank", "$key.rank"],
    ["metrics.organic.count", "metrics.$item_type.count"],
    ["intersection_result.1.rank_absolute", "intersection_result.$page.rank_absolute"],
    ["rank", "rank"],
  ])("%s matches %s", (path, pattern) => {
    expect(catalog.lookup(path)?.pattern).toBe(pattern);
  });

  it.each(["referring_links_tld", "referring_links_tld.com.au", "metrics.organic", "referring_links_tld.", "x.rank.y"])(
    "%s matches nothing",
    (path) => {
      expect(catalog.lookup(path)).toBeUndefined();
    },
  );

  it("knows which placeholders can be sorted", () => {
    expect(sortability({ pattern: "referring_links_tld.$tld", type: "num" })).toBe("not_sortable");
    expect(sortability({ pattern: "$key.rank", type: "num" })).toBe("sortable");
    expect(sortability({ pattern: "referring_links_types.$key", type: "num" })).toBe("unknown");
    expect(sortability({ pattern: "metrics.$item_type.etv", type: "num" })).toBe("sortable");
    expect(sortability({ pattern: "tags", type: "array.str" })).toBe("not_sortable");
  });
});

describe("suggest", () => {
  const names = ["referring_domains", "referring_domains_nofollow", "referring_pages", "rank", "keyword_data.keyword_info.search_volume"];
  it.each([
    ["referring_domain", ["referring_domains", "referring_domains_nofollow"]],
    ["refering_domains", ["referring_domains"]],
    ["rnak", ["rank"]],
    ["search_volume", ["keyword_data.keyword_info.search_volume"]],
    ["zzz", []],
  ])("%s → %j", (input, expected) => {
    expect(suggest(input, names)).toEqual(expected);
  });
  it("offers at most three", () => {
    expect(suggest("a", ["b", "c", "d", "e"]).length).toBeLessThanOrEqual(3);
  });
});
