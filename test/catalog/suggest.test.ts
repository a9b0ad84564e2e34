import { describe, expect, it } from "vitest";
import { fieldsOf } from "../../src/catalog/api.js";
import { suggest } from "../../src/catalog/suggest.js";
import { checkFilter } from "../../src/compile.js";

const paths = (endpoint: string) => fieldsOf(endpoint)!.map((f) => f.path);
const suggestionsFor = (endpoint: string, source: string) =>
  checkFilter(source, { endpoint }).diagnostics.find((d) => d.code === "unknown_field")?.suggestions;

describe("suggest", () => {
  it("ignores case: a candidate that differs only in case comes first", () => {
    expect(suggest("Rank", ["rang", "rank"])).toEqual(["rank", "rang"]);
    expect(suggest("RANK", ["rank"])).toEqual(["rank"]);
    expect(suggestionsFor("backlinks/referring_domains", "Rank > 10")?.[0]).toBe("rank");
    expect(suggestionsFor("dataforseo_labs/google/keyword_ideas", "KEYWORD_INFO.SEARCH_VOLUME > 10")?.[0]).toBe("keyword_info.search_volume");
  });

  it("ranks paths with the typed leaf by length, then by the catalog's order", () => {
    expect(suggest("x", ["a.b.x", "c.x", "b.x"])).toEqual(["c.x", "b.x", "a.b.x"]);
  });

  it.each([
    ["dataforseo_labs/google/keyword_ideas", "search_volume", ["keyword_info.search_volume", "clickstream_keyword_info.search_volume", "keyword_info_normalized_with_bing.search_volume"]],
    ["dataforseo_labs/google/keywords_for_site", "search_volume", ["keyword_info.search_volume", "clickstream_keyword_info.search_volume", "keyword_info_normalized_with_bing.search_volume"]],
    ["dataforseo_labs/google/ranked_keywords", "search_volume", ["keyword_data.keyword_info.search_volume", "keyword_data.clickstream_keyword_info.search_volume", "keyword_data.keyword_info_normalized_with_bing.search_volume"]],
    ["dataforseo_labs/google/related_keywords", "cpc", ["keyword_data.keyword_info.cpc"]],
  ])("%s: %s → %j", (endpoint, field, expected) => {
    expect(suggest(field, paths(endpoint)).slice(0, expected.length)).toEqual(expected);
    expect(suggestionsFor(endpoint, `${field} > 10`)?.slice(0, expected.length)).toEqual(expected);
  });

  it("finds the path when the typed one carries another endpoint's prefix or a typo in its tail", () => {
    // keyword_ideas items have no keyword_data level; ranked_keywords items do.
    expect(suggest("keyword_data.keyword_info.search_volume", paths("dataforseo_labs/google/keyword_ideas"))[0]).toBe("keyword_info.search_volume");
    expect(suggest("keyword_info.serch_volume", paths("dataforseo_labs/google/ranked_keywords"))[0]).toBe("keyword_data.keyword_info.search_volume");
  });
});
