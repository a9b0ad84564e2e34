import { describe, expect, it } from "vitest";
import { fieldsOf } from "../../src/catalog/api.js";
import { ENDPOINTS, type FieldType, type FilterParam } from "../../src/catalog/endpoints.js";
import { operatorListKeys } from "../../src/catalog/operator-lists.js";
import { checkFilter } from "../../src/compile.js";
import { printFieldPath } from "../../src/print/print-value.js";
import { OPERATORS, type Operator } from "../../src/syntax/ast.js";

/*
 * Every operator on every endpoint parameter's each field type, compiled against the endpoint,
 * and the verdict compared with what filters-spec.md says: the type tables (2.1) combined with
 * the operator list each endpoint's page prints (2.2). A: no diagnostic, C: operator_conflict,
 * U: operator_unverified; every other operator must be operator_not_allowed.
 */

interface Expected {
  readonly A: readonly Operator[];
  readonly C?: readonly Operator[];
  readonly U?: readonly Operator[];
}
type Table = Readonly<Record<FieldType, Expected>>;

const ORDER: Operator[] = ["<", "<=", ">", ">="];
const EQ_IN: Operator[] = ["=", "<>", "in", "not_in"];
const NUM: Operator[] = [...ORDER, ...EQ_IN];
const LIKE: Operator[] = ["like", "not_like"];
const ILIKE: Operator[] = ["ilike", "not_ilike"];
const MATCH: Operator[] = ["match", "not_match"];
const REGEX: Operator[] = ["regex", "not_regex"];
const STR: Operator[] = [...EQ_IN, ...LIKE, ...ILIKE, ...REGEX, ...MATCH];
const HAS: Operator[] = ["has", "has_not"];
const BOOL: Operator[] = ["=", "<>"];
/** Time operators beyond `<` and `>`: the Backlinks page's type list and its per-field table disagree. */
const TIME_DISPUTED: Operator[] = ["<=", ">=", "=", "<>", "in", "not_in"];
const without = (ops: readonly Operator[], ...gone: Operator[]) => ops.filter((op) => !gone.includes(op));

/** Backlinks, Labs and Content Analysis type tables, where the endpoint's list names every string operator the table has. */
const FULL: Table = {
  num: { A: NUM },
  str: { A: STR },
  bool: { A: BOOL },
  time: { A: ["<", ">"], C: TIME_DISPUTED },
  "array.str": { A: HAS },
  "array.num": { A: HAS },
};
/** A typed API whose endpoint list leaves out some string operators its type table has: a conflict. */
const listOmits = (kind: "C" | "U", ...omitted: Operator[]): Table => ({
  ...FULL,
  str: { A: without(STR, ...omitted), [kind]: omitted },
});
const CONTENT_ANALYSIS: Table = { ...FULL, str: { A: without(STR, ...ILIKE) } };

/** The On-Page list of the help center against the On-Page endpoint lists. */
const ON_PAGE: Table = {
  num: { A: NUM },
  str: { A: [...EQ_IN, ...LIKE, "regex"], C: ["not_regex", ...MATCH] },
  bool: { A: BOOL },
  time: { A: [], C: [...ORDER, ...EQ_IN] },
  "array.str": { A: HAS },
  "array.num": { A: [], C: HAS },
};

/** APIs without a type table: the endpoint's list decides, the rest is a guess or refused. */
const untyped = (str: readonly Operator[], order: "A" | "U"): Table => ({
  num: order === "A" ? { A: NUM } : { A: EQ_IN, U: ORDER },
  str: { A: str },
  bool: { A: BOOL },
  time: order === "A" ? { A: ["<", ">"], U: TIME_DISPUTED } : { A: [], U: [...ORDER, ...EQ_IN] },
  "array.str": { A: [], U: HAS },
  "array.num": { A: [], U: HAS },
});

const labs = (se: string, ...fns: string[]) => fns.map((fn) => `dataforseo_labs/${se}/${fn} filters`);
const each = (prefix: string, param: FilterParam, ...names: string[]) => names.map((n) => `${prefix}/${n} ${param}`);
const LLM = [
  "search",
  "search_mentions",
  "aggregated_metrics",
  "cross_aggregated_metrics",
  "multi_target_metrics",
  "target_metrics_lite",
  "top_domains",
  "top_mentioned_brand_categories",
  "top_mentioned_brand_categories_lite",
  "top_mentioned_brands",
  "top_mentioned_brands_lite",
  "top_mentioned_domains",
  "top_mentioned_domains_lite",
  "top_mentioned_pages",
  "top_mentioned_pages_lite",
];

const EXPECTED: readonly [readonly string[], Table][] = [
  [
    [
      // The Backlinks lists name no comparison operator and no `has`: silent on those, so the type table decides.
      ...each("backlinks", "filters", "backlinks", "anchors", "domain_pages", "domain_pages_summary", "referring_networks"),
      ...each("backlinks", "filters", "competitors", "domain_intersection", "page_intersection", "content_duplicates"),
      ...each("backlinks", "backlinks_filters", "summary", "anchors", "domain_pages", "domain_pages_summary"),
      ...each("backlinks", "backlinks_filters", "referring_domains", "referring_networks", "domain_intersection"),
      ...labs("google", "related_keywords", "keyword_suggestions", "ranked_keywords", "keyword_ideas", "serp_competitors"),
      ...labs("google", "keywords_for_categories", "domain_intersection", "page_intersection", "top_searches", "keywords_for_site"),
      ...labs("google", "domain_metrics_by_categories"),
      ...labs("bing", "related_keywords", "ranked_keywords", "serp_competitors", "domain_intersection", "page_intersection"),
      ...labs("amazon", "related_keywords", "product_competitors", "product_keyword_intersections"),
    ],
    FULL,
  ],
  [["backlinks/referring_domains filters", ...labs("amazon", "ranked_keywords")], listOmits("C", ...ILIKE)],
  [labs("google", "relevant_pages", "subdomains", "competitors_domain", "categories_for_domain").concat(labs("bing", "competitors_domain")), listOmits("C", ...LIKE, ...ILIKE, ...MATCH)],
  // No list of their own: Google's for the same function stands in, so a disagreement is unverified.
  [labs("bing", "relevant_pages", "subdomains"), listOmits("U", ...LIKE, ...ILIKE, ...MATCH)],
  [labs("google", "domain_whois_overview"), listOmits("C", ...ILIKE, ...MATCH)],
  [[...labs("google", "app_intersection", "app_competitors", "keywords_for_app"), ...labs("apple", "app_intersection", "app_competitors", "keywords_for_app")], listOmits("C", ...LIKE, ...ILIKE, ...REGEX, ...MATCH)],
  [each("on_page", "filters", "pages", "resources", "links", "non_indexable", "pages_by_resource", "keyword_density", "uncrawlable_resources"), ON_PAGE],
  [
    ["on_page/resources relevant_pages_filters"],
    { ...ON_PAGE, str: { A: ON_PAGE.str.A, C: ["not_regex"], U: MATCH }, time: { A: [], C: ORDER, U: ["in", "not_in"] } },
  ],
  [
    ["on_page/redirect_chains filters"],
    { ...ON_PAGE, num: { A: [...ORDER, ...BOOL], C: ["in", "not_in"] }, str: { A: [...BOOL, "regex"], C: [...without(STR, ...BOOL, "regex", ...ILIKE)] } },
  ],
  [["content_analysis/search filters", ...each("content_analysis", "initial_dataset_filters", "sentiment_analysis", "rating_distribution", "phrase_trends", "category_trends")], CONTENT_ANALYSIS],
  [["content_analysis/summary initial_dataset_filters"], { ...CONTENT_ANALYSIS, str: { A: without(STR, ...ILIKE, ...MATCH), C: MATCH } }],
  [["business_data/business_listings/search filters"], untyped(STR, "A")],
  [["business_data/business_listings/categories_aggregation initial_dataset_filters"], untyped(without(STR, ...ILIKE), "A")],
  [["domain_analytics/whois/overview filters"], untyped([...EQ_IN, ...LIKE, "regex"], "A")],
  [each("domain_analytics/technologies", "filters", "domains_by_technology", "domains_by_html_terms", "aggregation_technologies", "technologies_summary"), untyped([...EQ_IN, ...LIKE], "A")],
  [["app_data/google/app_listings/search filters", "app_data/apple/app_listings/search filters"], untyped([...EQ_IN, ...LIKE, ...REGEX], "A")],
  [[...each("ai_optimization/llm_mentions", "filters", ...LLM), ...each("ai_optimization/llm_mentions", "initial_dataset_filters", ...LLM.slice(2))], untyped([...EQ_IN, ...LIKE, ...ILIKE, ...MATCH], "U")],
];

const expectedFor = new Map(EXPECTED.flatMap(([keys, table]) => keys.map((k) => [k, table] as const)));

const VALUES: Record<FieldType, string> = { num: "1", str: '"a%"', bool: "true", time: "2024-01-01", "array.str": '"a"', "array.num": "1" };

/** `field op value`, with the value in the shape the operator takes. */
function condition(path: string, type: FieldType, op: Operator): string {
  const value = op === "in" || op === "not_in" ? `(${VALUES[type]})` : op.includes("like") || op.includes("regex") || op.includes("match") ? '"a%"' : VALUES[type];
  return `${printFieldPath(path)} ${op} ${value}`;
}

const VERDICTS: Record<string, string> = { operator_conflict: "C", operator_unverified: "U", operator_not_allowed: "refused" };

/** The verdict the checks give `op` on `path`: A, C, U or refused. */
function verdictOf(endpoint: string, param: FilterParam, path: string, type: FieldType, op: Operator): string {
  const { diagnostics } = checkFilter(condition(path, type, op), { endpoint, param, now: "2024-06-15T00:00:00Z" });
  const codes = diagnostics.map((d) => VERDICTS[d.code]).filter((v) => v !== undefined);
  return codes[0] ?? "A";
}

const sorted = (ops: readonly Operator[] | undefined) => [...(ops ?? [])].toSorted();

const cases = [...ENDPOINTS.values()].flatMap((spec) =>
  (Object.keys(spec.params) as FilterParam[]).map((param) => [`${spec.id} ${param}`, spec.id, param] as const),
);

describe("every operator on every endpoint's field types", () => {
  it.each(cases)("%s", (key, endpoint, param) => {
    const fields = fieldsOf(endpoint, param) ?? [];
    if (fields.length === 0) return; // no catalog of its fields: nothing is typed
    const table = expectedFor.get(key);
    expect(table, `no expected verdicts for ${key}`).toBeDefined();
    const types = new Set(fields.map((f) => f.type));
    expect(types.size).toBeGreaterThan(0);
    for (const type of types) {
      const path = fields.find((f) => f.type === type)!.path.replace(/\$[a-z_]+/g, "1");
      const actual: Record<string, Operator[]> = { A: [], C: [], U: [] };
      for (const op of OPERATORS) {
        const verdict = verdictOf(endpoint, param, path, type, op);
        if (verdict !== "refused") actual[verdict]!.push(op);
      }
      const want = table![type];
      expect({ type, A: sorted(actual.A), C: sorted(actual.C), U: sorted(actual.U) }).toEqual({
        type,
        A: sorted(want.A),
        C: sorted(want.C),
        U: sorted(want.U),
      });
    }
  });

  it("has expected verdicts and operator lists only for endpoint parameters that exist", () => {
    const known = new Set<string>(cases.map(([key]) => key));
    expect([...expectedFor.keys()].filter((k) => !known.has(k))).toEqual([]);
    expect(operatorListKeys().map(([id, param]) => `${id} ${param}`).filter((k) => !known.has(k))).toEqual([]);
  });

  it("has an operator list, own or borrowed, for every endpoint parameter with a catalog", () => {
    const listed = new Set(operatorListKeys().map(([id, param]) => `${id} ${param}`));
    const missing = cases.filter(([key, id, param]) => (fieldsOf(id, param) ?? []).length > 0 && !listed.has(key));
    expect(missing.map(([key]) => key)).toEqual([]);
  });
});
