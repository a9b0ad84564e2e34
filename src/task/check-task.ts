import * as hints from "../diagnostics/hints.js";
import type { EndpointSpec, FilterParam } from "../catalog/endpoints.js";
import { suggest } from "../catalog/suggest.js";
import { checkFilter, checkOrderBy, type CheckResult } from "../compile.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import * as messages from "../diagnostics/messages.js";
import { DEFAULT_LIMITS, type CompileOptions } from "../options.js";
import { validateFilter, validateOrderBy } from "../validate/validate.js";
import { kindOf, readRecord } from "../values/guarded.js";
import { parameterDiagnostic, parameterProblems } from "./param-issues.js";
import { taskSchemaOf, TASK_SCHEMAS } from "./schemas.js";
import { ENGLISH_MESSAGES } from "./zod-english.js";
import type { TaskProblem } from "./task-error.js";

/*
 * The one check of a task object, shared by the client (`prepareTask`, which takes dfsq
 * expressions) and by whole-task validation (`validateTask`, which takes what the API takes):
 * every filter parameter with the compiler (and the endpoint's catalog), `order_by` likewise,
 * every other parameter with the endpoint's zod schema, unknown keys with "did you mean", and the
 * conditions of the whole task against the API's per-request limit.
 */

/**
 * The filter parameters of a task: each under its wire name (a ready array) and, for dfsq's
 * client, under a dfsq name that takes an expression.
 */
export const FILTER_FIELDS: readonly { readonly dfsq: string; readonly wire: FilterParam }[] = [
  { dfsq: "where", wire: "filters" },
  { dfsq: "backlinksWhere", wire: "backlinks_filters" },
  { dfsq: "initialDatasetWhere", wire: "initial_dataset_filters" },
  { dfsq: "relevantPagesWhere", wire: "relevant_pages_filters" },
];
export const ORDER_BY = { dfsq: "orderBy", wire: "order_by" } as const;

const PAIRS = [...FILTER_FIELDS.map((f) => ({ ...f, orderBy: false })), { ...ORDER_BY, orderBy: true }];
const DFSQ_NAMES: ReadonlySet<string> = new Set(PAIRS.map((p) => p.dfsq));
const WIRE_NAMES: ReadonlySet<string> = new Set(PAIRS.map((p) => p.wire));

/** `dfsq`: the client's tasks, whose filter fields take expressions; `wire`: request bodies. */
export type TaskDialect = "dfsq" | "wire";

/** The compiler's limits, for every filter and order-by of the task; `maxConditions` is also the
 * budget of the whole task. Default: the API's own. */
export type TaskLimits = Pick<CompileOptions, "maxConditions" | "maxSortRules" | "maxInputLength" | "maxDepth" | "maxListLength">;

export interface TaskCheckOptions extends TaskLimits {
  /** The clock for `now` and `today` in expressions. */
  readonly now?: Date | number | string;
  /** A live catalog instead of the built-in one. */
  readonly catalog?: unknown;
}

export interface CheckedTask {
  /** The task as sent: keys in the order written, each filter field under its wire name and
   * compiled. Complete only when `ok`. */
  readonly task: Record<string, unknown>;
  /** Every problem, field by field (warnings included). */
  readonly problems: readonly TaskProblem[];
  /** No errors. */
  readonly ok: boolean;
}

const ZERO = { start: 0, end: 0 } as const;

interface FieldOutcome {
  readonly value?: unknown;
  readonly problem?: TaskProblem;
}

function outcome<T>(field: string, source: string, result: CheckResult<T>): FieldOutcome {
  const problem = result.diagnostics.length > 0 ? { field, source, diagnostics: result.diagnostics } : undefined;
  return { ...(result.ok ? { value: result.value } : {}), ...(problem === undefined ? {} : { problem }) };
}

/** Diagnostics about a ready array, located in the task: `filters[2][0]`. */
function underField(field: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.path === undefined ? d : { ...d, path: [field, ...d.path] }));
}

function readyOutcome<T>(field: string, result: CheckResult<T>): FieldOutcome {
  return outcome(field, "", { ...result, diagnostics: underField(field, result.diagnostics) } as CheckResult<T>);
}

function notAValue(field: string, value: unknown, wire: boolean, dfsqName: string, dialect: TaskDialect): FieldOutcome {
  const message = wire ? messages.wireNeedsArray(field, value) : messages.notFilterValue(field, value);
  // The client takes expressions under dfsq's names; a request body takes arrays only.
  const hint = wire && typeof value === "string" ? (dialect === "dfsq" ? hints.useDfsqField(dfsqName) : hints.compileFirst()) : undefined;
  return { problem: { field, source: "", diagnostics: [parameterDiagnostic([field], message, { hint })] } };
}

function filterField(field: string, value: unknown, wire: boolean, spec: EndpointSpec | undefined, param: FilterParam, options: TaskCheckOptions, dialect: TaskDialect): FieldOutcome {
  const compileOptions = { ...options, ...(spec === undefined ? {} : { endpoint: spec.id, param }) };
  if (typeof value === "string" && !wire) return outcome(field, value, checkFilter(value, compileOptions));
  // A ready array meets exactly the checks of an expression, through the raw-array reader, with
  // JSON paths into the task.
  if (kindOf(value) === "array") return readyOutcome(field, validateFilter(value, compileOptions));
  return notAValue(field, value, wire, FILTER_FIELDS.find((f) => f.wire === param)!.dfsq, dialect);
}

function orderByField(field: string, value: unknown, wire: boolean, spec: EndpointSpec | undefined, options: TaskCheckOptions, dialect: TaskDialect): FieldOutcome {
  if (spec !== undefined && !spec.orderBy) {
    const diagnostic = makeDiagnostic("", "unsupported_parameter", ZERO, messages.noOrderBy(spec.id), { path: [field], option: field, data: { param: "order_by" } });
    return { problem: { field, source: "", diagnostics: [diagnostic] } };
  }
  const compileOptions = { ...options, ...(spec === undefined ? {} : { endpoint: spec.id }) };
  if (typeof value === "string" && !wire) return outcome(field, value, checkOrderBy(value, compileOptions));
  if (kindOf(value) === "array") return readyOutcome(field, validateOrderBy(value, compileOptions));
  return notAValue(field, value, wire, ORDER_BY.dfsq, dialect);
}

/** zod's verdict, or undefined when reading the value threw (a nested Proxy or getter). */
function safeParse(schema: ReturnType<typeof taskSchemaOf>, params: Record<string, unknown>) {
  try {
    return schema.safeParse(params, { reportInput: true, ...ENGLISH_MESSAGES });
  } catch {
    return undefined;
  }
}

/** Conditions in a compiled (canonical) filter. */
function conditionCount(filter: unknown): number {
  if (!Array.isArray(filter)) return 0;
  if (typeof filter[0] === "string") return 1;
  let n = 0;
  for (let i = 0; i < filter.length; i += 2) n += conditionCount(filter[i]);
  return n;
}

/** Every parameter name any known endpoint takes: for "did you mean" when no endpoint is named. */
let everyName: readonly string[] | undefined;
function everyParameterName(): readonly string[] {
  everyName ??= [
    ...new Set([
      ...Object.values(TASK_SCHEMAS).flatMap((schema) => Object.keys((schema as unknown as { shape: object }).shape)),
      ...WIRE_NAMES,
    ]),
  ];
  return everyName;
}

/** The names a task of `spec` takes, for "did you mean". */
function knownNames(spec: EndpointSpec, schemaKeys: readonly string[], dialect: TaskDialect): string[] {
  const fields = PAIRS.filter((p) => (p.orderBy ? spec.orderBy : p.wire in spec.params));
  return [...schemaKeys, ...fields.flatMap((f) => (dialect === "dfsq" ? [f.dfsq, f.wire] : [f.wire]))];
}

/**
 * Checks one task object for `spec` (or, without an endpoint, only what holds for every one: the
 * filter parameters' structure and limits, and names close to a known parameter). Never throws.
 */
export function checkTask(spec: EndpointSpec | undefined, task: unknown, dialect: TaskDialect, options: TaskCheckOptions = {}): CheckedTask {
  return check(spec, task, dialect, options, true);
}

/** A task's filter parameters (and `order_by`) only, as `{ filters, order_by }` holds them: the
 * endpoint's other, required parameters are not asked for. */
export function checkTaskFilters(spec: EndpointSpec | undefined, task: Record<string, unknown>, options: TaskCheckOptions = {}): CheckedTask {
  return check(spec, task, "wire", options, false);
}

/** Whether every key of `value` is a filter parameter or `order_by` (wire names). */
export const holdsOnlyFilters = (value: Record<string, unknown>) => {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => WIRE_NAMES.has(k));
};

/** Keys read from one task object at most: DataForSEO's tasks have a few dozen parameters. */
const MAX_TASK_KEYS = 1000;

/** A task that cannot be checked at all. */
const refuse = (message: string): CheckedTask => ({ task: {}, problems: [{ field: "task", source: "", diagnostics: [parameterDiagnostic([], message)] }], ok: false });

function check(spec: EndpointSpec | undefined, task: unknown, dialect: TaskDialect, options: TaskCheckOptions, parameters: boolean): CheckedTask {
  if (kindOf(task) !== "object") return refuse(messages.notAnObject(task));
  // Read once into a plain object: the task may be any JavaScript value (a Proxy, getters).
  const input = readRecord(task as object, MAX_TASK_KEYS);
  if (input === undefined) return refuse(messages.unreadableTask(MAX_TASK_KEYS));
  const problems: TaskProblem[] = [];
  const compiled = new Map<string, { wire: string; value: unknown }>();
  const conditions: { field: string; count: number }[] = [];

  for (const pair of PAIRS) {
    const hasDfsq = dialect === "dfsq" && input[pair.dfsq] !== undefined;
    const hasWire = input[pair.wire] !== undefined;
    if (hasDfsq && hasWire) {
      problems.push({ field: pair.dfsq, source: "", diagnostics: [parameterDiagnostic([pair.wire], messages.bothGiven(pair.dfsq, pair.wire))] });
      continue;
    }
    if (!hasDfsq && !hasWire) continue;
    const key = hasDfsq ? pair.dfsq : pair.wire;
    const result = pair.orderBy
      ? orderByField(key, input[key], hasWire, spec, options, dialect)
      : filterField(key, input[key], hasWire, spec, pair.wire as FilterParam, options, dialect);
    if (result.problem !== undefined) problems.push(result.problem);
    if ("value" in result) {
      compiled.set(key, { wire: pair.wire, value: result.value });
      if (!pair.orderBy) conditions.push({ field: key, count: conditionCount(result.value) });
    }
  }

  if (dialect === "wire") {
    for (const pair of PAIRS) {
      if (input[pair.dfsq] === undefined) continue;
      problems.push({ field: pair.dfsq, source: "", diagnostics: [parameterDiagnostic([pair.dfsq], messages.dfsqNameInBody(pair.dfsq, pair.wire), { suggestions: [pair.wire] })] });
    }
  }
  // Every filter field's names are handled above, both dialects' (dfsq's names in a body are reported there).
  const handled = new Set([...DFSQ_NAMES, ...WIRE_NAMES]);
  const params = Object.fromEntries(Object.entries(input).filter(([key]) => !handled.has(key)));
  let parsed: Record<string, unknown> = params;
  if (parameters && spec !== undefined) {
    const schema = taskSchemaOf(spec.id);
    const result = safeParse(schema, params);
    if (result === undefined) problems.push({ field: "task", source: "", diagnostics: [parameterDiagnostic([], messages.unreadableTask(MAX_TASK_KEYS))] });
    else if (result.success) parsed = result.data;
    else {
      const schemaKeys = "shape" in schema ? Object.keys((schema as unknown as { shape: object }).shape) : [];
      problems.push(...parameterProblems(result.error.issues, params, spec.id, knownNames(spec, schemaKeys, dialect)));
    }
  } else if (parameters) {
    problems.push(...unknownWithoutEndpoint(params));
  }
  problems.push(...requestBudget(conditions, options.maxConditions ?? spec?.maxConditions));

  // The task as written, in its key order, with each dfsq field replaced by its wire name.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const done = compiled.get(key);
    if (done !== undefined) out[done.wire] = done.value;
    else if (!handled.has(key) && value !== undefined) out[key] = parsed[key] ?? value;
  }
  const ok = !problems.some((p) => p.diagnostics.some((d) => d.severity === "error"));
  return { task: out, problems, ok };
}

/**
 * Without an endpoint, a key no endpoint takes is reported: an error when it is close to a name
 * dfsq knows (`oder_by`), since it is then almost surely a typo the API would ignore or refuse; a
 * warning otherwise (dfsq does not know every parameter of every endpoint).
 */
function unknownWithoutEndpoint(params: Record<string, unknown>): TaskProblem[] {
  const known = everyParameterName();
  const problems: TaskProblem[] = [];
  for (const key of Object.keys(params)) {
    if (known.includes(key)) continue;
    const close = suggest(key, known);
    const diagnostic = parameterDiagnostic([key], messages.unknownParameterAnywhere(key), {
      hint: close.length > 0 ? messages.didYouMean(close) : undefined,
      suggestions: close,
    });
    problems.push({ field: key, source: "", diagnostics: [close.length > 0 ? diagnostic : { ...diagnostic, severity: "warning" }] });
  }
  return problems;
}

/**
 * The help centre says 8 filters per request; whether `filters` and `backlinks_filters` share
 * that budget is unconfirmed (filters-spec.md 1.3), so a task over it in total is a warning.
 */
function requestBudget(conditions: readonly { field: string; count: number }[], maxConditions: number | undefined): TaskProblem[] {
  if (conditions.length < 2) return [];
  const total = conditions.reduce((n, c) => n + c.count, 0);
  const max = maxConditions ?? DEFAULT_LIMITS.maxConditions;
  if (total <= max) return [];
  const diagnostic = makeDiagnostic("", "request_conditions", ZERO, messages.requestConditions(conditions, total, max), {
    data: { total, max },
    path: [],
    option: "task",
  });
  return [{ field: "task", source: "", diagnostics: [diagnostic] }];
}
