/*
 * The DataForSEO endpoints that take filters, transcribed from data/dataforseo/filters-spec.md
 * (sections 1.3, 2.2 and 5) and the catalogs' structure. Each filter parameter names where its
 * fields live in the API's `available_filters` result; `null` means the parameter exists but no
 * catalog of its fields is known, so its fields cannot be checked.
 */

export type FieldType = "num" | "str" | "bool" | "time" | "array.str" | "array.num";
export const FIELD_TYPES: readonly FieldType[] = ["num", "str", "bool", "time", "array.str", "array.num"];

export type FilterParam = "filters" | "backlinks_filters" | "initial_dataset_filters" | "relevant_pages_filters";
export const FILTER_PARAMS: readonly FilterParam[] = ["filters", "backlinks_filters", "initial_dataset_filters", "relevant_pages_filters"];

/** Which operator-by-type table applies (filters-spec.md 2.1). `generic`: an API without its own table. */
export type OperatorProfile = "backlinks" | "labs" | "content_analysis" | "on_page" | "generic";

/** The catalog sources: one per `available_filters` endpoint, named as in catalogs.generated.ts. */
export type CatalogSource =
  | "backlinks"
  | "dataforseo_labs"
  | "on_page"
  | "content_analysis"
  | "business_data"
  | "domain_analytics/whois"
  | "domain_analytics/technologies"
  | "app_data"
  | "ai_optimization/llm_mentions";

export interface EndpointSpec {
  /** `backlinks/referring_domains`: the path without `/v3/` and `/live`. */
  readonly id: string;
  /** The request path, e.g. `/v3/backlinks/referring_domains/live`. */
  readonly path: string;
  readonly source: CatalogSource;
  readonly profile: OperatorProfile;
  /** Keys into the source's `available_filters` result, per filter parameter. */
  readonly params: Readonly<Partial<Record<FilterParam, readonly string[] | null>>>;
  /** Takes `order_by` (its fields are those of `filters`). */
  readonly orderBy: boolean;
  /** A stricter limit than the API's 8 conditions. */
  readonly maxConditions?: number;
  /** `$item->field` references on the right of a comparison: `documented` for the Labs endpoints
   * LBF and the help center list; `undocumented` for other Labs endpoints (a warning). */
  readonly fieldReferences?: "documented" | "undocumented";
}

const endpoints: EndpointSpec[] = [];

function add(spec: EndpointSpec): void {
  endpoints.push(spec);
}

// Backlinks: [name, filters catalog key or null, takes backlinks_filters, takes order_by].
const BACKLINKS: readonly [string, string | null, boolean, boolean][] = [
  ["summary", null, true, false],
  ["backlinks", "backlinks", false, true],
  ["anchors", "anchors", true, true],
  ["domain_pages", "domain_pages", true, true],
  ["domain_pages_summary", "domain_pages_summary", true, true],
  ["referring_domains", "referring_domains", true, true],
  ["referring_networks", "referring_networks", true, true],
  ["competitors", "competitors", false, true],
  ["domain_intersection", "domain_intersection", true, true],
  ["page_intersection", "page_intersection", false, true],
  ["content_duplicates", "content_duplicates", false, true],
];
for (const [name, key, backlinksFilters, orderBy] of BACKLINKS) {
  add({
    id: `backlinks/${name}`,
    path: `/v3/backlinks/${name}/live`,
    source: "backlinks",
    profile: "backlinks",
    params: {
      ...(key === null ? {} : { filters: [key] }),
      ...(backlinksFilters ? { backlinks_filters: ["backlinks"] } : {}),
    },
    orderBy,
  });
}

// DataForSEO Labs: [function, search engines]. Field references per LBF and the help center.
const LABS: readonly [string, readonly string[]][] = [
  ["related_keywords", ["google", "bing", "amazon"]],
  ["keyword_suggestions", ["google"]],
  ["ranked_keywords", ["google", "bing", "amazon"]],
  ["keyword_ideas", ["google"]],
  ["serp_competitors", ["google", "bing"]],
  ["relevant_pages", ["google", "bing"]],
  ["subdomains", ["google", "bing"]],
  ["competitors_domain", ["google", "bing"]],
  ["categories_for_domain", ["google"]],
  ["keywords_for_categories", ["google"]],
  ["domain_intersection", ["google", "bing"]],
  ["page_intersection", ["google", "bing"]],
  ["domain_whois_overview", ["google"]],
  ["top_searches", ["google"]],
  ["domain_metrics_by_categories", ["google"]],
  ["keywords_for_site", ["google"]],
  ["product_competitors", ["amazon"]],
  ["product_keyword_intersections", ["amazon"]],
  ["app_intersection", ["google", "apple"]],
  ["app_competitors", ["google", "apple"]],
  ["keywords_for_app", ["google", "apple"]],
];
const LABS_FIELD_REFERENCES = new Set([
  "page_intersection",
  "ranked_keywords",
  "subdomains",
  "relevant_pages",
  "competitors_domain",
  "categories_for_domain",
  "domain_intersection",
]);
for (const [fn, engines] of LABS) {
  for (const se of engines) {
    add({
      id: `dataforseo_labs/${se}/${fn}`,
      path: `/v3/dataforseo_labs/${se}/${fn}/live`,
      source: "dataforseo_labs",
      profile: "labs",
      params: { filters: [fn, se] },
      orderBy: true,
      fieldReferences: LABS_FIELD_REFERENCES.has(fn) ? "documented" : "undocumented",
    });
  }
}
// Documented with filters but without a catalog of its fields.
add({
  id: "dataforseo_labs/google/historical_search_volume",
  path: "/v3/dataforseo_labs/google/historical_search_volume/live",
  source: "dataforseo_labs",
  profile: "labs",
  params: { filters: null },
  orderBy: true,
});

// On-Page: task-based, so no /live. redirect_chains takes a single condition (EP(on_page/redirect_chains)).
for (const name of ["pages", "resources", "links", "non_indexable", "pages_by_resource", "redirect_chains", "keyword_density", "uncrawlable_resources"]) {
  add({
    id: `on_page/${name}`,
    path: `/v3/on_page/${name}`,
    source: "on_page",
    profile: "on_page",
    params: { filters: [name], ...(name === "resources" ? { relevant_pages_filters: ["pages"] } : {}) },
    orderBy: !["links", "non_indexable", "redirect_chains"].includes(name),
    ...(name === "redirect_chains" ? { maxConditions: 1 } : {}),
  });
}

// Content Analysis: search filters its items; the aggregate endpoints filter the dataset they
// aggregate (search items) with initial_dataset_filters.
add({
  id: "content_analysis/search",
  path: "/v3/content_analysis/search/live",
  source: "content_analysis",
  profile: "content_analysis",
  params: { filters: ["search"] },
  orderBy: true,
});
for (const name of ["summary", "sentiment_analysis", "rating_distribution", "phrase_trends", "category_trends"]) {
  add({
    id: `content_analysis/${name}`,
    path: `/v3/content_analysis/${name}/live`,
    source: "content_analysis",
    profile: "content_analysis",
    params: { initial_dataset_filters: ["search"], ...(name === "summary" ? { filters: null } : {}) },
    orderBy: false,
  });
}

add({
  id: "business_data/business_listings/search",
  path: "/v3/business_data/business_listings/search/live",
  source: "business_data",
  profile: "generic",
  params: { filters: ["search"] },
  orderBy: true,
});
add({
  id: "business_data/business_listings/categories_aggregation",
  path: "/v3/business_data/business_listings/categories_aggregation/live",
  source: "business_data",
  profile: "generic",
  params: { initial_dataset_filters: ["categories_aggregation"] },
  orderBy: false,
});

add({
  id: "domain_analytics/whois/overview",
  path: "/v3/domain_analytics/whois/overview/live",
  source: "domain_analytics/whois",
  profile: "generic",
  params: { filters: ["overview"] },
  orderBy: true,
});
for (const name of ["domains_by_technology", "domains_by_html_terms", "aggregation_technologies", "technologies_summary"]) {
  add({
    id: `domain_analytics/technologies/${name}`,
    path: `/v3/domain_analytics/technologies/${name}/live`,
    source: "domain_analytics/technologies",
    profile: "generic",
    params: { filters: [name] },
    orderBy: name !== "technologies_summary",
  });
}

for (const store of ["google", "apple"]) {
  add({
    id: `app_data/${store}/app_listings/search`,
    path: `/v3/app_data/${store}/app_listings/search/live`,
    source: "app_data",
    profile: "generic",
    params: { filters: [`${store}.app_listings_search`] },
    orderBy: true,
  });
}

// LLM Mentions: search filters its items; the aggregates filter the search dataset with
// initial_dataset_filters, and their own `filters` apply to aggregate items of unknown fields.
add({
  id: "ai_optimization/llm_mentions/search",
  path: "/v3/ai_optimization/llm_mentions/search/live",
  source: "ai_optimization/llm_mentions",
  profile: "generic",
  params: { filters: ["search"] },
  orderBy: true,
});
for (const name of [
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
]) {
  add({
    id: `ai_optimization/llm_mentions/${name}`,
    path: `/v3/ai_optimization/llm_mentions/${name}/live`,
    source: "ai_optimization/llm_mentions",
    profile: "generic",
    params: name === "search_mentions" ? { filters: ["search"] } : { filters: null, initial_dataset_filters: ["search"] },
    orderBy: true,
  });
}

/** Every endpoint dfsq knows, by id. */
export const ENDPOINTS: ReadonlyMap<string, EndpointSpec> = new Map(endpoints.map((e) => [e.id, e]));
