import { ENDPOINTS, type EndpointSpec } from "../catalog/endpoints.js";
import { findEndpoint, normalizeEndpointId } from "../catalog/resolve.js";
import { suggest } from "../catalog/suggest.js";
import type { CheckResult } from "../compile.js";
import { makeDiagnostic, type Diagnostic, type JsonPath } from "../diagnostics/diagnostic.js";
import * as messages from "../diagnostics/messages.js";
import { readOptions, type CompileOptions } from "../options.js";
import { checkTask, checkTaskFilters, holdsOnlyFilters, type TaskCheckOptions } from "../task/check-task.js";
import { kindOf, readElements, readRecord } from "../values/guarded.js";

/*
 * Whole tasks and request bodies, as saved in configs and repositories or written by an agent:
 * every filter parameter of the endpoint, `order_by`, and (with an endpoint) every other parameter,
 * checked by the same code that checks the client's tasks before they are sent.
 */

export interface ValidateTaskOptions extends TaskCheckOptions {
  /** The endpoint (id or path) the task is for. A body may name it instead (`endpoint` or `path`). */
  readonly endpoint?: string;
}

/** Keys that name where a saved task goes; they are not sent. */
export const ENDPOINT_KEYS = ["endpoint", "path"] as const;
/** Keys under which a saved request holds its tasks. */
export const TASKS_KEYS = ["tasks", "post_data", "body"] as const;

const ZERO = { start: 0, end: 0 } as const;

const isObject = (v: unknown): v is Record<string, unknown> => kindOf(v) === "object";

/** Tasks read from one body at most: the API takes 100 per POST. */
const MAX_TASKS = 1000;

/**
 * A body's own shape as plain values, read once (a Proxy or getter cannot answer twice): an
 * object's keys, or an array's elements; undefined when reading throws or it is too large.
 */
function plain(value: unknown): unknown {
  const kind = kindOf(value);
  if (kind === "object") return readRecord(value as object, MAX_TASKS);
  if (kind === "revoked") return undefined;
  if (kind !== "array") return value;
  const read = readElements(value as object, MAX_TASKS);
  return read.ok ? read.items : undefined;
}

/** An array's length, where reading it does not throw (a Proxy may). */
function lengthOf(value: unknown): number | undefined {
  try {
    return Array.isArray(value) ? value.length : undefined;
  } catch {
    return undefined;
  }
}

/** The Python clients' `post_data`: a dict of tasks keyed "0", "1", … */
const isIndexedTasks = (v: Record<string, unknown>) => {
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k, i) => k === String(i) && isObject(v[k]));
};

/** Diagnostics located in the value validated: by their full JSON path, not as options. */
function at(diagnostics: readonly Diagnostic[], prefix: JsonPath): Diagnostic[] {
  return diagnostics.map((d) => {
    if (d.path === undefined) return d;
    const { option: _option, ...rest } = d;
    return { ...rest, path: [...prefix, ...d.path] };
  });
}

function result<T>(diagnostics: Diagnostic[], value: T): CheckResult<T> {
  const ok = !diagnostics.some((d) => d.severity === "error");
  return ok ? { ok, value, diagnostics } : { ok, diagnostics };
}

/** The options as given, read once and checked (they may be any value): problems are
 * `invalid_option` diagnostics, and the rest goes on with what was valid. */
function readTaskOptions(given: unknown): { options: ValidateTaskOptions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const options = readOptions<ValidateTaskOptions & CompileOptions>(given, (option, message) =>
    diagnostics.push(makeDiagnostic("", "invalid_option", ZERO, message, { option })),
  );
  return { options, diagnostics };
}

/** The endpoint named by the options or the value, or an `unknown_endpoint` diagnostic. */
function resolve(named: unknown, where: JsonPath | undefined): { spec?: EndpointSpec; diagnostics: Diagnostic[] } {
  if (named === undefined) return { diagnostics: [] };
  if (typeof named === "string") {
    const spec = findEndpoint(named);
    if (spec !== undefined) return { spec, diagnostics: [] };
  }
  const text = typeof named === "string" ? named : String(named);
  const close = suggest(normalizeEndpointId(text), ENDPOINTS.keys());
  const diagnostic = makeDiagnostic("", "unknown_endpoint", ZERO, messages.unknownEndpoint(text), {
    data: typeof named === "string" ? { endpoint: named } : {},
    hint: close.length > 0 ? messages.didYouMean(close) : messages.listEndpointsHint(),
    suggestions: close,
    ...(where === undefined ? { option: "endpoint" } : { path: where }),
  });
  return { diagnostics: [diagnostic] };
}

/** Splits off the keys that name the endpoint, and reads the endpoint they name. */
function ownEndpoint(value: Record<string, unknown>, options: ValidateTaskOptions): { rest: Record<string, unknown>; named: unknown; where?: JsonPath } {
  const key = ENDPOINT_KEYS.find((k) => typeof value[k] === "string");
  if (key === undefined) return { rest: value, named: options.endpoint };
  const rest = Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
  return { rest, named: value[key], where: [key] };
}

function checkOne(task: unknown, spec: EndpointSpec | undefined, options: ValidateTaskOptions, prefix: JsonPath) {
  // `{ filters, order_by }` (what `dfsq compile --order-by` prints) is a task's filters, not a task.
  const checked = isObject(task) && holdsOnlyFilters(task) ? checkTaskFilters(spec, task, options) : checkTask(spec, task, "wire", options);
  return { task: checked.task, diagnostics: at(checked.problems.flatMap((p) => p.diagnostics), prefix) };
}

/**
 * Checks one task object as DataForSEO would receive it (`filters`, `backlinks_filters`,
 * `initial_dataset_filters`, `relevant_pages_filters`, `order_by` and the other parameters). With
 * an endpoint (in `options`, or an `endpoint` / `path` key of the task, which is not sent) fields,
 * operators, values and the endpoint's parameters are checked; without one, the structure and
 * limits of the filters, and unknown keys. Diagnostics carry the JSON path (`["filters", 2, 0]`).
 * When `ok`, `value` is the task as sent, filters in canonical form. Never throws.
 */
export function validateTask(input: unknown, given: ValidateTaskOptions = {}): CheckResult<Record<string, unknown>> {
  const { options, diagnostics: optionProblems } = readTaskOptions(given);
  if (optionProblems.length > 0) return result(optionProblems, {});
  const task = kindOf(input) === "object" ? readRecord(input as object, MAX_TASKS) : input;
  if (!isObject(task)) {
    const { diagnostics } = checkOne(task ?? input, undefined, options, []);
    return result(diagnostics, {});
  }
  const { rest, named, where } = ownEndpoint(task, options);
  const { spec, diagnostics } = resolve(named, where);
  if (diagnostics.length > 0) return result(diagnostics, {});
  const checked = checkOne(rest, spec, options, []);
  return result(checked.diagnostics, checked.task);
}

/**
 * Checks a whole request body: an array of tasks (what is POSTed), the Python clients' `post_data`
 * dict (`{"0": {…}, "1": {…}}`), a single task, or a saved request naming its endpoint
 * (`{"endpoint": "backlinks/backlinks", "tasks": [...]}`; `path` and `post_data` also read). Each
 * task is checked as `validateTask` checks it; paths start with the task's index. When `ok`,
 * `value` is the body as sent: an array of tasks. Never throws.
 */
export function validateRequest(input: unknown, given: ValidateTaskOptions = {}): CheckResult<Record<string, unknown>[]> {
  const { options, diagnostics: optionProblems } = readTaskOptions(given);
  if (optionProblems.length > 0) return result(optionProblems, []);
  const body = plain(input);
  if (body === undefined) {
    return result([makeDiagnostic("", "invalid_parameter", ZERO, messages.unreadableBody(MAX_TASKS), { path: [] })], []);
  }
  let named: unknown = options.endpoint;
  let where: JsonPath | undefined;
  let tasks: unknown = body;
  let prefix: JsonPath = [];
  const diagnostics: Diagnostic[] = [];
  if (isObject(body)) {
    const holder = TASKS_KEYS.find((k) => k in body);
    if (holder !== undefined) {
      ({ named, where } = ownEndpoint(body, options));
      tasks = plain(body[holder]);
      prefix = [holder];
      if (tasks === undefined && body[holder] !== undefined) {
        const count = lengthOf(body[holder]);
        const message = count !== undefined && count > MAX_TASKS ? messages.tooManyTasksInBody(count, MAX_TASKS) : messages.unreadableBody(MAX_TASKS);
        return result([makeDiagnostic("", "invalid_parameter", ZERO, message, { path: prefix })], []);
      }
      for (const key of Object.keys(body)) {
        if (key !== holder && !(ENDPOINT_KEYS as readonly string[]).includes(key)) {
          diagnostics.push(
            makeDiagnostic("", "invalid_parameter", ZERO, messages.unknownRequestKey(key, holder), { path: [key], option: key, severity: "warning" }),
          );
        }
      }
    }
  }
  const list = Array.isArray(tasks)
    ? tasks
    : isObject(tasks) && isIndexedTasks(tasks)
      ? Object.values(tasks)
      : undefined;
  if (list === undefined) {
    // One task: it may name its own endpoint.
    if (prefix.length === 0) {
      const one = validateTask(tasks, given);
      return one.ok ? { ok: true, value: [one.value], diagnostics: one.diagnostics } : { ok: false, diagnostics: one.diagnostics };
    }
    const single = isObject(tasks) ? tasks : undefined;
    const resolved = resolve(named, where);
    diagnostics.push(...resolved.diagnostics);
    if (single === undefined || resolved.diagnostics.length > 0) {
      if (single === undefined) diagnostics.push(...checkOne(tasks, undefined, options, prefix).diagnostics);
      return result(diagnostics, []);
    }
    const checked = checkOne(single, resolved.spec, options, prefix);
    return result([...diagnostics, ...checked.diagnostics], [checked.task]);
  }
  const resolved = resolve(named, where);
  diagnostics.push(...resolved.diagnostics);
  if (resolved.diagnostics.length > 0) return result(diagnostics, []);
  if (list.length === 0) {
    diagnostics.push(makeDiagnostic("", "invalid_parameter", ZERO, messages.noTasksInBody(), { path: prefix, option: "task" }));
    return result(diagnostics, []);
  }
  const keyOf = (i: number) => (Array.isArray(tasks) ? i : String(i));
  const out = list.map((task, i) => {
    const checked = checkOne(task, resolved.spec, options, [...prefix, keyOf(i)]);
    diagnostics.push(...checked.diagnostics);
    return checked.task;
  });
  return result(diagnostics, out);
}
