import { describe, expect, it } from "vitest";
import { expectTyped } from "../../helpers/typed.js";

describe("operator_not_allowed", () => {
  it.each([
    ["backlinks/referring_domains", 'rank like "%1%"', "like"],
    ["backlinks/referring_domains", 'domain > "a"', ">"],
    ["content_analysis/search", 'content_info.title ilike "%x%"', "ilike"],
    ["on_page/pages", 'meta.title ilike "%x%"', "ilike"],
    ["backlinks/referring_domains", "rank has 1", "has"],
    ["dataforseo_labs/google/keyword_ideas", 'serp_info.serp_item_types has "x" and keyword_properties.core_keyword has "a"', "has"],
  ])("%s: %s", (endpoint, source, op) => {
    const d = expectTyped(endpoint, source, [["operator_not_allowed", op]]);
    expect(d[0]?.hint).toMatch(/takes|no operator/);
  });

  it("is reported with the value's own mismatch", () => {
    expectTyped("backlinks/backlinks", "dofollow > true", [
      ["operator_not_allowed", ">"],
      ["type_mismatch", "true"],
    ]);
  });

  it("checks both operators of between, on the between's span", () => {
    expectTyped("backlinks/referring_domains", 'domain between "a" and "c"', [
      ["operator_not_allowed", 'domain between "a" and "c"'],
    ]);
  });

  it("allows has on array fields and the documented operators", () => {
    expectTyped("content_analysis/search", 'content_info.text_category has 10994 and page_types has_not "x" and domain_rank >= 5', []);
    expectTyped("backlinks/backlinks", 'domain_from_platform_type has "cms" and first_seen > 2024-01-01', []);
  });
});

describe("operator_conflict", () => {
  it("warns, naming the conflict, for time fields with operators the docs disagree on", () => {
    const [d] = expectTyped("backlinks/backlinks", "first_seen >= 2024-01-01", [["operator_conflict", ">="]]);
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain("per-field table");
  });

  it("warns for not_regex on On-Page strings", () => {
    expectTyped("on_page/resources", 'url not_regex "x"', [["operator_conflict", "not_regex"]]);
  });
});

describe("the endpoint's own operator list", () => {
  it("warns where the endpoint's list omits what the type table allows, naming both", () => {
    const [d] = expectTyped("backlinks/referring_domains", 'domain ilike "%seo%"', [["operator_conflict", "ilike"]]);
    expect(d?.message).toContain("`backlinks/referring_domains` lists no `ilike` in its `filters` row");
    expect(d?.message).toContain("the Backlinks filters page allows it");
    expectTyped("dataforseo_labs/google/keywords_for_app", 'keyword_data.keyword like "%x%"', [["operator_conflict", "like"]]);
    expectTyped("on_page/pages", 'meta.title match "x"', [["operator_conflict", "match"]]);
  });

  it("warns where the endpoint's list has what the type table omits", () => {
    const [d] = expectTyped("on_page/resources", "fetch_time in (2024-01-01)", [["operator_conflict", "in"]]);
    expect(d?.message).toContain("`on_page/resources` lists `in`");
  });

  it("reads a list without any comparison operator as silent on them, not as a refusal", () => {
    // backlinks/backlinks lists no `<`/`>`, yet its own example sends ["rank",">","80"].
    expectTyped("backlinks/backlinks", "rank > 80 and rank <= 90", []);
    expectTyped("backlinks/referring_domains", "referring_domains > 10", []);
  });

  it("refuses, without a type table, what the endpoint's list omits", () => {
    const [d] = expectTyped("domain_analytics/technologies/domains_by_technology", 'title regex "x"', [["operator_not_allowed", "regex"]]);
    expect(d?.message).toContain("lists no `regex`");
    expect(d?.hint).toContain("`like`");
    expectTyped("domain_analytics/whois/overview", 'domain not_regex "x" and domain regex "x"', [["operator_not_allowed", "not_regex"]]);
  });

  it("marks a guess as unverified, saying what is guessed", () => {
    const [d] = expectTyped("ai_optimization/llm_mentions/search", "ai_search_volume > 1000", [["operator_unverified", ">"]]);
    expect(d?.severity).toBe("warning");
    expect(d?.message).toMatch(/lists none of .*no type list/);
    expectTyped("business_data/business_listings/search", 'category_ids has "x"', [["operator_unverified", "has"]]);
    expectTyped("dataforseo_labs/bing/relevant_pages", 'page_address like "%x%"', [["operator_unverified", "like"]]);
  });

  it("keeps the common operators the endpoint's list documents quiet", () => {
    expectTyped("ai_optimization/llm_mentions/search", 'ai_search_volume = 1000 and platform in ("google") and question like "%x%"', []);
    expectTyped("business_data/business_listings/search", 'rating.value > 4 and title ilike "%pizza%"', []);
  });

  it("uses on_page/redirect_chains' one-filter list", () => {
    expectTyped("on_page/redirect_chains", "is_redirect_loop = true", []);
    expectTyped("on_page/redirect_chains", "is_redirect_loop <> false", []);
  });
});
