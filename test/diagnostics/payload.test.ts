import { describe, expect, expectTypeOf, it } from "vitest";
import { checkFilter, checkOrderBy } from "../../src/compile.js";
import { DiagnosticBag, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { validateFilter, validateOrderBy } from "../../src/validate/validate.js";
import { validateTask } from "../../src/validate/validate-task.js";

/* The codes that carry facts besides their wording (DiagnosticData), from text and from arrays. */

const first = (diagnostics: readonly Diagnostic[], code: Diagnostic["code"]) => diagnostics.find((d) => d.code === code);
const BACKLINKS = { endpoint: "backlinks/backlinks" };

describe("diagnostic payloads", () => {
  it("narrow on `code` in the type", () => {
    const d = {} as Diagnostic;
    if (d.code === "type_mismatch") expectTypeOf(d.expected).toEqualTypeOf<string>();
    if (d.code === "too_many_conditions") expectTypeOf(d.max).toEqualTypeOf<number>();
    expectTypeOf<Extract<Diagnostic, { code: "unknown_field" }>["field"]>().toEqualTypeOf<string>();
  });

  it("type_mismatch: the field's type expected, the kind found", () => {
    expect(first(checkFilter("rank > true", BACKLINKS).diagnostics, "type_mismatch")).toMatchObject({ expected: "num", found: "boolean" });
    expect(first(validateFilter(["dofollow", "=", 5], BACKLINKS).diagnostics, "type_mismatch")).toMatchObject({ expected: "bool", found: "number", path: [2] });
  });

  it("type_mismatch: what the operator takes, whatever the field", () => {
    expect(first(checkFilter("a like 5").diagnostics, "type_mismatch")).toMatchObject({ expected: "pattern", found: "number" });
    expect(first(checkFilter("a > true").diagnostics, "type_mismatch")).toMatchObject({ expected: "orderable", found: "boolean" });
    expect(first(checkFilter("a has null").diagnostics, "type_mismatch")).toMatchObject({ expected: "element", found: "null" });
    expect(first(validateFilter(["a", "like", 5]).diagnostics, "type_mismatch")).toMatchObject({ expected: "pattern", found: "number", path: [2] });
  });

  it("unknown_field: the field as written, with its suggestions", () => {
    expect(first(checkFilter("rnak > 1", BACKLINKS).diagnostics, "unknown_field")).toMatchObject({ field: "rnak", suggestions: ["rank"] });
  });

  it("operator_not_allowed: the operator, the field and its type", () => {
    expect(first(checkFilter('rank like "%1%"', { endpoint: "backlinks/referring_domains" }).diagnostics, "operator_not_allowed")).toMatchObject({
      operator: "like",
      field: "rank",
      fieldType: "num",
    });
  });

  it("too_many_conditions and too_many_sort_rules: how many, and the most allowed", () => {
    const nine = Array.from({ length: 9 }, (_, i) => `f${i} = ${i}`).join(" and ");
    expect(first(checkFilter(nine).diagnostics, "too_many_conditions")).toMatchObject({ count: 9, max: 8 });
    expect(first(checkOrderBy("a, b, c, d").diagnostics, "too_many_sort_rules")).toMatchObject({ count: 4, max: 3 });
    expect(first(validateOrderBy(["a,asc", "b,asc", "c,asc", "d,asc"]).diagnostics, "too_many_sort_rules")).toMatchObject({ count: 4, max: 3 });
  });
});

describe("diagnostic payloads: limits, names and rewrites", () => {
  it("the caps say their limit and what went over it, from text and from arrays", () => {
    expect(first(checkFilter("a > 1", { maxInputLength: 3 }).diagnostics, "input_too_long")).toMatchObject({ max: 3, length: 5 });
    expect(first(checkFilter("((a > 1))", { maxDepth: 1 }).diagnostics, "nesting_too_deep")).toMatchObject({ max: 1 });
    expect(first(checkFilter("a in (1, 2, 3)", { maxListLength: 2 }).diagnostics, "list_too_long")).toMatchObject({ length: 3, max: 2 });
    expect(first(validateFilter(["a", "in", [1, 2, 3]], { maxListLength: 2 }).diagnostics, "list_too_long")).toMatchObject({ length: 3, max: 2, path: [2] });
    expect(first(checkFilter(`a ~ "${"x".repeat(1001)}"`).diagnostics, "regex_too_long")).toMatchObject({ length: 1001, max: 1000 });
    expect(first(checkFilter(`a like "${"%".repeat(3000)}"`).diagnostics, "like_too_long")).toMatchObject({ length: 3000 });
    const complex = first(checkFilter('a ~ "((a{10}){10}){10}"').diagnostics, "regex_too_complex");
    expect(complex).toMatchObject({ max: expect.any(Number), size: expect.any(Number) });
    expect((complex as { size: number; max: number }).size).toBeGreaterThan((complex as { max: number }).max);
  });

  it("invalid_regex carries RE2's reason", () => {
    expect(first(checkFilter('a ~ "(?=x)"').diagnostics, "invalid_regex")).toMatchObject({ reason: "lookahead `(?=` is not supported by RE2" });
    expect(first(validateFilter(["a", "regex", "(x"]).diagnostics, "invalid_regex")).toMatchObject({ reason: "missing closing `)`", path: [2] });
  });

  it("operator_alias: the spelling written and the operator it stands for", () => {
    expect(first(checkFilter("a > 1 && b == 2").diagnostics, "operator_alias")).toMatchObject({ written: "&&", operator: "and" });
  });

  it("contradiction and filter_rewritten: the field; the conditions written and sent", () => {
    expect(first(checkFilter("rank > 10 and rank < 5").diagnostics, "contradiction")).toMatchObject({ field: "rank" });
    const nine = Array.from({ length: 9 }, (_, i) => `a = ${i}`).join(" or ");
    expect(first(checkFilter(nine).diagnostics, "filter_rewritten")).toMatchObject({ from: 9, to: 1 });
  });

  it("duplicate_sort_field and field_not_sortable: the field", () => {
    expect(first(checkOrderBy("rank, rank desc").diagnostics, "duplicate_sort_field")).toMatchObject({ field: "rank" });
    expect(first(checkOrderBy("referring_links_tld.com desc", { endpoint: "backlinks/referring_domains" }).diagnostics, "field_not_sortable")).toMatchObject({
      field: "referring_links_tld.com",
    });
  });
});

describe("diagnostic payloads: what the docs say, and values that look like others", () => {
  it("operator_conflict and operator_unverified: the operator sent, the field, the docs' reason", () => {
    const conflict = checkFilter('domain ilike "%a%"', { endpoint: "backlinks/referring_domains" }).diagnostics.find(
      (d) => d.code === "operator_conflict" || d.code === "operator_unverified",
    );
    expect(conflict).toMatchObject({ operator: "ilike", field: "domain", reason: expect.any(String) });
    expect(conflict?.message).toContain((conflict as { reason: string }).reason);
  });

  it("bare_field_not_bool: the field and its type", () => {
    expect(first(checkFilter("rank and dofollow", BACKLINKS).diagnostics, "bare_field_not_bool")).toMatchObject({ field: "rank", fieldType: "num" });
  });

  it("unsupported_parameter: the parameter the endpoint does not take", () => {
    expect(first(checkFilter("a > 1", { endpoint: "backlinks/backlinks", param: "relevant_pages_filters" }).diagnostics, "unsupported_parameter")).toMatchObject({
      param: "relevant_pages_filters",
      option: "param",
    });
  });

  it("quoted_number, quoted_boolean, quoted_time: the text in the quotes", () => {
    expect(first(checkFilter('rank > "10"', BACKLINKS).diagnostics, "quoted_number")).toMatchObject({ text: "10" });
    expect(first(checkFilter('dofollow = "true"', BACKLINKS).diagnostics, "quoted_boolean")).toMatchObject({ text: "true" });
    expect(first(checkFilter('first_seen > "2024-01-01"').diagnostics, "quoted_time")).toMatchObject({ text: "2024-01-01" });
  });

  it("imprecise_number: the text and the number it would be sent as", () => {
    expect(first(checkFilter("a = 12345678901234567890").diagnostics, "imprecise_number")).toMatchObject({ text: "12345678901234567890", value: 12345678901234567000 });
  });

  it("like_without_wildcard: the pattern", () => {
    expect(first(checkFilter('title like "seo"').diagnostics, "like_without_wildcard")).toMatchObject({ pattern: "seo" });
  });
});

describe("diagnostic payloads: endpoints, catalogs and counts", () => {
  it("unknown_endpoint: the endpoint as given, its close ids in suggestions", () => {
    expect(first(checkFilter("a > 1", { endpoint: "backlinks/referring_domain" }).diagnostics, "unknown_endpoint")).toMatchObject({
      endpoint: "backlinks/referring_domain",
      suggestions: expect.arrayContaining(["backlinks/referring_domains"]),
    });
    expect(first(validateTask({ target: "x.com" }, { endpoint: "nowhere/at_all" }).diagnostics, "unknown_endpoint")).toMatchObject({ endpoint: "nowhere/at_all" });
  });

  it("no_catalog: the endpoint and parameter whose fields go unchecked", () => {
    const d = first(checkFilter("anything > 1", { endpoint: "dataforseo_labs/google/historical_search_volume" }).diagnostics, "no_catalog");
    expect(d).toMatchObject({ endpoint: "dataforseo_labs/google/historical_search_volume", param: "filters" });
  });

  it("request_conditions: the task's conditions in all, and the most per request", () => {
    const five = [["a", "=", 1], "and", ["b", "=", 2], "and", ["c", "=", 3], "and", ["d", "=", 4], "and", ["e", "=", 5]];
    const r = validateTask({ target: "x.com", filters: five, backlinks_filters: five }, { endpoint: "backlinks/referring_domains" });
    expect(first(r.diagnostics, "request_conditions")).toMatchObject({ total: 10, max: 8 });
  });

  it("too_many_diagnostics: how many it stands for", () => {
    const many = Array.from({ length: 150 }, () => "a ~ \"(\"").join(" or ");
    const d = first(checkFilter(many, { maxConditions: Infinity }).diagnostics, "too_many_diagnostics");
    expect(d).toMatchObject({ more: expect.any(Number) });
    expect(d?.message).toContain(String((d as { more: number }).more));
  });
});

describe("diagnostic payloads: dates", () => {
  it("invalid_date says what is wrong with the date, as facts", () => {
    expect(first(checkFilter("a > 2024-13-01").diagnostics, "invalid_date")).toMatchObject({ problem: { kind: "month", month: "13" } });
    expect(first(checkFilter("a > 2024-02-30").diagnostics, "invalid_date")).toMatchObject({ problem: { kind: "day", yearMonth: "2024-02", day: "30" } });
    expect(first(checkFilter("a > 2024-01-01T25:00").diagnostics, "invalid_date")).toMatchObject({ problem: { kind: "time", time: "25:00" } });
    expect(first(checkFilter("a > 31/01/2024").diagnostics, "invalid_date")).toMatchObject({ problem: { kind: "not_iso" } });
    expect(first(checkFilter("a > now", { now: "yesterday" }).diagnostics, "invalid_date")).toMatchObject({ problem: { kind: "now" } });
    expect(first(checkFilter("a > 9999-12-31 + 2d").diagnostics, "invalid_date")).toMatchObject({ problem: { kind: "range" } });
    expect(first(checkFilter('first_seen > "2024-13-01"', { endpoint: "backlinks/referring_domains" }).diagnostics, "invalid_date")).toMatchObject({
      problem: { kind: "month" },
    });
  });
});

describe("diagnostic payloads: references and pasted JSON", () => {
  it("field_reference: the field referred to, from text and from arrays", () => {
    expect(first(checkFilter('a > "$item->b"').diagnostics, "field_reference")).toMatchObject({ field: "b" });
    expect(first(validateFilter(["a", ">", "$item->b"]).diagnostics, "field_reference")).toMatchObject({ field: "b", path: [2] });
  });

  it("json_as_text: what was pasted", () => {
    expect(first(checkFilter('[["rank", ">", 10]]').diagnostics, "json_as_text")).toMatchObject({ what: "filter" });
    expect(first(checkOrderBy('["rank,desc"]').diagnostics, "json_as_text")).toMatchObject({ what: "orderBy" });
    expect(first(checkFilter('{"target": "x.com"}').diagnostics, "json_as_text")).toMatchObject({ what: "object" });
  });
});

describe("severity", () => {
  it("comes from the code; only the codes of SEVERITY_OVERRIDES take another at the call site", () => {
    const bag = new DiagnosticBag("x");
    const span = { start: 0, end: 1 };
    bag.report("unknown_field", span, "m", { severity: "warning", data: { field: "x" } });
    // @ts-expect-error: type_mismatch is always an error
    bag.report("type_mismatch", span, "m", { severity: "warning", data: { expected: "num", found: "string" } });
    // @ts-expect-error: type_mismatch carries its payload
    bag.report("type_mismatch", span, "m");
    expect(bag.items.map((d) => d.severity)).toEqual(["warning", "warning", "error"]);
  });
});
