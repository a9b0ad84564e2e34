import { describe, expect, it } from "vitest";
import { checkFilter, checkOrderBy } from "../../src/compile.js";
import { formatDiagnostics } from "../../src/diagnostics/format.js";
import { expectDiagnostics } from "../helpers/diagnostics.js";

/*
 * Every diagnostic code of the language, with the exact text its span covers. The wording is
 * pinned by the snapshot at the end, not here: codes and spans are the contract, words may improve.
 */

describe("syntax", () => {
  it.each([
    ["rank >", [["unexpected_end", ""]]],
    ["rank > 10 and", [["unexpected_end", ""]]],
    ["(rank > 10", [["unexpected_end", ""]]],
    ["rank > and b < or c", [["unexpected_token", "and"], ["unexpected_token", "or"]]],
    ["rank 10", [["unexpected_token", "10"]]],
    ["rank > 10 )", [["unexpected_token", ")"]]],
    // The pattern is read as if quoted, so the rest is checked: `like` without `%` warns.
    ["domain like seo", [["unexpected_token", "seo"], ["like_without_wildcard", "seo"]]],
    ["f in 1", [["unexpected_token", "1"]]],
    ["f between 1 or 2", [["unexpected_token", "or"]]],
    ["f is 1", [["unexpected_token", "1"]]],
    ["f > now - 7", [["invalid_duration", "7"]]],
    ["and", [["unexpected_token", "and"]]],
    ["", [["unexpected_end", ""]]],
    ["a = 1 b = 2 c", [["unexpected_token", "b"]]],
    ["f = @", [["unexpected_character", "@"], ["unexpected_end", ""]]],
    ["f = “x”", [["unexpected_character", "“"]]],
    ["f = ‘x’ and g", [["unexpected_character", "‘"]]],
  ] as const)("%s", (source, expected) => {
    expectDiagnostics(source, expected);
  });

  it("reports errors in several conditions, not only the first", () => {
    const d = expectDiagnostics('a > and b = "x\\q" and c in ()', [
      ["unexpected_token", "and"],
      ["invalid_escape", "\\q"],
      ["empty_list", "()"],
    ]);
    expect(d).toHaveLength(3);
  });
});

describe("literals", () => {
  it.each([
    ['f = "abc', [["unterminated_string", '"abc']]],
    ["f = 'abc", [["unterminated_string", "'abc"]]],
    ["`abc = 1", [["unterminated_string", "`abc = 1"]]],
    ['f = "a\\qb"', [["invalid_escape", "\\q"]]],
    ['f regex "\\d+"', [["invalid_escape", "\\d"]]],
    ['f = "\\u12"', [["invalid_escape", "\\u12"]]],
    ['f = "a\\`b"', [["invalid_escape", "\\`"]]],
    ["f = 007", [["invalid_number", "007"]]],
    ["f = .5", [["invalid_number", ".5"]]],
    ["f = 12abc", [["invalid_number", "12abc"]]],
    ["f = 1.2.3", [["invalid_number", "1.2.3"]]],
    ["f = 1e999", [["invalid_number", "1e999"]]],
    ["f = 30D", [["invalid_number", "30D"]]],
    ["f = 12345678901234567890", [["imprecise_number", "12345678901234567890"]]],
    ["f > 2024-02-30", [["invalid_date", "2024-02-30"]]],
    ["f > 2023-02-29", [["invalid_date", "2023-02-29"]]],
    ["f > 2024-13-01", [["invalid_date", "2024-13-01"]]],
    ["f > 2024-01-31T25:00", [["invalid_date", "2024-01-31T25:00"]]],
    ["f > 2024-01-31T10:00:00+25:00", [["invalid_date", "2024-01-31T10:00:00+25:00"]]],
    ["f > 2024-1-5", [["invalid_date", "2024-1-5"]]],
    ["f > now + 999999999d", [["invalid_date", "now + 999999999d"]]],
    ["f > 2024-01-31T10:00:00.5Z", [["fractional_seconds", "2024-01-31T10:00:00.5Z"]]],
    ["`` = 1", [["empty_field_name", "``"]]],
  ] as const)("%s", (source, expected) => {
    expectDiagnostics(source, expected, { now: "2024-06-15T00:00:00Z" });
  });

  it("rejects an invalid options.now only where it is needed", () => {
    expectDiagnostics("f > now", [["invalid_date", "now"]], { now: "yesterday" });
    expectDiagnostics("f > 1", [], { now: "yesterday" });
  });
});

describe("operator and value shapes", () => {
  it.each([
    ["f like 5", [["type_mismatch", "5"]]],
    ["f match true", [["type_mismatch", "true"]]],
    ["f > true", [["type_mismatch", "true"]]],
    ["f < null", [["type_mismatch", "null"]]],
    ["f has null", [["type_mismatch", "null"]]],
    ["f between true and 2", [["type_mismatch", "true"]]],
    ["f in (1, null)", [["type_mismatch", "null"]]],
    ["f > g", [["unquoted_text", "g"]]],
    ['f > "$item->g"', [["field_reference", '"$item->g"']]],
  ] as const)("%s", (source, expected) => {
    expectDiagnostics(source, expected);
  });
});

/** A filter of exactly `n` characters. */
const body = (n: number) => `a = "${"x".repeat(n - 6)}"`;

describe("limits", () => {
  const nine = "a > 1 and b > 2 and c > 3 and d > 4 and e > 5 and f > 6 and g > 7 and h > 8 and i > 9";

  it("counts conditions after lowering and points at the first one past the limit", () => {
    expectDiagnostics(nine, [["too_many_conditions", "i > 9"]]);
    expectDiagnostics("a between 1 and 2 and b between 1 and 2 and c between 1 and 2 and d between 1 and 2 and e > 1", [
      ["too_many_conditions", "e > 1"],
    ]);
    expectDiagnostics("a > 1 and b > 2 and c > 3 and d > 4 and e > 5 and f > 6 and g > 7 and h between 1 and 2", [
      ["too_many_conditions", "h between 1 and 2"],
    ]);
  });

  it("says how many conditions there are and what the limit is", () => {
    const [d] = checkFilter(nine).diagnostics;
    expect(d?.message).toContain("9 conditions");
    expect(d?.message).toContain("8");
  });

  it("takes maxConditions from the options", () => {
    expectDiagnostics("a and b", [["too_many_conditions", "b"]], { maxConditions: 1 });
    expectDiagnostics(nine, [], { maxConditions: 9 });
  });

  it("caps input length, nesting depth and list length", () => {
    expectDiagnostics(`a = "${"x".repeat(20)}"`, ["input_too_long"], { maxInputLength: 10 });
    expectDiagnostics("(((a)))", [["nesting_too_deep", "("]], { maxDepth: 2 });
    expectDiagnostics("not not not a", [["nesting_too_deep", "not"]], { maxDepth: 2 });
    expectDiagnostics("f in (1, 2, 3)", [["list_too_long", "3"]], { maxListLength: 2 });
    expectDiagnostics("f in ()", [["empty_list", "()"]]);
    expectDiagnostics("f in []", [["empty_list", "[]"]]);
  });

  it("refuses 16 KiB + 1 characters by default, and accepts 16 KiB", () => {
    expect(checkFilter(body(16 * 1024)).ok).toBe(true);
    const [d] = checkFilter(body(16 * 1024 + 1)).diagnostics;
    expect(d?.code).toBe("input_too_long");
  });

  it("stops deep nesting with a diagnostic, not a stack overflow", () => {
    const deep = `${"(".repeat(10_000)}a${")".repeat(10_000)}`;
    const r = checkFilter(deep, { maxInputLength: Infinity });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["nesting_too_deep"]);
    expect(r.diagnostics[0]?.span.start).toBe(32);
    expect(checkFilter(`${"not ".repeat(10_000)}a`, { maxInputLength: Infinity }).diagnostics.map((d) => d.code)).toEqual(["nesting_too_deep"]);
    expect(checkFilter(`${"(".repeat(32)}a${")".repeat(32)}`).ok).toBe(true);
  });
});

describe("order-by", () => {
  it.each([
    ["a, b, c, d", [["too_many_sort_rules", "d"]]],
    ["a desc, b, a", [["duplicate_sort_field", "a"]]],
    ["a,", [["unexpected_end", ""]]],
    ["a desc desc", [["unexpected_token", "desc"]]],
    ["a > 1", [["unexpected_token", "> 1"]]],
    ["`a,b` desc", [["invalid_order_by", "`a,b`"]]],
    ["", [["unexpected_end", ""]]],
  ] as const)("%s", (source, expected) => {
    expectDiagnostics(source, expected, { mode: "orderBy" });
  });

  it("takes maxSortRules from the options", () => {
    expectDiagnostics("a, b", [["too_many_sort_rules", "b"]], { mode: "orderBy", maxSortRules: 1 });
  });
});

describe("wording", () => {
  const sources = [
    "rank >",
    "rank > and b",
    "(a > 1",
    "rank 10",
    "domain like seo",
    "f match 3",
    'f = "\\d"',
    "f = 007",
    "f > 2024-02-30",
    "f > g",
    "f in ()",
    "f is 1",
    'f = "abc',
    "f ~ “x”",
  ];
  it("reads like a person wrote it", () => {
    const rendered = sources
      .map((s) => `> ${s}\n${formatDiagnostics(s, checkFilter(s, { now: 0 }).diagnostics)}`)
      .join("\n");
    expect(rendered).toMatchSnapshot();
    expect(rendered).not.toMatch(/FieldPath|NumberLiteral|StringLiteral|CompareOp|Token/);
  });
  it("names order-by problems", () => {
    const s = "a, b, c, d, a";
    expect(formatDiagnostics(s, checkOrderBy(s).diagnostics)).toMatchSnapshot();
  });
});
