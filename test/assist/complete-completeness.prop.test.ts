import { describe, expect, it } from "vitest";
import { complete } from "../../src/assist/complete.js";
import type { AssistOptions } from "../../src/assist/types.js";
import { checkFilter, checkOrderBy } from "../../src/compile.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

/*
 * Completion's context (assist/context.ts) is a third reading of the grammar, beside the EBNF and
 * the parser. Completeness, judged by the parser: after every token of valid input, each keyword
 * or operator that the parser accepts next (the text so far plus that word has no syntax error
 * but "unfinished") is among what `complete` offers there.
 */

const NOW = "2024-06-15T00:00:00Z";
const SOURCES = [
  'referring_domains > 10 and (domain like "%seo%" or rank between 1 and 200) and first_seen > now - 30d',
  'dofollow and not is_broken and anchor not ilike "%x%" and domain_from_platform_type has "cms"',
  "content_info.text_category has 10994 or page_types has_not 'x' or domain in ('a', 'b')",
  "x = 1 or (y < 2 and z is not null) and not (w regex 'a' or v not between 1 and 2)",
  'a match "x" and b ilike "y" and c not like "z" and d not in [1, 2] and e >= 1 and f <> 2 and g <= 3',
];
/** The words of the language: every operator's first word, the connectives, `between`, `is` (values have tests of their own). */
const PROBES = ["=", "<>", "<", "<=", ">", ">=", "in", "like", "ilike", "regex", "match", "has", "between", "is", "not", "and", "or"];
const SORT_PROBES = ["asc", "desc"];

const unfinished = (d: Diagnostic, text: string) => d.code === "unexpected_end" || (d.code === "bare_field_not_bool" && d.span.end === text.length);
/** Nothing wrong yet but that the text is unfinished. */
const fine = (diagnostics: readonly Diagnostic[], text: string) => diagnostics.every((d) => d.severity !== "error" || unfinished(d, text));
/** The parser and the checks take `probe` after `prefix`: no error, and no warning it brings (a
 * `null` after `<` parses, with a warning; nothing that is only warned about is owed). */
function takes(check: (source: string, options: AssistOptions) => { readonly diagnostics: readonly Diagnostic[] }, prefix: string, probe: string, options: AssistOptions): boolean {
  const text = `${prefix}${probe}`;
  const before = check(prefix, options).diagnostics.filter((d) => !unfinished(d, prefix)).length;
  const after = check(text, options).diagnostics;
  return fine(after, text) && after.filter((d) => !unfinished(d, text)).length <= before;
}

/** Offsets right after each token (each space-separated piece's end). */
const tokenEnds = (source: string) => [...source.matchAll(/\S+/g)].map((m) => m.index + m[0].length);

const firstWord = (text: string) => text.trim().toLowerCase().split(/\s+/)[0] ?? "";

function offeredWords(text: string, options: AssistOptions): Set<string> {
  const r = complete(text, text.length, options);
  return new Set((r?.options ?? []).map((o) => firstWord(o.apply ?? o.label)));
}

describe("completion offers every word the parser accepts next", () => {
  it.each(SOURCES)("%s", (source) => {
    const options: AssistOptions = { now: NOW };
    let judged = 0;
    for (const end of tokenEnds(source)) {
      const prefix = `${source.slice(0, end)} `;
      if (!fine(checkFilter(prefix, options).diagnostics, prefix)) continue;
      const offered = offeredWords(prefix, options);
      for (const probe of PROBES) {
        if (!takes(checkFilter, prefix, probe, options)) continue;
        expect(offered.has(probe), `${JSON.stringify(prefix)}: the parser takes ${probe}, completion offers ${[...offered].join(" ")}`).toBe(true);
        judged++;
      }
    }
    expect(judged).toBeGreaterThan(15);
  });

  it("in an order-by too", () => {
    const source = "rank desc, backlinks, first_seen asc";
    const options: AssistOptions = { mode: "orderBy" };
    let judged = 0;
    for (const end of tokenEnds(source)) {
      const prefix = `${source.slice(0, end)} `;
      if (!fine(checkOrderBy(prefix, options).diagnostics, prefix)) continue;
      const offered = offeredWords(prefix, options);
      for (const probe of SORT_PROBES) {
        if (!takes(checkOrderBy, prefix, probe, options)) continue;
        expect(offered.has(probe), `${JSON.stringify(prefix)}: ${probe}`).toBe(true);
        judged++;
      }
    }
    expect(judged).toBeGreaterThan(2);
  });
});
