import * as z from "zod/mini";
import { targetProblem, type TargetKind } from "./target.js";

/*
 * The task parameters of each endpoint other than its filters and order-by, as zod schemas: the
 * wire format of a task, declared once. The Backlinks schemas are strict, transcribed from
 * filters-spec.md section 5 (EP(backlinks/<name>/live) parameter tables): an unknown key is a
 * typo until proven otherwise, and DataForSEO would answer it with 40501 or 40506 after the call.
 * Endpoints without a transcription get a loose schema that checks only the parameters every
 * DataForSEO task shares.
 *
 * Defaults are not filled in: the API applies them, and the body sent stays the one written.
 * `TASK_DEFAULTS` lists them for readers and for pagination.
 */

/** Adds a `custom` issue with a hint the diagnostics carry. */
function targetOf(allowed: readonly TargetKind[]) {
  return z.string().check(
    z.superRefine((text, ctx) => {
      const problem = targetProblem(text, allowed);
      if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem.message, params: { hint: problem.hint } });
    }),
  );
}

const limit = z.int().check(z.gte(1), z.lte(1000));
const offset = z.int().check(z.gte(0));
const internalListLimit = z.int().check(z.gte(0), z.lte(1000));
const backlinksStatusType = z.enum(["all", "live", "lost"]);
const rankScale = z.enum(["one_thousand", "one_hundred"]);
const tag = z.string().check(z.maxLength(255));
const flag = z.boolean();

/** The parameters of the aggregating Backlinks endpoints (anchors, referring_domains, …). */
const aggregateParams = {
  target: targetOf(["domain", "url"]),
  limit: z.optional(limit),
  offset: z.optional(offset),
  internal_list_limit: z.optional(internalListLimit),
  backlinks_status_type: z.optional(backlinksStatusType),
  include_subdomains: z.optional(flag),
  include_indirect_links: z.optional(flag),
  exclude_internal_backlinks: z.optional(flag),
  rank_scale: z.optional(rankScale),
  tag: z.optional(tag),
};

/** `targets` of the intersections: `{"1": "a.com", "2": "https://b.com/page"}`, up to 20. */
const intersectionTargets = z
  .record(z.string().check(z.regex(/^(?:[1-9]|1\d|20)$/, "keys are the numbers 1 to 20")), targetOf(["domain", "url"]))
  .check(
    z.refine((targets) => Object.keys(targets).length >= 1, "give at least one target"),
    z.refine((targets) => Object.keys(targets).length <= 20, "at most 20 targets"),
  );

const intersectionParams = {
  targets: intersectionTargets,
  exclude_targets: z.optional(z.array(targetOf(["domain", "url"])).check(z.maxLength(10))),
  limit: z.optional(limit),
  offset: z.optional(offset),
  internal_list_limit: z.optional(internalListLimit),
  backlinks_status_type: z.optional(backlinksStatusType),
  include_subdomains: z.optional(flag),
  include_indirect_links: z.optional(flag),
  exclude_internal_backlinks: z.optional(flag),
  intersection_mode: z.optional(z.enum(["all", "partial"])),
  rank_scale: z.optional(rankScale),
  tag: z.optional(tag),
};

/** backlinks/backlinks pages by offset up to 20,000 and by `search_after_token` past it. */
export const BACKLINKS_MAX_OFFSET = 20_000;

export const TASK_SCHEMAS = {
  "backlinks/summary": z.strictObject({
    target: targetOf(["domain", "url"]),
    include_subdomains: z.optional(flag),
    include_indirect_links: z.optional(flag),
    exclude_internal_backlinks: z.optional(flag),
    internal_list_limit: z.optional(internalListLimit),
    backlinks_status_type: z.optional(backlinksStatusType),
    rank_scale: z.optional(rankScale),
    tag: z.optional(tag),
  }),
  "backlinks/backlinks": z.strictObject({
    target: targetOf(["domain", "url"]),
    mode: z.optional(z.enum(["as_is", "one_per_domain", "one_per_anchor"])),
    // Overrides mode (https://dataforseo.com/help-center/how-to-use-custom-mode-in-backlinks-api).
    custom_mode: z.optional(z.strictObject({ field: z.string().check(z.minLength(1)), value: z.int().check(z.gte(1), z.lte(1000)) })),
    offset: z.optional(z.int().check(z.gte(0), z.lte(BACKLINKS_MAX_OFFSET))),
    search_after_token: z.optional(z.string().check(z.minLength(1))),
    limit: z.optional(limit),
    backlinks_status_type: z.optional(backlinksStatusType),
    include_subdomains: z.optional(flag),
    // Listed by the older docs page only; the API accepted it then.
    include_indirect_links: z.optional(flag),
    exclude_internal_backlinks: z.optional(flag),
    rank_scale: z.optional(rankScale),
    tag: z.optional(tag),
  }),
  "backlinks/anchors": z.strictObject(aggregateParams),
  // Takes neither a page as target nor include_indirect_links.
  "backlinks/domain_pages": z.extend(z.omit(z.strictObject(aggregateParams), { include_indirect_links: true }), {
    target: targetOf(["domain"]),
  }),
  "backlinks/domain_pages_summary": z.strictObject(aggregateParams),
  "backlinks/referring_domains": z.strictObject(aggregateParams),
  "backlinks/referring_networks": z.strictObject({
    ...aggregateParams,
    network_address_type: z.optional(z.enum(["ip", "subnet"])),
  }),
  "backlinks/competitors": z.strictObject({
    target: targetOf(["domain", "url"]),
    limit: z.optional(limit),
    offset: z.optional(offset),
    main_domain: z.optional(flag),
    exclude_large_domains: z.optional(flag),
    exclude_internal_backlinks: z.optional(flag),
    rank_scale: z.optional(rankScale),
    tag: z.optional(tag),
  }),
  "backlinks/domain_intersection": z.strictObject(intersectionParams),
  "backlinks/page_intersection": z.strictObject(intersectionParams),
} as const;

/**
 * Any other endpoint: its parameters are not transcribed, so unknown keys pass; only the ones
 * every DataForSEO task shares are checked.
 */
export const GENERIC_TASK_SCHEMA = z.looseObject({
  limit: z.optional(z.int().check(z.gte(1))),
  offset: z.optional(z.int().check(z.gte(0))),
  tag: z.optional(tag),
});

/** Endpoint ids with a transcribed (strict) parameter schema. */
export type SchemaEndpointId = keyof typeof TASK_SCHEMAS;

/** The parameters (besides filters and order-by) a task of endpoint `E` takes. */
export type TaskParams<E extends string> = E extends SchemaEndpointId ? z.input<(typeof TASK_SCHEMAS)[E]> : z.input<typeof GENERIC_TASK_SCHEMA>;

export function taskSchemaOf(endpointId: string): z.ZodMiniType<Record<string, unknown>> {
  return (TASK_SCHEMAS as Record<string, z.ZodMiniType<Record<string, unknown>>>)[endpointId] ?? GENERIC_TASK_SCHEMA;
}

/** What the API assumes for a parameter left out (filters-spec.md section 5). */
export const TASK_DEFAULTS: Readonly<Record<string, string | number | boolean>> = {
  limit: 100,
  offset: 0,
  internal_list_limit: 10,
  backlinks_status_type: "live",
  include_subdomains: true,
  include_indirect_links: true,
  exclude_internal_backlinks: true,
  rank_scale: "one_thousand",
  mode: "as_is",
  network_address_type: "ip",
  intersection_mode: "all",
  main_domain: true,
  exclude_large_domains: true,
};
