/** The fixed corpus of the benchmarks: each expression in dfsq's syntax and, where compared, the peers'. */

export const SHORT = "rank > 10";

export const README_EXAMPLE = 'referring_domains > 10 and (domain like "%seo%" or rank > 200)';

/** Eight conditions with a date, an `in` list and a nested `or`: the API's maximum. */
export const EIGHT = {
  dfsq: 'referring_domains > 10 and first_seen > 2024-01-01 and domain in ("a.com", "b.org", "c.net") and (domain like "%seo%" or rank > 200) and referring_links_tld.com > 0 and backlinks_spam_score < 30 and backlinks >= 5',
  jsep: 'referring_domains > 10 && first_seen > "2024-01-01" && ["a.com", "b.org", "c.net"].includes(domain) && (domain.includes("seo") || rank > 200) && referring_links_tld.com > 0 && backlinks_spam_score < 30 && backlinks >= 5',
  liqe: 'referring_domains:>10 AND first_seen:>"2024-01-01" AND (domain:"a.com" OR domain:"b.org" OR domain:"c.net") AND (domain:*seo* OR rank:>200) AND referring_links_tld.com:>0 AND backlinks_spam_score:<30 AND backlinks:>=5',
  filtrex: 'referring_domains > 10 and first_seen > "2024-01-01" and domain in ("a.com", "b.org", "c.net") and (domain ~= "seo" or rank > 200) and referring_links_tld.com > 0 and backlinks_spam_score < 30 and backlinks >= 5',
};

export const ORDER_BY = "rank desc, backlinks, first_seen desc";

export const ENDPOINT = "backlinks/referring_domains";

/** `n` conditions joined by `and`, for the scaling runs. */
export function chainOf(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`f${i} > ${i}`);
  return parts.join(" and ");
}

/** 10,000 nested groups: must end in nesting_too_deep, fast. */
export const DEEP = `${"(".repeat(10_000)}a > 1${")".repeat(10_000)}`;

/** About 300 characters, for the editor latency runs. */
export const EDITOR_300 =
  'referring_domains > 10 and first_seen > now - 30d and domain in ("example.com", "example.org") and (anchor like "%seo tools%" or anchor ilike "%backlink%" or rank > 200) and backlinks_spam_score < 30 and not (referring_links_tld.ru > 0) and backlinks between 5 and 5000 and referring_main_domains >= 3 and';

/** About 300 characters on a Labs endpoint, ending in a word that matches fields only by a later
 * segment (`volume` → `keyword_data.keyword_info.search_volume`): completion's partial matching. */
export const LABS_ENDPOINT = "dataforseo_labs/google/related_keywords";
export const LABS_300 =
  'keyword_data.keyword_info.search_volume > 1000 and keyword_data.keyword_info.competition_level in ("LOW", "MEDIUM") and keyword_data.keyword_info.cpc between 0.5 and 10 and keyword_data.serp_info.serp_item_types has "featured_snippet" and not (keyword_data.keyword_info.competition > 0.8) and volume';
