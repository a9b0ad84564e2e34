import type { EndpointSpec } from "../catalog/endpoints.js";
import { ENDPOINTS } from "../catalog/endpoints.js";
import { findEndpoint, normalizeEndpointId } from "../catalog/resolve.js";
import { suggest } from "../catalog/suggest.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import * as messages from "../diagnostics/messages.js";
import type { FilterArray, OrderByArray } from "../lower/filter-array.js";
import { checkTask } from "./check-task.js";
import { TaskError, type TaskProblem } from "./task-error.js";

/** The task fields dfsq compiles; each also accepts its wire name with a ready array. */
export interface DfsqTaskFields {
  /** `filters`: a dfsq expression such as `'referring_domains > 10'`, or a ready filters array. */
  readonly where?: string | FilterArray;
  /** `backlinks_filters` (the raw backlinks behind Backlinks aggregates). */
  readonly backlinksWhere?: string | FilterArray;
  /** `initial_dataset_filters` (Content Analysis, Business Listings and LLM Mentions aggregates). */
  readonly initialDatasetWhere?: string | FilterArray;
  /** `relevant_pages_filters` (On-Page resources). */
  readonly relevantPagesWhere?: string | FilterArray;
  /** `order_by`: `'rank desc, backlinks'`, or a ready array such as `["rank,desc"]`. */
  readonly orderBy?: string | OrderByArray;
}

/** How tasks are compiled. */
export interface PrepareOptions {
  /** The clock for `now` and `today` in expressions. Default: the time of the call. */
  readonly now?: Date | number | string;
  /** A live catalog (`GET /v3/<api>/available_filters`, as `dfsq catalog fetch` saves it) instead of the built-in one. */
  readonly catalog?: unknown;
}

/** A task checked and compiled into what the API is sent. */
export interface PreparedTask {
  readonly endpoint: EndpointSpec;
  /** The task object as sent (the request body is `[task]`). */
  readonly task: Readonly<Record<string, unknown>>;
  /** Warnings of the compiler (unknown fields of derived catalogs, …): the task is sent anyway. */
  readonly warnings: readonly TaskProblem[];
}

const ZERO = { start: 0, end: 0 } as const;

/** Resolves an endpoint id or path; throws DfsqError `unknown_endpoint` with the closest names. */
export function resolveEndpoint(endpoint: string): EndpointSpec {
  // Callers from JavaScript can pass anything; the answer is a diagnostic, not a TypeError.
  if (typeof endpoint !== "string") {
    throw new DfsqError([
      makeDiagnostic("", "unknown_endpoint", ZERO, messages.endpointNotString(endpoint), { hint: messages.listEndpointsHint(), option: "endpoint", data: {} }),
    ]);
  }
  const spec = findEndpoint(endpoint);
  if (spec !== undefined) return spec;
  const close = suggest(normalizeEndpointId(endpoint), ENDPOINTS.keys());
  throw new DfsqError([
    makeDiagnostic("", "unknown_endpoint", ZERO, messages.unknownEndpointForLive(endpoint), {
      data: { endpoint },
      hint: close.length > 0 ? messages.didYouMean(close) : messages.listEndpointsHint(),
      suggestions: close,
      option: "endpoint",
    }),
  ]);
}

/**
 * Checks and compiles one task for `endpoint` (an id such as `backlinks/referring_domains` or a
 * path): filter and order-by fields with the endpoint's catalog, every other parameter with the
 * endpoint's zod schema. Throws `TaskError` (a DfsqError) listing every problem of every field,
 * or DfsqError `unknown_endpoint`. Never touches the network.
 */
export function prepareTask(endpoint: string, task: unknown, options: PrepareOptions = {}): PreparedTask {
  const spec = resolveEndpoint(endpoint);
  const checked = checkTask(spec, task, "dfsq", options);
  if (!checked.ok) throw new TaskError(spec.id, checked.problems);
  return { endpoint: spec, task: checked.task, warnings: checked.problems };
}
