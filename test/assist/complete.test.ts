import { catalogs } from "../../src/catalogs.js";
import { describe, expect, it } from "vitest";
import { complete } from "../../src/assist/complete.js";
import { hover } from "../../src/assist/hover.js";
import { checkFilter, checkOrderBy } from "../../src/compile.js";
import { commonness } from "../../src/assist/field-options.js";
import { catalogOf, findEndpoint } from "../../src/catalog/resolve.js";
import { matchLabel } from "../../src/assist/rank.js";
import type { AssistOptions, CompletionOption } from "../../src/assist/types.js";
import { OPERATOR_TABLE } from "../../src/syntax/operator-table.js";

const RD: AssistOptions = { endpoint: "backlinks/referring_domains", now: "2024-06-15T00:00:00Z" };
const labels = (source: string, options: AssistOptions = RD, offset = source.length) =>
  complete(source, offset, options)?.options.map((o) => o.label) ?? null;

describe("complete: the issue's examples", () => {
  it("offers referring_domains (num) for referring_d, replacing the word", () => {
    const r = complete("referring_d", 11, RD)!;
    expect([r.from, r.to]).toEqual([0, 11]);
    expect(r.options[0]).toMatchObject({ label: "referring_domains", kind: "field", detail: "num" });
  });

  it("offers the operators a num field takes after it", () => {
    expect(labels("referring_domains ")).toEqual([
      "=", "<>", ">", ">=", "<", "<=", "in", "between", "not in", "not between", "is null", "is not null",
    ]);
  });

  it("offers true and false after dofollow =", () => {
    expect(labels("dofollow = ", { endpoint: "backlinks/backlinks" })).toEqual(["true", "false", "null"]);
  });

  it("offers and, or and ) after a complete condition", () => {
    expect(labels("rank > 10 ")).toEqual(["and", "or"]);
    expect(labels("(rank > 10 ")).toEqual(["and", "or", ")"]);
  });

  it("offers sort directions in order-by mode, and only sortable, unused fields", () => {
    const mode = { ...RD, mode: "orderBy" as const };
    expect(labels("rank ", mode)).toEqual(["desc", "asc", ","]);
    const fields = labels("rank desc, ", mode)!;
    expect(fields).not.toContain("rank");
    expect(fields).toContain("backlinks");
    expect(labels("referring_links_tld.", mode)).toBeNull();
    expect(labels("a, b, c ", mode)).toEqual(["desc", "asc"]);
  });

  it("offers no sort fields for an endpoint that takes no order_by, though its filters have fields", () => {
    const links = { endpoint: "on_page/links", mode: "orderBy" as const };
    expect(labels("", links)).toBeNull();
    expect(labels("", { ...links, mode: "filter" as const })).toContain("dofollow");
  });
});

describe("complete: by context", () => {
  it.each([
    ["", ["domain", "rank", "backlinks", "not", "("], ["and", ")"]],
    ["not ", ["domain", "not", "("], ["and"]],
    ["domain ", ["like", "not like", "ilike", "regex", "match", "in"], ["<", "between", "has"]],
    ["domain not ", ["in", "like", "ilike", "regex", "match"], ["between", "has"]],
    ["domain like ", ['"%…%"'], []],
    ["domain in ", ["("], []],
    ['domain in ("a" ', [",", ")"], []],
    ['domain in ("a", ', ['""'], [")"]],
    ["domain in (", ['""'], [")"]],
    ["first_seen > ", ["now", "today", "now - 7d", "2024-06-15"], ["true", '""']],
    ["first_seen ", [">", "<", ">=", "<="], ["like", "has", "match"]],
    ["first_seen > now ", ["- 7d", "+ 1d", "and", "or"], []],
    ["first_seen > now - ", ["1d", "7d"], []],
    ["rank between 1 ", ["and"], ["or"]],
    ["rank is ", ["null", "not null"], []],
    ["rank is not ", ["null"], ["not null"]],
    ["referring_links_tld.", ["com", "org", "net"], []],
    ["ref", ["referring_domains", "referring_pages", "referring_links_tld"], ["rank"]],
  ])("after %j", (source, present, absent) => {
    const got = labels(source) ?? [];
    for (const p of present) expect(got).toContain(p);
    for (const a of absent) expect(got).not.toContain(a);
  });

  it("marks disputed operators lower and says so", () => {
    const r = complete("first_seen ", 11, RD)!;
    const ge = r.options.find((o) => o.label === ">=")!;
    const gt = r.options.find((o) => o.label === ">")!;
    expect(ge.boost!).toBeLessThan(gt.boost ?? 0);
    expect(ge.detail).toContain("disagree");
  });

  it("completes dotted paths segment by segment", () => {
    const labs = { endpoint: "dataforseo_labs/google/competitors_domain" };
    expect(labels("metrics.", labs)).toEqual(["organic", "paid", "featured_snippet", "local_pack"]);
    expect(complete("metrics.", 8, labs)!.options[0]).toMatchObject({ kind: "namespace", apply: "organic." });
    const r = complete("metrics.organic.po", 18, labs)!;
    expect([r.from, r.to]).toEqual([16, 18]);
    expect(r.options.map((o) => o.label)).toContain("pos_1");
  });

  it("offers fields of the same type as references where the endpoint takes them", () => {
    const got = labels("metrics.organic.pos_1 > ", { endpoint: "dataforseo_labs/google/competitors_domain" })!;
    expect(got).toContain("avg_position");
    expect(labels("rank > ")).toEqual([]);
  });

  it("offers nothing inside strings, after broken text, or for an unknown context", () => {
    expect(labels('domain = "ab')).toEqual([]);
    expect(labels('domain = "ab" ')).toEqual(["and", "or"]);
    expect(labels('domain like "ab', RD)).toBeNull();
    expect(labels("rank > and ")).toBeNull();
    expect(labels("rank > 10 10 ")).toBeNull();
  });

  it("offers operators and values without an endpoint, and no fields", () => {
    expect(labels("", {})).toEqual(["not", "("]);
    expect(labels("x ", {})).toContain("like");
    expect(labels("x = ", {})).toEqual(expect.arrayContaining(["true", "false", "now", '""', "null"]));
  });

  it("completes the operator being typed", () => {
    const r = complete("rank >", 6, RD)!;
    expect([r.from, r.to]).toEqual([5, 6]);
    expect(r.options.map((o) => o.label)).toEqual([">="]);
  });
});

/*
 * The golden rows must survive a catalog refresh, which reorders an endpoint's fields: where dfsq's
 * ranking ties (same match tier, boost and, once something is typed, path length and commonness),
 * fields come in catalog order, so the rows list such a run of fields alphabetically. Everything
 * else keeps dfsq's order, which the rows assert.
 */
const isField = (o: CompletionOption) => o.kind === "field" || o.kind === "namespace";
const rankKey = (o: CompletionOption, typed: string) => {
  const tier = isField(o) ? (matchLabel(o.label, typed.toLowerCase(), true)?.tier ?? 9) : 0;
  const typedField = typed !== "" && isField(o);
  // Only a dotted path found by a later segment is ranked by commonness (assist/field-options.ts).
  return { tier, boost: o.boost ?? 0, length: typedField ? o.label.length : 0, commonness: typedField && o.label.includes(".") ? commonness(o.label, catalogs) : 0 };
};

function shownLabels(options: readonly CompletionOption[], typed: string): string {
  const keyed = options.map((o) => ({ o, key: rankKey(o, typed) }));
  const canonical: CompletionOption[] = [];
  for (let start = 0; start < keyed.length; ) {
    let end = start + 1;
    const same = (j: number) => isField(keyed[j]!.o) && isField(keyed[start]!.o) && JSON.stringify(keyed[j]!.key) === JSON.stringify(keyed[start]!.key);
    while (end < keyed.length && same(end)) end++;
    const run = keyed.slice(start, end).map(({ o }) => o);
    canonical.push(...(isField(run[0]!) ? run.toSorted((x, y) => (x.label < y.label ? -1 : x.label > y.label ? 1 : 0)) : run));
    start = end;
  }
  const more = canonical.length > 6 ? ` …+${canonical.length - 6}` : "";
  return `${canonical.slice(0, 6).map((o) => o.label).join(" ")}${more}`;
}

/** The options at every position of `source`, a row each. */
function rows(source: string, options: AssistOptions): string {
  const out: string[] = [];
  for (let i = 0; i <= source.length; i++) {
    const r = complete(source, i, options);
    const shown = r === null ? "—" : `[${r.from},${r.to}) ${shownLabels(r.options, source.slice(r.from, i))}`;
    out.push(`${String(i).padStart(3)} ${JSON.stringify(source.slice(0, i)).slice(-24).padStart(24)}  ${shown}`);
  }
  return out.join("\n");
}

describe("complete at every position (golden)", () => {
  const cases: [string, AssistOptions][] = [
    ['referring_domains > 10 and (domain like "%seo%" or rank > 200)', RD],
    ["dofollow and first_seen > now - 30d", { endpoint: "backlinks/backlinks", now: "2024-06-15T00:00:00Z" }],
    ["rank between 1 and 5 or domain not in ('a', 'b')", RD],
    ["rank > and (", RD],
    ["rank desc, backlinks", { ...RD, mode: "orderBy" }],
  ];
  it.each(cases)("%s", (source, options) => {
    expect(rows(source, options)).toMatchSnapshot();
  });

  // A catalog refresh that lists the same fields in another order changes no row (both given as
  // live catalogs, which rank alike).
  it.each(cases.filter(([, options]) => options.mode !== "orderBy"))("%s, with the catalog's fields reversed", (source, options) => {
    const fields = catalogOf(findEndpoint(options.endpoint!)!, "filters")!.fields;
    const reversed = Object.fromEntries(Object.entries(fields).toReversed());
    expect(Object.keys(reversed)).not.toEqual(Object.keys(fields));
    expect(rows(source, { ...options, catalog: reversed })).toBe(rows(source, { ...options, catalog: fields }));
  });
});

describe("complete: one wording with hover", () => {
  it("describes every operator in completion as hover does, from the one table", () => {
    for (const entry of OPERATOR_TABLE) {
      const operand = { value: " 1", list: " (1)", pattern: ' "%a%"', element: " 1", range: " 1 and 2", none: "" }[entry.operand];
      const source = `x ${entry.text}${operand}`;
      const option = complete("x ", 2, {})!.options.find((o) => o.label === entry.text)!;
      expect(option.detail).toBe(entry.meaning);
      expect(option.info).toBe(hover(source, 2)!.text);
      expect(option.info).toContain(entry.example);
    }
  });
});

describe("complete: fields by any part of their path", () => {
  const labs: AssistOptions = { endpoint: "dataforseo_labs/google/related_keywords" };

  it("finds a Labs field by its last word, the shortest path first, with the match marked", () => {
    const r = complete("volume", 6, labs)!;
    expect([r.from, r.to]).toEqual([0, 6]);
    const [first] = r.options;
    expect(first).toMatchObject({ label: "keyword_data.keyword_info.search_volume", kind: "field", detail: "num" });
    expect(first!.matches).toEqual([[33, 39]]);
    expect(first!.label.slice(33, 39)).toBe("volume");
    expect(r.options.map((o) => o.label)).toContain("keyword_data.clickstream_keyword_info.search_volume");
  });

  it("ranks a whole segment above a segment's start, and documented keys in their order", () => {
    const got = labels("pos_1", { endpoint: "dataforseo_labs/google/competitors_domain" })!;
    expect(got.slice(0, 4)).toEqual(["metrics.organic.pos_1", "metrics.paid.pos_1", "metrics.featured_snippet.pos_1", "metrics.local_pack.pos_1"]);
    expect(got.indexOf("metrics.organic.pos_11_20")).toBeGreaterThan(got.indexOf("metrics.local_pack.pos_1"));
  });

  it("keeps the exact field typed first, and prefixes before matches inside", () => {
    expect(labels("rank")![0]).toBe("rank");
    const got = labels("domains")!;
    expect(got).toEqual(expect.arrayContaining(["referring_domains", "referring_main_domains"]));
    expect(complete("domains", 7, RD)!.options[0]!.matches).toEqual([[10, 17]]);
  });

  it("inserts a path in backquotes where a segment needs them", () => {
    const age = complete("age", 3, labs)!.options.find((o) => o.label.endsWith("age_distribution.18-24"))!;
    expect(checkFilter(`${age.apply ?? age.label} > 10`, labs).ok).toBe(true);
  });

  it("finds sortable paths in an order-by, and none it cannot sort by", () => {
    const sort = { ...labs, mode: "orderBy" as const };
    expect(labels("cpc", sort)).toContain("keyword_data.keyword_info.cpc");
    expect(labels("serp_item_types", sort) ?? []).not.toContain("keyword_data.serp_info.serp_item_types");
  });
});

describe("complete: documented values", () => {
  const labs: AssistOptions = { endpoint: "dataforseo_labs/google/related_keywords" };
  const level = "keyword_data.keyword_info.competition_level";

  it("offers LOW, MEDIUM and HIGH for competition_level, quoted, with their source", () => {
    const r = complete(`${level} = `, level.length + 3, labs)!;
    expect(r.options.slice(0, 3).map((o) => o.label)).toEqual(['"LOW"', '"MEDIUM"', '"HIGH"']);
    expect(r.options[0]!.info).toContain("https://docs.dataforseo.com/");
    expect(labels(`${level} in ("LOW", `, labs)).toContain('"HIGH"');
  });

  it("matches what is typed in the quotes, or unquoted, and replaces the whole string", () => {
    const inside = complete(`${level} = "me"`, level.length + 6, labs)!;
    expect(inside.options.map((o) => o.label)).toEqual(['"MEDIUM"']);
    expect([inside.from, inside.to]).toEqual([level.length + 3, level.length + 7]);
    expect(inside.value).toEqual({ field: level, type: "str", prefix: "me" });
    expect(labels(`${level} = hi`, labs)![0]).toBe('"HIGH"');
  });

  it("offers the elements of an array after has, and the keys of a map segment", () => {
    expect(labels("keyword_data.serp_info.serp_item_types has ", labs)).toContain('"featured_snippet"');
    expect(labels("referring_links_types.", RD)).toEqual(["anchor", "image", "link", "meta", "canonical", "alternate", "redirect"]);
    expect(labels("item_type = ", { endpoint: "backlinks/backlinks" })).toEqual(expect.arrayContaining(['"anchor"', '"redirect"']));
  });

  it("says where a value of a known field is expected, with what was typed", () => {
    expect(complete("rank > ", 7, RD)).toMatchObject({ options: [], value: { field: "rank", type: "num", prefix: "" } });
    expect(complete("rank > 1", 8, RD)!.value).toEqual({ field: "rank", type: "num", prefix: "1" });
    expect(complete("domain in ('a', 'ex", 19, RD)!.value).toEqual({ field: "domain", type: "str", prefix: "ex" });
    expect(complete('domain like "ex', 15, RD)).toBeNull();
    expect(complete("rank > 1 ", 9, RD)!.value).toBeUndefined();
  });
});

describe("complete: information", () => {
  it("gives a field's type, operators, sortability and documented values", () => {
    const info = complete("keyword_info.competition_lev", 28, { endpoint: "dataforseo_labs/google/keyword_ideas" })!.options[0]!.info!;
    expect(info).toContain("keyword_info.competition_level: str");
    expect(info).toContain("operators: ");
    expect(info).toContain("sortable in `order_by`");
    expect(info).toContain("`LOW` `MEDIUM` `HIGH`");
  });

  it("gives the instant a time stands for", () => {
    const r = complete("first_seen > ", 13, { ...RD, now: "2024-06-15T12:00:00Z" })!;
    expect(r.options.find((o) => o.label === "now - 30d")!.info).toContain("`2024-05-16 12:00:00 +00:00`");
    expect(r.options.find((o) => o.label === "today")!.info).toContain("`2024-06-15 00:00:00 +00:00`");
  });
});

describe("complete: field names that need backquotes", () => {
  const labs: AssistOptions = { endpoint: "dataforseo_labs/google/related_keywords" };
  const insert = (source: string, label: string, options: AssistOptions = labs) => {
    const r = complete(source, source.length, options)!;
    const option = r.options.find((o) => o.label === label)!;
    return source.slice(0, r.from) + (option.apply ?? option.label) + source.slice(r.to);
  };

  it("inserts a segment with `-` in backquotes, so that the text parses", () => {
    const prefix = "keyword_data.clickstream_keyword_info.age_distribution.";
    expect(labels(prefix, labs)).toEqual(expect.arrayContaining(["18-24", "25-34", "55-64"]));
    const text = insert(prefix, "18-24");
    expect(text).toBe("keyword_data.clickstream_keyword_info.age_distribution.`18-24`");
    expect(checkFilter(`${text} > 10`, labs).ok).toBe(true);
    // Typed so far as digits, the segment is replaced as a whole.
    expect(insert(`${prefix}18`, "18-24")).toBe(text);
  });

  it("leaves names that need none as they are, and quotes them in order-by mode too", () => {
    expect(insert("keyword_data.clickstream_keyword_info.", "age_distribution")).toBe("keyword_data.clickstream_keyword_info.age_distribution.");
    const sort = { ...labs, mode: "orderBy" as const };
    const text = insert("keyword_data.clickstream_keyword_info.age_distribution.", "25-34", sort);
    expect(checkOrderBy(`${text} desc`, sort).value).toEqual(["keyword_data.clickstream_keyword_info.age_distribution.25-34,desc"]);
  });
});

describe("complete: after the API's own rank,desc", () => {
  it("reads a direction after a comma as the sort rule's, and offers what follows it", () => {
    const mode = { ...RD, mode: "orderBy" as const };
    expect(labels("rank,desc ", mode)).toEqual([","]);
    expect(labels("rank,desc, ", mode)).toContain("backlinks");
  });
});
