import { describe, expect, it } from "vitest";
import { expectTyped } from "../../helpers/typed.js";

describe("unknown_field", () => {
  it("is an error on a documented catalog, with suggestions", () => {
    const [d] = expectTyped("dataforseo_labs/google/ranked_keywords", "keyword_data.keyword_info.serch_volume > 10", [
      ["unknown_field", "keyword_data.keyword_info.serch_volume"],
    ]);
    expect(d?.severity).toBe("error");
    expect(d?.suggestions?.[0]).toBe("keyword_data.keyword_info.search_volume");
    expect(d?.suggestions?.length).toBeLessThanOrEqual(3);
    expect(d?.hint).toContain("did you mean");
  });

  it("offers each suggestion as a quick fix whose text parses, segments in backquotes where needed", () => {
    const source = "keyword_data.clickstream_keyword_info.age_distribution.`18-25` > 10";
    const [d] = expectTyped("dataforseo_labs/google/related_keywords", source, [["unknown_field", "keyword_data.clickstream_keyword_info.age_distribution.`18-25`"]]);
    expect(d?.suggestions).toContain("keyword_data.clickstream_keyword_info.age_distribution.18-24");
    const fix = d?.fixes?.find((f) => f.title.endsWith("`18-24`"));
    expect(fix?.edits).toEqual([{ span: d!.span, insert: "keyword_data.clickstream_keyword_info.age_distribution.`18-24`" }]);
    const fixed = source.slice(0, d!.span.start) + fix!.edits[0]!.insert + source.slice(d!.span.end);
    expectTyped("dataforseo_labs/google/related_keywords", fixed, []);
  });

  it("offers no fix for a placeholder path, which is no text to insert", () => {
    const [d] = expectTyped("backlinks/referring_domains", "referring_links_tl.com > 0", [["unknown_field", "referring_links_tl.com"]]);
    expect(d?.suggestions?.some((s) => s.includes("$"))).toBe(true);
    expect(d?.fixes?.some((f) => f.edits.some((e) => e.insert.includes("$"))) ?? false).toBe(false);
  });

  it("is a warning on a derived catalog, which may be incomplete", () => {
    const [d] = expectTyped("backlinks/referring_domains", "referring_domain > 10", [["unknown_field", "referring_domain"]]);
    expect(d?.severity).toBe("warning");
    expect(d?.suggestions).toContain("referring_domains");
    expect(d?.message).toContain("may be incomplete");
  });

  it("accepts placeholder paths and reports the rest", () => {
    expectTyped("backlinks/referring_domains", "referring_links_tld.com > 0 and referring_links_tld > 0", [
      ["unknown_field", "referring_links_tld"],
    ]);
    expectTyped("dataforseo_labs/google/competitors_domain", "metrics.organic.count > 5 and metrics.paid.etv > 1", []);
    expectTyped("dataforseo_labs/google/page_intersection", "intersection_result.1.rank_absolute = 1", []);
  });

  it("checks every field of the expression, in between and bare fields too", () => {
    expectTyped("dataforseo_labs/google/ranked_keywords", "nope between 1 and 2 or nope2", [
      ["unknown_field", "nope"],
      ["unknown_field", "nope2"],
    ]);
  });

  it("uses the parameter's catalog", () => {
    expectTyped("backlinks/referring_domains", "dofollow and rank > 1", [], { param: "backlinks_filters" });
    expectTyped("backlinks/referring_domains", "dofollow", [["unknown_field", "dofollow"]]);
  });
});
