import type { EndpointSpec, FilterParam } from "../catalog/endpoints.js";
import { ENDPOINTS } from "../catalog/endpoints.js";
import { findEndpoint, normalizeEndpointId } from "../catalog/resolve.js";
import { suggest } from "../catalog/suggest.js";
import { checkFilter, checkOrderBy, type CheckResult } from "../compile.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import { messages } from "../diagnostics/messages.js";
import type { FilterArray, OrderByArray } from "../lower/filter-array.js";
import { printFilter, printOrderBy } from "../print/print-filter.js";
import { jsonText, kindOf } from "../values/guarded.js";
import { apiUrl, resolveBaseUrl, type BaseUrlOptions } from "./base-url.js";
import { taskHints, taskMessages } from "./messages.js";
import { parameterDiagnostic, parameterProblems } from "./param-issues.js";
import { TaskError, type TaskProblem } from "./task-error.js";
import { taskSchemaOf } from "./task-schemas.js";

/**
 * The fields of a task written with dfsq: each filter parameter under a dfsq name that takes an
 * expression (or a ready array), and its wire name that takes a ready array.
 */
const FILTER_FIELDS: readonly { readonly dfsq: string; readonly wire: FilterParam }[] = [
  { dfsq: "where", wire: "filters" },
  { dfsq: "backlinksWhere", wire: "backlinks_filters" },
  { dfsq: "initialDatasetWhere", wire: "initial_dataset_filters" },
  { dfsq: "relevantPagesWhere", wire: "relevant_pages_filters" },
];
const ORDER_BY = { dfsq: "orderBy", wire: "order_by" } as const;

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

/** A request as it would be sent: for dry runs, and what `live` sends. */
export interface PreparedRequest extends PreparedTask {
  readonly method: "POST";
  readonly url: string;
  /** Always an array of tasks; for live endpoints, one. */
  readonly body: readonly Readonly<Record<string, unknown>>[];
}

const ZERO = { start: 0, end: 0 } as const;

/** Resolves an endpoint id or path; throws DfsqError `unknown_endpoint` with the closest names. */
export function resolveEndpoint(endpoint: string): EndpointSpec {
  const spec = findEndpoint(endpoint);
  if (spec !== undefined) return spec;
  const close = suggest(normalizeEndpointId(endpoint), ENDPOINTS.keys());
  throw new DfsqError([
    makeDiagnostic("", "unknown_endpoint", ZERO, taskMessages.unknownEndpointForLive(endpoint), {
      hint: close.length > 0 ? messages.didYouMean(close) : messages.listEndpointsHint(),
      suggestions: close,
      option: "endpoint",
    }),
  ]);
}

interface FieldOutcome {
  readonly value?: unknown;
  readonly problem?: TaskProblem;
}

function outcome<T>(field: string, source: string, result: CheckResult<T>): FieldOutcome {
  const problem = result.diagnostics.length > 0 ? { field, source, diagnostics: result.diagnostics } : undefined;
  return { ...(result.ok ? { value: result.value } : {}), ...(problem === undefined ? {} : { problem }) };
}

/**
 * A ready array is checked by printing it as dfsq text and compiling that text with the
 * endpoint's catalog, so it meets exactly the checks an expression meets. What is sent is the
 * compiled array: the same meaning in canonical shape, with the condition-count rewrites applied.
 */
function checkReady(field: string, value: unknown, print: (v: unknown) => string, check: (text: string) => CheckResult<unknown>): FieldOutcome {
  let text: string;
  try {
    text = print(value);
  } catch (e) {
    if (!(e instanceof DfsqError)) throw e;
    return { problem: { field, source: jsonText(value), diagnostics: e.diagnostics } };
  }
  return outcome(field, text, check(text));
}

function filterField(field: string, value: unknown, wire: boolean, spec: EndpointSpec, param: FilterParam, options: PrepareOptions): FieldOutcome {
  const compileOptions = { ...options, endpoint: spec.id, param };
  if (typeof value === "string" && !wire) return outcome(field, value, checkFilter(value, compileOptions));
  if (kindOf(value) === "array") return checkReady(field, value, printFilter, (text) => checkFilter(text, compileOptions));
  const message = wire ? taskMessages.wireNeedsArray(field, value) : taskMessages.notFilterValue(field, value);
  const hint = wire && typeof value === "string" ? taskHints.useDfsqField(FILTER_FIELDS.find((f) => f.wire === param)!.dfsq) : undefined;
  return { problem: { field, source: "", diagnostics: [parameterDiagnostic([field], message, { hint })] } };
}

function orderByField(field: string, value: unknown, wire: boolean, spec: EndpointSpec, options: PrepareOptions): FieldOutcome {
  if (!spec.orderBy) {
    return {
      problem: {
        field,
        source: "",
        diagnostics: [makeDiagnostic("", "unsupported_parameter", ZERO, taskMessages.noOrderBy(spec.id), { path: [field], option: field })],
      },
    };
  }
  const compileOptions = { ...options, endpoint: spec.id };
  if (typeof value === "string" && !wire) return outcome(field, value, checkOrderBy(value, compileOptions));
  if (kindOf(value) === "array") return checkReady(field, value, printOrderBy, (text) => checkOrderBy(text, compileOptions));
  const message = wire ? taskMessages.wireNeedsArray(field, value) : taskMessages.notFilterValue(field, value);
  const hint = wire && typeof value === "string" ? taskHints.useDfsqField(ORDER_BY.dfsq) : undefined;
  return { problem: { field, source: "", diagnostics: [parameterDiagnostic([field], message, { hint })] } };
}

/** The names a task of `spec` takes, for "did you mean". */
function knownNames(spec: EndpointSpec, schemaKeys: readonly string[]): string[] {
  const filters = FILTER_FIELDS.filter((f) => f.wire in spec.params).flatMap((f) => [f.dfsq, f.wire]);
  return [...schemaKeys, ...filters, ...(spec.orderBy ? [ORDER_BY.dfsq, ORDER_BY.wire] : [])];
}

/**
 * Checks and compiles one task for `endpoint` (an id such as `backlinks/referring_domains` or a
 * path): filter and order-by fields with the endpoint's catalog, every other parameter with the
 * endpoint's zod schema. Throws `TaskError` (a DfsqError) listing every problem of every field,
 * or DfsqError `unknown_endpoint`. Never touches the network.
 */
export function prepareTask(endpoint: string, task: unknown, options: PrepareOptions = {}): PreparedTask {
  const spec = resolveEndpoint(endpoint);
  if (typeof task !== "object" || task === null || Array.isArray(task)) {
    throw new TaskError(spec.id, [{ field: "task", source: "", diagnostics: [parameterDiagnostic([], taskMessages.notAnObject(task))] }]);
  }
  const input = task as Record<string, unknown>;
  const problems: TaskProblem[] = [];
  const compiled = new Map<string, { wire: string; value: unknown }>();

  const pairs = [...FILTER_FIELDS.map((f) => ({ ...f, orderBy: false })), { ...ORDER_BY, orderBy: true }];
  for (const pair of pairs) {
    const hasDfsq = input[pair.dfsq] !== undefined;
    const hasWire = input[pair.wire] !== undefined;
    if (hasDfsq && hasWire) {
      problems.push({ field: pair.dfsq, source: "", diagnostics: [parameterDiagnostic([pair.wire], taskMessages.bothGiven(pair.dfsq, pair.wire))] });
      continue;
    }
    if (!hasDfsq && !hasWire) continue;
    const key = hasDfsq ? pair.dfsq : pair.wire;
    const result = pair.orderBy
      ? orderByField(key, input[key], hasWire, spec, options)
      : filterField(key, input[key], hasWire, spec, pair.wire as FilterParam, options);
    if (result.problem !== undefined) problems.push(result.problem);
    if ("value" in result) compiled.set(key, { wire: pair.wire, value: result.value });
  }

  const taskFieldNames = new Set(pairs.flatMap((p) => [p.dfsq, p.wire]));
  const params = Object.fromEntries(Object.entries(input).filter(([key]) => !taskFieldNames.has(key)));
  const schema = taskSchemaOf(spec.id);
  const parsed = schema.safeParse(params, { reportInput: true });
  if (!parsed.success) {
    const schemaKeys = "shape" in schema ? Object.keys((schema as unknown as { shape: object }).shape) : [];
    problems.push(...parameterProblems(parsed.error.issues, params, spec.id, knownNames(spec, schemaKeys)));
  }

  const failed = problems.some((p) => p.diagnostics.some((d) => d.severity === "error"));
  if (failed || !parsed.success) throw new TaskError(spec.id, problems);

  // The task as written, in its key order, with each dfsq field replaced by its wire name.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const done = compiled.get(key);
    if (done !== undefined) out[done.wire] = done.value;
    else if (!taskFieldNames.has(key) && value !== undefined) out[key] = parsed.data[key];
  }
  return { endpoint: spec, task: out, warnings: problems };
}

/**
 * The exact request `client.live(endpoint, task)` would send, without sending it and without
 * credentials: method, URL and body. For dry runs. Throws as `prepareTask` does, and TypeError
 * for a refused base URL.
 */
export function prepareLiveRequest(endpoint: string, task: unknown, options: PrepareOptions & BaseUrlOptions = {}): PreparedRequest {
  const base = resolveBaseUrl(options);
  const prepared = prepareTask(endpoint, task, options);
  return { ...prepared, method: "POST", url: apiUrl(base, prepared.endpoint.path), body: [prepared.task] };
}
