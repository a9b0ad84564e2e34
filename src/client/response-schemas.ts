import * as z from "zod/mini";

/*
 * DataForSEO's response envelope (filters-spec.md section 7) and the result items the client
 * types, as zod schemas; the TypeScript types are inferred from them. Objects are loose: fields
 * the API adds later pass through untouched and never fail a parse, while the fields declared
 * here must be present with the declared types.
 */

/** The part of a task every answer has, success or not: enough to report a failure. */
export const taskStatusSchema = z.looseObject({
  id: z.optional(z.string()),
  status_code: z.int(),
  status_message: z.string(),
});

/** One task of a successful answer. `data` echoes the task sent; `result` is null on errors. */
export const taskSchema = z.looseObject({
  id: z.string(),
  status_code: z.int(),
  status_message: z.string(),
  time: z.string(),
  cost: z.number(),
  result_count: z.int(),
  path: z.array(z.string()),
  data: z.record(z.string(), z.unknown()),
  result: z.nullable(z.array(z.unknown())),
});

/** The top of every answer, success or not: enough to report a failure. */
export const envelopeStatusSchema = z.looseObject({
  status_code: z.int(),
  status_message: z.string(),
  cost: z.optional(z.number()),
  tasks: z.nullish(z.array(z.unknown())),
});

/** The envelope of a successful answer. Task status codes must still be checked one by one. */
export const envelopeSchema = z.looseObject({
  version: z.string(),
  status_code: z.int(),
  status_message: z.string(),
  time: z.string(),
  cost: z.number(),
  tasks_count: z.int(),
  tasks_error: z.int(),
  tasks: z.nullable(z.array(taskSchema)),
});

export type EnvelopeTask = z.infer<typeof taskSchema>;
export type Envelope = z.infer<typeof envelopeSchema>;

/** DataForSEO's time format, `2019-11-15 12:57:46 +00:00`. */
const apiTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$/, "expected a time such as 2019-11-15 12:57:46 +00:00"));
const count = z.nullish(z.number());
/** `{"com": 120, "org": 3}`: counts by key; null when the API has none. */
const countMap = z.nullish(z.record(z.string(), z.number()));

/**
 * An item of `backlinks/referring_domains`, with the fields the docs list (the catalog's
 * `referring_domains` key in data/dataforseo/available-filters/backlinks.json). Every field but
 * `domain` may be null or absent.
 */
export const referringDomainItemSchema = z.looseObject({
  type: z.nullish(z.string()),
  domain: z.string(),
  rank: count,
  backlinks: count,
  first_seen: z.nullish(apiTime),
  lost_date: z.nullish(apiTime),
  backlinks_spam_score: count,
  broken_backlinks: count,
  broken_pages: count,
  referring_domains: count,
  referring_domains_nofollow: count,
  referring_main_domains: count,
  referring_main_domains_nofollow: count,
  referring_ips: count,
  referring_subnets: count,
  referring_pages: count,
  referring_pages_nofollow: count,
  referring_links_tld: countMap,
  referring_links_types: countMap,
  referring_links_attributes: countMap,
  referring_links_platform_types: countMap,
  referring_links_semantic_locations: countMap,
  referring_links_countries: countMap,
});

/** The paging fields results may have; everything else passes through. */
const pagedResultFields = {
  total_count: z.nullish(z.int()),
  items_count: z.nullish(z.int()),
  /** Where an endpoint pages past its offset limit with a token (backlinks/backlinks). */
  search_after_token: z.nullish(z.string()),
};

/** One result of any other endpoint: its items are passed through as objects. */
export const genericResultSchema = z.looseObject({
  ...pagedResultFields,
  items: z.nullish(z.array(z.looseObject({}))),
});

export const referringDomainsResultSchema = z.looseObject({
  ...pagedResultFields,
  target: z.string(),
  total_count: z.int(),
  items_count: z.int(),
  items: z.nullable(z.array(referringDomainItemSchema)),
});

/** Result schemas of the endpoints whose items are typed; the rest use `genericResultSchema`. */
export const RESULT_SCHEMAS = {
  "backlinks/referring_domains": referringDomainsResultSchema,
} as const;

export type ReferringDomainItem = z.infer<typeof referringDomainItemSchema>;
export type ReferringDomainsResult = z.infer<typeof referringDomainsResultSchema>;
export type GenericResult = z.infer<typeof genericResultSchema>;

/** The result object of endpoint `E` (`tasks[0].result[0]`). */
export type ResultOf<E extends string> = E extends keyof typeof RESULT_SCHEMAS ? z.infer<(typeof RESULT_SCHEMAS)[E]> : GenericResult;

/** One item of endpoint `E`'s results. */
export type ItemOf<E extends string> = NonNullable<ResultOf<E>["items"]>[number];

export function resultSchemaOf(endpointId: string): z.ZodMiniType<GenericResult> {
  return (RESULT_SCHEMAS as Record<string, z.ZodMiniType<GenericResult>>)[endpointId] ?? genericResultSchema;
}
