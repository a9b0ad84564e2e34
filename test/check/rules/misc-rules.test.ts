import { describe, expect, it } from "vitest";
import { where } from "../../../src/builder/where.js";
import { checkOrderBy, compileFilter } from "../../../src/compile.js";
import { DfsqError } from "../../../src/diagnostics/error.js";
import { field as fieldName } from "../../../src/template/field-name.js";
import { filter } from "../../../src/template/template.js";
import { expectDiagnostics } from "../../helpers/diagnostics.js";
import { expectTyped } from "../../helpers/typed.js";

describe("like_without_wildcard", () => {
  it("warns for like and ilike patterns without %", () => {
    const [d] = expectDiagnostics('anchor like "seo"', [["like_without_wildcard", '"seo"']]);
    expect(d?.hint).toContain('"%seo%"');
    expectDiagnostics('anchor not ilike "seo"', [["like_without_wildcard", '"seo"']]);
    expectDiagnostics('anchor like "%seo"', []);
    expectDiagnostics('anchor regex "seo"', []);
  });

  it("fixes like \"seo\" to \"%seo%\", and gives like \"\" a hint of its own, not \"%%\"", () => {
    const [d] = expectDiagnostics('anchor like "seo"', [["like_without_wildcard", '"seo"']]);
    expect(d?.fixes?.[0]?.edits).toEqual([{ span: { start: 12, end: 17 }, insert: '"%seo%"' }]);
    const [empty] = expectDiagnostics('anchor like ""', [["like_without_wildcard", '""']]);
    expect(empty?.hint).not.toContain("%%");
    expect(empty?.hint).toContain("empty");
    expect(empty?.fixes).toBeUndefined();
  });
});

describe("null_comparison", () => {
  it("warns that comparing with null is undocumented", () => {
    expectDiagnostics("f is null", [["null_comparison", "null"]]);
    expectDiagnostics("f <> null", [["null_comparison", "null"]]);
    expectTyped("backlinks/referring_domains", "rank = null", [["null_comparison", "null"]]);
  });
});

describe("bare_field_not_bool", () => {
  it("allows a boolean field alone", () => {
    expect(compileFilter("dofollow and not is_broken", { endpoint: "backlinks/backlinks" })).toEqual([
      ["dofollow", "=", true],
      "and",
      ["is_broken", "=", false],
    ]);
  });
  it.each([
    ["rank", "rank > 0"],
    ["domain", 'domain = "…"'],
    ["not first_seen", "first_seen > now - 7d"],
  ])("refuses %s and suggests a comparison", (source, suggestion) => {
    const field = source.replace("not ", "");
    const [d] = expectTyped("backlinks/referring_domains", source, [["bare_field_not_bool", field]]);
    expect(d?.hint).toContain(suggestion);
  });
});

describe("bare_field_not_bool: the hint's example parses", () => {
  it("writes a field with `-` with its segment in backquotes", () => {
    const field = "keyword_data.clickstream_keyword_info.age_distribution.`18-24`";
    const [d] = expectTyped("dataforseo_labs/google/related_keywords", field, [["bare_field_not_bool", field]]);
    expect(d?.hint).toContain("`` keyword_data.clickstream_keyword_info.age_distribution.`18-24` > 0 ``");
  });
});

describe("field references", () => {
  const labs = "dataforseo_labs/google/competitors_domain";
  it("are accepted where the docs list them, between fields of one type", () => {
    expect(compileFilter("metrics.organic.pos_1 > metrics.organic.pos_2_3", { endpoint: labs })).toEqual([
      "metrics.organic.pos_1",
      ">",
      "$item->metrics.organic.pos_2_3",
    ]);
  });
  it("are understood in the API's own spelling, and checked the same way", () => {
    expect(compileFilter('metrics.organic.pos_1 > "$item->metrics.organic.pos_2_3"', { endpoint: labs })).toEqual([
      "metrics.organic.pos_1",
      ">",
      "$item->metrics.organic.pos_2_3",
    ]);
    expectTyped(labs, 'metrics.organic.pos_1 = "$item->domain"', [["type_mismatch", '"$item->domain"']]);
    expectTyped(labs, 'metrics.organic.pos_1 > "$item->metrics.organic.pos_99"', [["unknown_field", '"$item->metrics.organic.pos_99"']]);
  });
  it("need both fields to exist: a bare name that is no field is an unquoted word", () => {
    const ranked = "dataforseo_labs/google/ranked_keywords";
    const source = "ranked_serp_element.serp_item.rank_group > ranked_serp_element.serp_item.rank_absolut";
    const [d] = expectTyped(ranked, source, [["unquoted_text", "ranked_serp_element.serp_item.rank_absolut"]]);
    expect(d?.suggestions?.[0]).toBe("ranked_serp_element.serp_item.rank_absolute");
    expect(d?.fixes?.map((f) => f.edits[0]?.insert)).toEqual([...(d?.suggestions ?? []), '"ranked_serp_element.serp_item.rank_absolut"']);
  });
  it("need fields of one type", () => {
    expectTyped(labs, "metrics.organic.pos_1 = domain", [["type_mismatch", "domain"]]);
  });
  it("are an error on endpoints outside Labs", () => {
    const [d] = expectTyped("backlinks/referring_domains", 'rank > "$item->backlinks"', [["field_reference", '"$item->backlinks"']]);
    expect(d?.severity).toBe("error");
    // Bare, it is a forgotten quote there.
    expectTyped("backlinks/referring_domains", "rank > backlinks", [["unquoted_text", "backlinks"]]);
  });
  it("are a warning on Labs endpoints the docs do not list, when written as references", () => {
    const [d] = expectTyped("dataforseo_labs/google/keyword_ideas", 'keyword_info.cpc > "$item->keyword_info.competition"', [
      ["field_reference", '"$item->keyword_info.competition"'],
    ]);
    expect(d?.severity).toBe("warning");
    expectTyped("dataforseo_labs/google/keyword_ideas", "keyword_info.cpc > keyword_info.competition", [
      ["unquoted_text", "keyword_info.competition"],
    ]);
  });
});

describe("unquoted words on the right", () => {
  it("are an error without an endpoint, with a fix that quotes them", () => {
    const source = "domain = seo.com";
    const [d] = expectDiagnostics(source, [["unquoted_text", "seo.com"]]);
    expect(d?.hint).toContain('quote it: "seo.com"');
    expect(d?.fixes).toEqual([{ title: 'quote it: "seo.com"', edits: [{ span: { start: 9, end: 16 }, insert: '"seo.com"' }] }]);
    expect(compileFilter('domain = "seo.com"')).toEqual(["domain", "=", "seo.com"]);
  });
  it("keep backquotes out of the quoted fix", () => {
    const [d] = expectDiagnostics("a = `b c`", [["unquoted_text", "`b c`"]]);
    expect(d?.fixes?.[0]?.edits[0]?.insert).toBe('"b c"');
  });
  it("are never sent as references from a template value or a builder string", () => {
    expect(() => filter`rank > ${"$item->backlinks"}`).toThrow(DfsqError);
    expect(() => where.eq("rank", "$item->backlinks")).toThrow(DfsqError);
    // field() names a field on purpose: a reference, checked as one.
    expect(filter.check`rank > ${fieldName("backlinks")}`.diagnostics.map((d) => d.code)).toEqual(["field_reference"]);
  });
});

describe("order-by fields", () => {
  const RD = "backlinks/referring_domains";
  it("must exist", () => {
    expectTyped(RD, "rnk desc", [["unknown_field", "rnk"]], { mode: "orderBy" });
  });
  it("cannot be arrays or TLD keys; other map keys are a warning", () => {
    expectTyped("dataforseo_labs/google/keyword_ideas", "keyword_info.categories desc", [
      ["field_not_sortable", "keyword_info.categories"],
    ], { mode: "orderBy" });
    expectTyped(RD, "referring_links_tld.com desc", [["field_not_sortable", "referring_links_tld.com"]], { mode: "orderBy" });
    const [d] = expectTyped(RD, "referring_links_types.anchor desc", [["field_not_sortable", "referring_links_types.anchor"]], {
      mode: "orderBy",
    });
    expect(d?.severity).toBe("warning");
  });
  it("accept sort keys that are not filter fields, where the docs show them", () => {
    expectTyped("dataforseo_labs/google/keyword_ideas", "relevance desc, keyword_info.search_volume desc", [], { mode: "orderBy" });
  });
});

describe("per-endpoint limits", () => {
  it("on_page/redirect_chains takes one condition", () => {
    const [d] = expectTyped("on_page/redirect_chains", "is_redirect_loop and not is_redirect_loop", [
      ["too_many_conditions", "is_redirect_loop"],
    ]);
    expect(d?.column).toBe(26);
    expect(d?.message).toContain("at most 1");
  });
  it("an explicit maxConditions wins", () => {
    // (The two conditions contradict each other: a warning, and the filter compiles.)
    expectTyped("on_page/redirect_chains", "is_redirect_loop and not is_redirect_loop", [["contradiction", "is_redirect_loop"]], { maxConditions: 2 });
  });
});

describe("endpoint, param and catalog options", () => {
  it("reports an unknown endpoint with the closest names, as an option problem", () => {
    const [d] = expectDiagnostics("x > 1", ["unknown_endpoint"], { endpoint: "backlink/referring_domain" });
    expect(d?.suggestions?.[0]).toBe("backlinks/referring_domains");
    expect(d?.option).toBe("endpoint");
  });
  it("reports a parameter the endpoint does not take", () => {
    const [d] = expectDiagnostics("x > 1", ["unsupported_parameter"], { endpoint: "backlinks/backlinks", param: "backlinks_filters" });
    expect(d?.message).toContain("filters");
  });
  it("reports order_by on an endpoint that takes none, naming order_by rather than filters", () => {
    const result = checkOrderBy("rank desc", { endpoint: "backlinks/summary" });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["unsupported_parameter"]);
    expect(result.diagnostics[0]?.message).toBe("`backlinks/summary` takes no `order_by`");
    expect(checkOrderBy("rank desc", { endpoint: "backlinks/referring_domains" }).ok).toBe(true);
  });
  it("warns when no catalog of the parameter's fields is known", () => {
    expectDiagnostics("anything > 1", ["no_catalog"], { endpoint: "dataforseo_labs/google/historical_search_volume" });
  });
});
