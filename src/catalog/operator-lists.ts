import type { Operator } from "../syntax/ast.js";
import { operatorsOf } from "../syntax/operator-table.js";
import { ENDPOINTS, type FilterParam } from "./endpoints.js";

/*
 * The operator list each endpoint's docs page prints in its filter parameter's row
 * (filters-spec.md 2.2, read from PythonClient 2.1.5), in the order printed. The rows say which
 * operators an endpoint takes but not on which field types; operators.ts combines them with the
 * per-type tables.
 */

/** The list an endpoint parameter's row prints, or the list that stands in for it. */
export interface OperatorList {
  readonly ops: ReadonlySet<Operator>;
  /** The docs page and parameter row that print the list; absent for a list no one page prints. */
  readonly page?: { readonly id: string; readonly param: FilterParam };
  /** Set when the endpoint's own page prints no list: what stands in for it and why, for messages. */
  readonly borrowed?: string;
}

type Row = readonly [ids: readonly string[], param: FilterParam, ops: readonly Operator[]];

// The rows list whole families (an operator with its negation), in the table's order.
const ORDER = operatorsOf("order");
const EQ_IN = operatorsOf("equality", "list");
const REGEX = operatorsOf("regex");
const LIKE = operatorsOf("like");
const ILIKE = operatorsOf("ilike");
const MATCH = operatorsOf("match");
const HAS = operatorsOf("element");

const labs = (se: string, ...fns: string[]) => fns.map((fn) => `dataforseo_labs/${se}/${fn}`);
const prefixed = (prefix: string, ...names: string[]) => names.map((name) => `${prefix}/${name}`);

/** The LLM Mentions endpoints that take `param`, from the endpoint registry (one list of them). */
const llmMentions = (param: FilterParam) =>
  [...ENDPOINTS.values()].filter((e) => e.id.startsWith("ai_optimization/llm_mentions/") && e.params[param] !== undefined).map((e) => e.id);

/** The list most Backlinks endpoints print (8 of the 9 rows). */
const BACKLINKS_ROW: readonly Operator[] = [...REGEX, ...EQ_IN, ...LIKE, ...ILIKE, ...MATCH];
/** The list most Labs endpoints print (17 of the 27 rows). */
const LABS_ROW: readonly Operator[] = [...REGEX, ...ORDER, ...EQ_IN, ...MATCH, ...ILIKE, ...LIKE];

const ROWS: readonly Row[] = [
  [
    prefixed("backlinks", "anchors", "competitors", "domain_intersection", "domain_pages", "domain_pages_summary", "page_intersection", "referring_networks"),
    "filters",
    BACKLINKS_ROW,
  ],
  [["backlinks/referring_domains"], "filters", [...REGEX, ...EQ_IN, ...LIKE, ...MATCH]],
  [["backlinks/backlinks"], "filters", [...EQ_IN, ...LIKE, ...ILIKE, ...REGEX, ...MATCH]],
  [
    [
      ...labs("google", "keyword_ideas", "keyword_suggestions", "keywords_for_categories", "keywords_for_site", "ranked_keywords", "related_keywords"),
      ...labs("google", "top_searches", "domain_intersection", "page_intersection", "serp_competitors"),
      ...labs("bing", "ranked_keywords", "related_keywords", "serp_competitors", "domain_intersection", "page_intersection"),
      ...labs("amazon", "product_competitors", "product_keyword_intersections"),
    ],
    "filters",
    LABS_ROW,
  ],
  [
    [...labs("google", "competitors_domain", "categories_for_domain", "relevant_pages", "subdomains"), ...labs("bing", "competitors_domain")],
    "filters",
    [...REGEX, ...ORDER, ...EQ_IN],
  ],
  [[...labs("google", "app_competitors", "app_intersection", "keywords_for_app"), ...labs("apple", "app_competitors", "app_intersection", "keywords_for_app")], "filters", [...ORDER, ...EQ_IN]],
  [labs("google", "domain_whois_overview"), "filters", [...REGEX, ...ORDER, ...EQ_IN, ...LIKE]],
  [labs("amazon", "ranked_keywords"), "filters", [...REGEX, ...ORDER, ...EQ_IN, ...LIKE, ...MATCH]],
  [prefixed("on_page", "pages", "pages_by_resource", "resources", "non_indexable", "uncrawlable_resources"), "filters", [...REGEX, ...ORDER, ...EQ_IN, ...LIKE]],
  [prefixed("on_page", "links", "keyword_density"), "filters", [...REGEX, ...EQ_IN, ...LIKE]],
  [["on_page/redirect_chains"], "filters", [...REGEX, "=", "<>"]],
  [["content_analysis/search"], "filters", [...REGEX, ...ORDER, ...EQ_IN, ...LIKE, ...MATCH]],
  [["content_analysis/summary"], "initial_dataset_filters", [...REGEX, ...ORDER, ...EQ_IN, ...LIKE, ...HAS]],
  [
    prefixed("content_analysis", "sentiment_analysis", "rating_distribution", "phrase_trends", "category_trends"),
    "initial_dataset_filters",
    [...REGEX, ...ORDER, ...EQ_IN, ...LIKE, ...HAS, ...MATCH],
  ],
  [["business_data/business_listings/search"], "filters", [...REGEX, ...ORDER, ...EQ_IN, ...LIKE, ...ILIKE, ...MATCH]],
  [["business_data/business_listings/categories_aggregation"], "initial_dataset_filters", [...REGEX, ...ORDER, ...EQ_IN, ...LIKE, ...MATCH]],
  [
    prefixed("domain_analytics/technologies", "domains_by_technology", "domains_by_html_terms", "aggregation_technologies", "technologies_summary"),
    "filters",
    [...ORDER, ...EQ_IN, ...LIKE],
  ],
  [["domain_analytics/whois/overview"], "filters", ["regex", ...ORDER, ...EQ_IN, ...LIKE]],
  [["app_data/google/app_listings/search", "app_data/apple/app_listings/search"], "filters", [...REGEX, ...ORDER, ...EQ_IN, ...LIKE]],
  [llmMentions("filters"), "filters", [...EQ_IN, ...LIKE, ...ILIKE, ...MATCH]],
  // The aggregates (search and search_mentions take no initial_dataset_filters).
  [llmMentions("initial_dataset_filters"), "initial_dataset_filters", [...EQ_IN, ...LIKE, ...ILIKE, ...MATCH]],
];

/*
 * Endpoint parameters whose page prints no list of their own, and the list that stands in for it
 * (another page's row, or the list most pages of the API print). Verdicts that rest on one of these
 * are reported as unverified where the two sources disagree.
 */
type Standin = { readonly page: string; readonly param: FilterParam } | readonly Operator[];
type Borrowed = readonly [ids: readonly string[], param: FilterParam, from: Standin, why: string];

const BACKLINKS_FILTERS_IDS = prefixed(
  "backlinks",
  "summary",
  "anchors",
  "domain_pages",
  "domain_pages_summary",
  "referring_domains",
  "referring_networks",
  "domain_intersection",
);

const BORROWED: readonly Borrowed[] = [
  [
    BACKLINKS_FILTERS_IDS,
    "backlinks_filters",
    { page: "backlinks/backlinks", param: "filters" },
    "the list of `backlinks/backlinks` (whose items `backlinks_filters` filters)",
  ],
  [["backlinks/content_duplicates"], "filters", BACKLINKS_ROW, "the list most Backlinks endpoints print"],
  [labs("amazon", "related_keywords"), "filters", { page: "dataforseo_labs/google/related_keywords", param: "filters" }, "the list of the same function on Google"],
  [labs("bing", "relevant_pages"), "filters", { page: "dataforseo_labs/google/relevant_pages", param: "filters" }, "the list of the same function on Google"],
  [labs("bing", "subdomains"), "filters", { page: "dataforseo_labs/google/subdomains", param: "filters" }, "the list of the same function on Google"],
  [labs("google", "domain_metrics_by_categories", "historical_search_volume"), "filters", LABS_ROW, "the list most Labs endpoints print"],
  [
    ["on_page/resources"],
    "relevant_pages_filters",
    { page: "on_page/pages", param: "filters" },
    "the list of `on_page/pages` (whose items `relevant_pages_filters` filters)",
  ],
];

const key = (id: string, param: FilterParam) => `${id} ${param}`;

const lists = new Map<string, OperatorList>();
for (const [ids, param, ops] of ROWS) {
  for (const id of ids) lists.set(key(id, param), { ops: new Set(ops), page: { id, param } });
}
for (const [ids, param, from, why] of BORROWED) {
  const list: OperatorList = isOperatorList(from)
    ? { ops: new Set(from), borrowed: why }
    : { ops: lists.get(key(from.page, from.param))!.ops, page: { id: from.page, param: from.param }, borrowed: why };
  for (const id of ids) lists.set(key(id, param), list);
}

function isOperatorList(from: Standin): from is readonly Operator[] {
  return Array.isArray(from);
}

/** The endpoint parameter's printed operator list (or the one standing in for it); undefined where none is known. */
export function operatorListOf(endpointId: string, param: FilterParam): OperatorList | undefined {
  return lists.get(key(endpointId, param));
}

/** Every endpoint parameter with a list, own or borrowed, as `[endpoint id, param]`. */
export function operatorListKeys(): [string, FilterParam][] {
  return [...lists.keys()].map((k) => k.split(" ") as [string, FilterParam]);
}
