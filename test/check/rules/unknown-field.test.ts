import { describe, expect, it } from "vitest";
import { checkFilter } from "../../../src/compile.js";
import type { Fix } from "../../../src/diagnostics/diagnostic.js";
import { validateFilter } from "../../../src/validate/validate.js";
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

/** The source with the fix's edits applied. */
const apply = (source: string, fix: Fix) =>
  fix.edits.toSorted((a, b) => b.span.start - a.span.start).reduce((text, e) => text.slice(0, e.span.start) + e.insert + text.slice(e.span.end), source);

describe("unknown_field quick fixes", () => {
  it("offers one fix per suggestion, replacing the field's text", () => {
    const source = "Rank > 10 and referring_domain > 10";
    const d = expectTyped("backlinks/referring_domains", source, [
      ["unknown_field", "Rank"],
      ["unknown_field", "referring_domain"],
    ]);
    for (const diagnostic of d) {
      expect(diagnostic.fixes?.map((f) => f.edits[0]!.insert)).toEqual(diagnostic.suggestions);
      for (const fix of diagnostic.fixes!) expect(fix.edits).toEqual([{ span: diagnostic.span, insert: fix.edits[0]!.insert }]);
    }
    expect(d[0]?.fixes?.[0]?.title).toBe("rank");
    const fixed = apply(apply(source, d[1]!.fixes![0]!), d[0]!.fixes![0]!);
    expect(fixed).toBe("rank > 10 and referring_domains > 10");
    expectTyped("backlinks/referring_domains", fixed, []);
  });

  it("writes the replacement as it must be written: quoted where a segment needs it", () => {
    const endpoint = "dataforseo_labs/google/keyword_ideas";
    const source = "`clickstream_keyword_info.age_distribution.18-25` > 1";
    const [d] = expectTyped(endpoint, source, [["unknown_field", "`clickstream_keyword_info.age_distribution.18-25`"]]);
    const fix = d!.fixes!.find((f) => f.edits[0]!.insert.includes("18-24"))!;
    expectTyped(endpoint, apply(source, fix), []);
  });

  it("fixes order-by fields too", () => {
    const [d] = expectTyped("backlinks/referring_domains", "Rank desc", [["unknown_field", "Rank"]], { mode: "orderBy" });
    expect(d?.fixes?.[0]?.edits[0]?.insert).toBe("rank");
  });

  it("offers no fix for a catalog pattern with a placeholder, which is no field name", () => {
    const [d] = expectTyped("backlinks/referring_domains", "referring_links_tld > 0", [["unknown_field", "referring_links_tld"]]);
    expect(d?.suggestions).toContain("referring_links_tld.$tld");
    expect((d?.fixes ?? []).map((f) => f.edits[0]!.insert)).not.toContain("referring_links_tld.$tld");
    for (const fix of d?.fixes ?? []) expect(fix.edits[0]!.insert).not.toContain("$");
  });

  it("offers no fix for raw arrays, whose problems have a JSON path, not source text", () => {
    const r = validateFilter([["Rank", ">", 10]], { endpoint: "backlinks/referring_domains" });
    const d = r.diagnostics.find((x) => x.code === "unknown_field");
    expect(d?.suggestions?.[0]).toBe("rank");
    expect(d?.path).toEqual([0, 0]);
    expect(d?.fixes).toBeUndefined();
  });

  it("offers no fix for an unknown endpoint, which is an option, not source text", () => {
    const [d] = checkFilter("rank > 1", { endpoint: "backlinks/refering_domains" }).diagnostics;
    expect(d?.code).toBe("unknown_endpoint");
    expect(d?.suggestions?.[0]).toBe("backlinks/referring_domains");
    expect(d?.option).toBe("endpoint");
    expect(d?.fixes).toBeUndefined();
  });
});
