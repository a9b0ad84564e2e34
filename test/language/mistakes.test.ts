import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFilter, checkOrderBy, compileFilter } from "../../src/compile.js";
import { filter } from "../../src/template/template.js";
import type { Diagnostic, Fix } from "../../src/diagnostics/diagnostic.js";
import { expectDiagnostics } from "../helpers/diagnostics.js";
import { dfsqError } from "../helpers/errors.js";

/*
 * The mistakes people make, row by row: each gets one precise diagnostic (code and the exact text
 * it points at), a hint, and where the intent is plain a quick fix. Applying the first fix of
 * every diagnostic gives `fixed`, which compiles. Titles are the inputs.
 */

const NOW = "2024-06-15T00:00:00Z";

/** `source` with the edits of `fixes` applied (they do not overlap). */
function applyFixes(source: string, fixes: readonly Fix[]): string {
  const edits = fixes.flatMap((f) => f.edits).toSorted((a, b) => b.span.start - a.span.start);
  let text = source;
  for (const e of edits) text = text.slice(0, e.span.start) + e.insert + text.slice(e.span.end);
  return text;
}

const firstFixes = (diagnostics: readonly Diagnostic[]) => diagnostics.flatMap((d) => d.fixes?.slice(0, 1) ?? []);

type Row = readonly [source: string, expected: readonly (readonly [string, string])[], fixed: string | undefined];

function table(name: string, rows: readonly Row[], mode: "filter" | "orderBy" = "filter") {
  // oxlint-disable-next-line vitest/valid-title -- the title is the table's name
  describe(name, () => {
    it.each(rows)("%s", (source, expected, fixed) => {
      const diagnostics = expectDiagnostics(source, expected, { mode, now: NOW });
      expect(diagnostics.filter((d) => d.severity === "error" && !d.hint).map((d) => d.code)).toEqual([]);
      const fixes = firstFixes(diagnostics);
      expect(fixes.length === 0 ? undefined : applyFixes(source, fixes)).toBe(fixed);
      const again = fixed === undefined ? undefined : mode === "orderBy" ? checkOrderBy(fixed) : checkFilter(fixed, { now: NOW });
      expect(again?.diagnostics.filter((d) => d.severity === "error") ?? []).toEqual([]);
    });
  });
}

table("operators from other languages", [
  ["a => 1", [["unknown_operator", "=>"]], "a >= 1"],
  ["a =< 1", [["unknown_operator", "=<"]], "a <= 1"],
  ["a >> 1", [["unknown_operator", ">>"]], "a > 1"],
  ["a === 1", [["unknown_operator", "==="]], "a = 1"],
  ["a !== 1", [["unknown_operator", "!=="]], "a <> 1"],
  ["a <=> 1", [["unknown_operator", "<=>"]], undefined],
  ['a =~ "x"', [["unknown_operator", "=~"]], 'a ~ "x"'],
  ['domain contains "seo"', [["unknown_operator", 'contains "seo"']], 'domain like "%seo%"'],
  ['domain CONTAINS "seo" and rank > 1', [["unknown_operator", 'CONTAINS "seo"']], 'domain like "%seo%" and rank > 1'],
  ["domain not contains seo", [["unknown_operator", "contains seo"]], 'domain not like "%seo%"'],
  ['url starts_with "https"', [["unknown_operator", 'starts_with "https"']], 'url like "https%"'],
  ["rank gt 10", [["unknown_operator", "gt"]], "rank > 10"],
  ["domain contains", [["unknown_operator", "contains"]], undefined],
]);

table("==, !=, && and || work, and warn with a fix to dfsq's spelling", [
  ["a == 1", [["operator_alias", "=="]], "a = 1"],
  ["a != 1", [["operator_alias", "!="]], "a <> 1"],
  ["a && b", [["operator_alias", "&&"]], "a and b"],
  ["a||b", [["operator_alias", "||"]], "a or b"],
  ["(a)&&!b", [["operator_alias", "&&"]], "(a)and !b"],
]);

table("durations", [
  ["f > now - 30 days", [["invalid_duration", "30 days"]], "f > now - 30d"],
  ["f > today + 2 Weeks", [["invalid_duration", "2 Weeks"]], "f > today + 2w"],
  ["f > now - 1.5d", [["invalid_duration", "1.5d"]], "f > now - 36h"],
  ["f > now - 30D", [["invalid_duration", "30D"]], "f > now - 30d"],
  ["f > now - 12hours", [["invalid_duration", "12hours"]], "f > now - 12h"],
  ["f > now - 1mo", [["invalid_duration", "1mo"]], undefined],
  ["f > now - 1y", [["invalid_duration", "1y"]], undefined],
  ["f > now - 7", [["invalid_duration", "7"]], undefined],
]);

table("dates", [
  ["first_seen > 2024/01/01", [["invalid_date", "2024/01/01"]], "first_seen > 2024-01-01"],
  ["first_seen > 01-31-2024", [["invalid_date", "01-31-2024"]], "first_seen > 2024-01-31"],
  ["first_seen > 31.01.2024", [["invalid_date", "31.01.2024"]], "first_seen > 2024-01-31"],
  ["first_seen > 2024-1-5", [["invalid_date", "2024-1-5"]], "first_seen > 2024-01-05"],
  ["first_seen between 2024/01/01 and 2024/02/01", [["invalid_date", "2024/01/01"], ["invalid_date", "2024/02/01"]], "first_seen between 2024-01-01 and 2024-02-01"],
  // Day and month could be either way round: the hint asks, no fix guesses.
  ["first_seen > 02-03-2024", [["invalid_date", "02-03-2024"]], undefined],
  ["first_seen > 2024/02/30", [["invalid_date", "2024/02/30"]], undefined],
]);

table("numbers", [
  ["f = 1,000", [["invalid_number", "1,000"]], "f = 1000"],
  ["f > 1,000,000.5 and g", [["invalid_number", "1,000,000.5"]], "f > 1000000.5 and g"],
  // In a list, 1,000 may be two values: the hint gives both readings.
  ["f in (1,000)", [["invalid_number", "1,000"]], undefined],
]);

table("unquoted text", [
  ["domain like %seo%", [["unexpected_token", "%seo%"]], 'domain like "%seo%"'],
  ["domain not ilike %seo% and rank > 1", [["unexpected_token", "%seo%"]], 'domain not ilike "%seo%" and rank > 1'],
  ["url ~ ^https://(a|b)\\.com$", [["unexpected_token", "^https://(a|b)\\.com$"]], 'url ~ r"^https://(a|b)\\.com$"'],
  ["f in (seo.com, moz)", [["unexpected_token", "seo.com"], ["unexpected_token", "moz"]], 'f in ("seo.com", "moz")'],
  ["url ~ ^https?://\\w+", [["unexpected_token", "^https?://\\w+"]], 'url ~ r"^https?://\\w+"'],
]);

table("lists and groups", [
  ["f in (1 2)", [["unexpected_token", "2"]], "f in (1, 2)"],
  ['f in ("a" "b" "c")', [["unexpected_token", '"b"'], ["unexpected_token", '"c"']], 'f in ("a", "b", "c")'],
  ["a > 1)", [["unexpected_token", ")"]], "a > 1"],
  ["(a > 1)) or b", [["unexpected_token", ")"]], "(a > 1) or b"],
  ["a > 1 )) and b)", [["unexpected_token", "))"], ["unexpected_token", ")"]], "a > 1  and b"],
]);

table("pasted JSON", [
  ['[["rank",">",10]]', [["json_as_text", '[["rank",">",10]]']], undefined],
  ['  [["a","=",1],"and",["b","=",2]]\n', [["json_as_text", '[["a","=",1],"and",["b","=",2]]']], undefined],
  ['[["rank",">",', [["json_as_text", '[["rank",">",']], undefined],
  ['{"filters": [["rank", ">", 10]]}', [["json_as_text", '{"filters": [["rank", ">", 10]]}']], undefined],
]);

table("fields with `-`", [
  [
    "keyword_data.clickstream_keyword_info.age_distribution.18-24 > 10",
    [["field_needs_quotes", "keyword_data.clickstream_keyword_info.age_distribution.18-24"]],
    "keyword_data.clickstream_keyword_info.age_distribution.`18-24` > 10",
  ],
  ["not domain-name = 1", [["field_needs_quotes", "domain-name"]], "not `domain-name` = 1"],
  [
    "a.18-24 > 1 or a.25-34 > 1 or a.35-44 > 1 or a.45-54 > 1 or a.55-64 > 1",
    [["field_needs_quotes", "a.18-24"], ["field_needs_quotes", "a.25-34"], ["field_needs_quotes", "a.35-44"], ["field_needs_quotes", "a.45-54"], ["field_needs_quotes", "a.55-64"]],
    "a.`18-24` > 1 or a.`25-34` > 1 or a.`35-44` > 1 or a.`45-54` > 1 or a.`55-64` > 1",
  ],
  ['a.55-64 = "x"', [["field_needs_quotes", "a.55-64"]], 'a.`55-64` = "x"'],
]);

table(
  "order-by",
  [
    ["rank descending", [["unexpected_token", "descending"]], "rank desc"],
    ["rank ASCENDING, b", [["unexpected_token", "ASCENDING"]], "rank asc, b"],
    // Two fields as far as the grammar goes, so it would silently sort on a field `descending`.
    ["rank,descending", [["unexpected_token", "descending"]], "rank,desc"],
    ['["rank,desc"]', [["json_as_text", '["rank,desc"]']], undefined],
    ["a.18-24 desc", [["field_needs_quotes", "a.18-24"]], "a.`18-24` desc"],
    // A condition where a sort rule goes: one error on the condition, the other rules still read.
    ["rank > 5", [["unexpected_token", "> 5"]], undefined],
    ["rank >", [["unexpected_token", ">"]], undefined],
    ["a, rank in [1, 2], b,desc", [["unexpected_token", "in [1, 2]"]], undefined],
    ['rank, domain like "%seo%"', [["unexpected_token", 'like "%seo%"']], undefined],
  ],
  "orderBy",
);

describe("one error per mistake, and the rest checked as if fixed", () => {
  it("reports several mistakes at once, each once", () => {
    expectDiagnostics('a => 1 and b contains "x" and c > now - 2 weeks and d in (1 2)', [
      ["unknown_operator", "=>"],
      ["unknown_operator", 'contains "x"'],
      ["invalid_duration", "2 weeks"],
      ["unexpected_token", "2"],
    ]);
  });

  it("checks the fields and values around a repaired mistake against the catalog", () => {
    const labs = { endpoint: "dataforseo_labs/google/related_keywords" };
    expectDiagnostics("keyword_data.clickstream_keyword_info.age_distribution.18-24 > 10", [["field_needs_quotes", "keyword_data.clickstream_keyword_info.age_distribution.18-24"]], labs);
    expectDiagnostics('keyword_data.clickstream_keyword_info.age_distribution.18-24 > "x"', [
      ["field_needs_quotes", "keyword_data.clickstream_keyword_info.age_distribution.18-24"],
      ["type_mismatch", '"x"'],
    ], labs);
  });

  it("gives a field with `-` no hint to add an operator after its first part", () => {
    const [d] = checkFilter("keyword_data.clickstream_keyword_info.age_distribution.18-24 > 10").diagnostics;
    expect(d?.hint).not.toMatch(/add an operator/);
    expect(d?.hint).toContain("age_distribution.`18-24`");
  });

  it("names the units, and says why months and years are not among them", () => {
    expect(checkFilter("f > now - 1mo").diagnostics[0]?.hint).toMatch(/s, m, h, d and w.*months and years have no fixed length/);
    expect(checkFilter("f > now - 7").diagnostics[0]?.hint).toMatch(/s, m, h, d and w/);
  });

  it("keeps the % of an unquoted like pattern in the hint and the fix", () => {
    const [d] = checkFilter("domain like %seo%").diagnostics;
    expect(d?.hint).toContain('"%seo%"');
    expect(d?.fixes?.[0]?.edits[0]?.insert).toBe('"%seo%"');
  });

  it("points a pasted array at the print and validate commands, and stops there", () => {
    const [d, ...rest] = checkFilter('[["rank",">",10],"and",["x","=",1]]').diagnostics;
    expect(rest).toEqual([]);
    expect(d?.hint).toMatch(/dfsq print.*dfsq validate/);
  });

  it("offers match as the second fix for contains", () => {
    const [d] = checkFilter('domain contains "seo"').diagnostics;
    expect(d?.fixes?.map((f) => applyFixes('domain contains "seo"', [f]))).toEqual(['domain like "%seo%"', 'domain match "seo"']);
  });

  it("accepts the API's own rank,desc", () => {
    expect(checkOrderBy("rank,desc, backlinks").value).toEqual(["rank,desc", "backlinks,asc"]);
  });
});

describe("in templates", () => {
  it("recognises the same mistakes in the text around the values", () => {
    const [d] = dfsqError(() => filter`rank => ${10}`).diagnostics;
    expect(d).toMatchObject({ code: "unknown_operator", span: { start: 5, end: 7 } });
    expect(d?.fixes?.[0]?.edits[0]?.insert).toBe(">=");
  });

  it("leaves an interpolated value where it is: no fix writes it into the text", () => {
    const [d, ...rest] = dfsqError(() => filter`domain contains ${"seo"}`).diagnostics;
    expect(rest).toEqual([]);
    expect(d?.code).toBe("unknown_operator");
    expect(d?.fixes).toBeUndefined();
  });
});

describe("numbers that cannot be sent as written", () => {
  it("refuses a non-zero number that underflows to 0, as one that overflows", () => {
    for (const text of ["1e-400", "0.1e-323", "2.4e-324"]) {
      const [d] = expectDiagnostics(`f = ${text}`, [["invalid_number", text]]);
      expect(d?.message).toContain("sent as 0");
    }
    expect(compileFilter("f = 0e-400")).toEqual(["f", "=", 0]);
  });

  it("warns where a subnormal keeps fewer digits than were written, naming the value sent", () => {
    const [d] = expectDiagnostics("f = 1.2345678901234567e-320", [["imprecise_number", "1.2345678901234567e-320"]]);
    expect(d?.message).toContain("1.2347e-320");
    expect(checkFilter("f = 5e-324").diagnostics).toEqual([]);
    expect(checkFilter("f = 2.5e-310").diagnostics).toEqual([]);
  });
});

describe("fixes parse", () => {
  const valid = fc.constantFrom("rank > 10", 'domain like "%a%"', "first_seen > now - 7d", "f in (1, 2)", "dofollow");
  /** Mistakes whose fix is plain, as they may stand among valid conditions. */
  const mistaken = fc.constantFrom(
    "a => 1",
    "a =< 1",
    "b >> 2",
    "a == 1",
    "a != 1",
    'domain contains "x"',
    "domain not contains x",
    "rank gt 10",
    "f > now - 30 days",
    "f > now - 1.5d",
    "f in (1 2 3)",
    "first_seen > 2024/01/31",
    "first_seen < 01-31-2024",
    "domain like %seo%",
    "f = 1,000",
    "f in (seo.com, moz)",
    "keyword_data.clickstream_keyword_info.age_distribution.18-24 > 10",
    'url regex "\\bseo\\b"',
  );
  const piece = fc.oneof(valid, mistaken);
  const expr = fc
    .array(fc.tuple(piece, fc.constantFrom(" and ", " or ", " && ", " || "), fc.boolean()), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.map(([p, op, group], i) => (i === 0 ? "" : op) + (group ? `(${p})` : p)).join(""));

  it("applying the first fix of every diagnostic leaves text with no errors", () => {
    fc.assert(
      fc.property(expr, (source) => {
        const r = checkFilter(source, { now: NOW, maxConditions: 100 });
        const fixed = applyFixes(source, firstFixes(r.diagnostics));
        const again = checkFilter(fixed, { now: NOW, maxConditions: 100 });
        expect(again.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
