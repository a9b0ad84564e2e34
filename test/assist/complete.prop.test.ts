import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { complete } from "../../src/assist/complete.js";
import type { AssistOptions } from "../../src/assist/types.js";
import { checkFilter, checkOrderBy } from "../../src/compile.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

/*
 * "Nothing offered may make the expression invalid": at the end of every prefix of valid
 * expressions, applying any offered option leaves text whose only errors are that it is not
 * finished yet.
 */

const NOW = "2024-06-15T00:00:00Z";
const CASES: [string, AssistOptions][] = [
  ['referring_domains > 10 and (domain like "%seo%" or rank between 1 and 200) and first_seen > now - 30d', { endpoint: "backlinks/referring_domains", now: NOW }],
  ['dofollow and not is_broken and anchor not ilike "%x%" and domain_from_platform_type has "cms"', { endpoint: "backlinks/backlinks", now: NOW }],
  ["metrics.organic.pos_1 > metrics.organic.pos_2_3 and metrics.paid.count >= 1", { endpoint: "dataforseo_labs/google/competitors_domain", now: NOW }],
  ["content_info.text_category has 10994 or page_types has_not 'x' or domain in ('a', 'b')", { endpoint: "content_analysis/search", now: NOW }],
  ["x = 1 or (y < 2 and z is not null)", { now: NOW }],
  [
    'keyword_data.keyword_info.search_volume > 10 and keyword_data.keyword_info.competition_level in ("LOW", "HIGH") and keyword_data.serp_info.serp_item_types has "video"',
    { endpoint: "dataforseo_labs/google/related_keywords", now: NOW },
  ],
];
const ORDER: [string, AssistOptions][] = [["rank desc, backlinks, first_seen asc", { endpoint: "backlinks/referring_domains", mode: "orderBy" }]];

/** Only "not finished" errors are allowed: the text ends where more must follow (a field alone
 * at the end is a field waiting for its operator). */
const unfinished = (d: Diagnostic, text: string) =>
  d.code === "unexpected_end" || (d.code === "bare_field_not_bool" && d.span.end === text.length);

describe("completion never breaks a valid prefix", () => {
  it.each([...CASES, ...ORDER])("%s", (source, options) => {
    const check = options.mode === "orderBy" ? checkOrderBy : checkFilter;
    let checked = 0;
    for (let i = 0; i <= source.length; i++) {
      const prefix = source.slice(0, i);
      const before = check(prefix, options).diagnostics.filter((d) => d.severity === "error");
      // Only prefixes that are themselves fine so far (or merely unfinished) are a fair start.
      if (!before.every((d) => unfinished(d, prefix))) continue;
      const r = complete(prefix, i, options);
      if (r === null) continue;
      for (const option of r.options) {
        let text = prefix.slice(0, r.from) + (option.apply ?? option.label);
        // A namespace leaves a dangling dot until its next segment is chosen.
        if (option.kind === "namespace") text += "x";
        const errors = check(text, options).diagnostics.filter((d) => d.severity === "error" && !unfinished(d, text));
        const allowed = option.kind === "namespace" ? errors.filter((d) => d.code !== "unknown_field") : errors;
        expect(allowed.map((d) => `${d.code}: ${d.message}`), `${JSON.stringify(text)} after choosing ${option.label}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("holds for random prefixes of generated filters", () => {
    const atom = fc.constantFrom("rank > 10", 'domain like "%a%"', "first_seen > now - 7d", "backlinks between 1 and 5", "domain in ('a')");
    const expr = fc.array(fc.tuple(atom, fc.constantFrom(" and ", " or ")), { minLength: 1, maxLength: 4 }).map((parts) =>
      parts.map(([a, c], i) => (i === 0 ? a : c + a)).join(""),
    );
    const options: AssistOptions = { endpoint: "backlinks/referring_domains", now: NOW };
    fc.assert(
      fc.property(expr, fc.nat(), (source, n) => {
        const i = n % (source.length + 1);
        const prefix = source.slice(0, i);
        const r = complete(prefix, i, options);
        if (r === null) return;
        expect(r.from).toBeGreaterThanOrEqual(0);
        expect(r.to).toBe(i);
        for (const option of r.options) {
          const text = prefix.slice(0, r.from) + (option.apply ?? option.label) + (option.kind === "namespace" ? "x" : "");
          const errors = checkFilter(text, options).diagnostics.filter((d) => d.severity === "error" && !unfinished(d, text) && d.code !== "unknown_field");
          expect(errors.map((d) => d.code)).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("completion quotes the names that need it", () => {
  it("inserts keywords and odd names so that they read back as themselves", () => {
    const options: AssistOptions = { catalog: { not: "num", desc: "num", "a.in": "num", "odd name": "num", "b.c": "num" } };
    const offered: string[] = [];
    for (const prefix of ["", "a.", "n", "in", "od", "de"]) {
      const r = complete(prefix, prefix.length, options);
      for (const option of r?.options.filter((o) => o.kind === "field") ?? []) {
        const text = `${prefix.slice(0, r!.from)}${option.apply ?? option.label} = 1`;
        offered.push(text);
        const errors = checkFilter(text, options).diagnostics.filter((d) => d.severity === "error");
        expect(errors.map((d) => `${text}: ${d.code}`)).toEqual([]);
      }
    }
    expect(offered).toEqual(expect.arrayContaining(["`not` = 1", "`desc` = 1", "a.in = 1", "`odd name` = 1"]));
  });
});
