/*
 * A few examples per API for the playground: clicking one picks its endpoint and fills in the
 * filter and order-by. test/e2e/playground-data.test.ts checks that each compiles without a
 * problem on its endpoint.
 */
export interface Example {
  readonly endpoint: string;
  readonly filter: string;
  readonly orderBy?: string;
}

export const EXAMPLES: Readonly<Record<string, readonly Example[]>> = {
  Backlinks: [
    { endpoint: "backlinks/referring_domains", filter: 'referring_domains > 10 and (domain like "%seo%" or rank > 200)', orderBy: "rank desc, backlinks" },
    { endpoint: "backlinks/backlinks", filter: 'dofollow and domain_from_platform_type has "blogs" and first_seen > now - 30d', orderBy: "rank desc" },
    { endpoint: "backlinks/anchors", filter: 'anchor like "%seo%" and backlinks >= 5', orderBy: "backlinks desc" },
  ],
  "DataForSEO Labs": [
    { endpoint: "dataforseo_labs/google/keyword_ideas", filter: 'keyword_info.search_volume > 1000 and keyword_info.competition_level in ("LOW", "MEDIUM")', orderBy: "keyword_info.search_volume desc" },
    { endpoint: "dataforseo_labs/google/ranked_keywords", filter: "ranked_serp_element.serp_item.rank_group <= 10 and keyword_data.keyword_info.search_volume >= 100", orderBy: "keyword_data.keyword_info.search_volume desc" },
    { endpoint: "dataforseo_labs/google/competitors_domain", filter: "metrics.organic.pos_1 > metrics.organic.pos_2_3 and metrics.organic.count >= 50", orderBy: "metrics.organic.etv desc" },
  ],
  "On-Page": [
    { endpoint: "on_page/pages", filter: "meta.title_length > 60 or meta.content.plain_text_word_count < 300", orderBy: "meta.title_length desc" },
    { endpoint: "on_page/links", filter: 'dofollow and direction = "external"' },
  ],
  "Content Analysis": [{ endpoint: "content_analysis/search", filter: 'domain_rank > 300 and content_info.title like "%seo%"' }],
  "Business Data": [{ endpoint: "business_data/business_listings/search", filter: 'rating.value >= 4.5 and is_claimed and price_level = "inexpensive"', orderBy: "rating.value desc" }],
  "Domain Analytics": [{ endpoint: "domain_analytics/whois/overview", filter: "registered and expiration_datetime < now + 30d", orderBy: "expiration_datetime" }],
  "App Data": [{ endpoint: "app_data/google/app_listings/search", filter: "item.rating.value > 4 and item.is_free", orderBy: "item.rating.value desc" }],
  "AI Optimization": [{ endpoint: "ai_optimization/llm_mentions/search", filter: 'platform = "chat_gpt" and question like "%seo%"' }],
};
