import * as messages from "../../diagnostics/messages.js";
import { ENDPOINTS } from "../../catalog/endpoints.js";
import { findEndpoint, normalizeEndpointId } from "../../catalog/resolve.js";
import { suggest } from "../../catalog/suggest.js";
import { makeDiagnostic, type Diagnostic, type JsonPath } from "../../diagnostics/diagnostic.js";
import { FILTER_FIELDS, ORDER_BY, type TaskCheckOptions } from "../../task/check-task.js";
import { ENDPOINT_KEYS, TASKS_KEYS, validateRequest, validateTask } from "../../validate/validate-task.js";
import { jsonSyntaxError, JsonLocator } from "./json-locate.js";
import { LineIndex } from "./lines.js";
import { locate, SKIPPED, type FileReport, type LocatedDiagnostic } from "./located.js";

/*
 * `.json` and `.jsonl` files: request bodies (a task, an array of tasks, the Python clients'
 * `post_data`, a saved `{ "endpoint", "tasks" }`), checked whole by validateRequest; and any
 * other JSON holding `filters`/`order_by` somewhere (a config, a fixture), whose filters are
 * checked where they are. Diagnostics carry the JSON path and are placed in the file by it.
 */

export interface JsonFileOptions extends TaskCheckOptions {
  /** The endpoint for tasks that name none (from the config's mapping or `--endpoint`). */
  readonly endpoint?: string | undefined;
  /** Named on the command line: checked even when it holds nothing dfsq recognises. */
  readonly explicit: boolean;
}

const FILTER_KEYS: ReadonlySet<string> = new Set([...FILTER_FIELDS.map((f) => f.wire), ORDER_BY.wire]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const holdsFilters = (v: Record<string, unknown>) => Object.keys(v).some((k) => FILTER_KEYS.has(k));
const isIndexed = (v: Record<string, unknown>) => {
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k, i) => k === String(i));
};

/** The key naming the value's endpoint, when it names one. */
const endpointKeyOf = (v: Record<string, unknown>) => ENDPOINT_KEYS.find((k) => typeof v[k] === "string");

/** Whether `value` is what validateRequest reads: a task, tasks, or a saved request. */
function isRequestShaped(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every(isObject);
  if (!isObject(value)) return false;
  return TASKS_KEYS.some((k) => k in value) || isIndexed(value) || holdsFilters(value) || endpointKeyOf(value) !== undefined;
}

/**
 * Whether a value found by a walk is meant for DataForSEO: an `endpoint`/`path` key naming an
 * endpoint (or close to one: a typo is still a task), at the top or in a task. A `path` such as
 * `"src/index.ts"` in some other JSON file is not.
 */
function namesAnEndpoint(value: unknown): boolean {
  const names = (v: unknown) => {
    if (!isObject(v)) return false;
    const key = endpointKeyOf(v);
    if (key === undefined) return false;
    const id = v[key] as string;
    return findEndpoint(id) !== undefined || suggest(normalizeEndpointId(id), ENDPOINTS.keys(), 1).length > 0;
  };
  if (names(value)) return true;
  const tasks = isObject(value) ? (TASKS_KEYS.map((k) => value[k]).find((v) => v !== undefined) ?? value) : value;
  const list = Array.isArray(tasks) ? tasks : isObject(tasks) && isIndexed(tasks) ? Object.values(tasks) : [];
  return list.some(names);
}

interface Holder {
  readonly path: JsonPath;
  readonly value: Record<string, unknown>;
}

/** Every object holding a filter parameter or `order_by`, outermost first, with its path (with
 * `firstOnly`, the first one only). */
function holdersIn(value: unknown, firstOnly = false): Holder[] {
  const found: Holder[] = [];
  const stack: { value: unknown; path: JsonPath }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
    } else if (isObject(v)) {
      // A holder's own filters are arrays of arrays: nothing further down holds filters.
      if (holdsFilters(v)) {
        found.push({ path, value: v });
        if (firstOnly) return found;
      } else for (const [k, child] of Object.entries(v).toReversed()) stack.push({ value: child, path: [...path, k] });
    }
  }
  return found;
}

/** Tasks in a request body, for the count of what was checked. */
function taskCount(value: unknown): number {
  const holder = isObject(value) ? TASKS_KEYS.find((k) => k in value) : undefined;
  const tasks = holder === undefined ? value : (value as Record<string, unknown>)[holder];
  if (Array.isArray(tasks)) return tasks.length;
  if (isObject(tasks) && isIndexed(tasks)) return Object.keys(tasks).length;
  return 1;
}

const prefixed = (diagnostics: readonly Diagnostic[], prefix: JsonPath) =>
  prefix.length === 0 ? diagnostics : diagnostics.map((d) => (d.path === undefined ? d : { ...d, path: [...prefix, ...d.path] }));

/**
 * Checks one JSON value of a file. Diagnostics without a path (about the endpoint: `no_catalog`)
 * go where the value names its endpoint, or on the value itself.
 */
function checkValue(value: unknown, locator: JsonLocator, lines: () => LineIndex, options: JsonFileOptions): FileReport {
  const { explicit: _explicit, endpoint, ...check } = options;
  const taskOptions = { ...check, ...(endpoint === undefined ? {} : { endpoint }) };
  const checked: { at: JsonPath; diagnostics: readonly Diagnostic[] }[] = [];
  let items: number;
  const isRequest =
    isRequestShaped(value) && (options.explicit || endpoint !== undefined || namesAnEndpoint(value) || holdersIn(value, true).length > 0);
  const holders = isRequest ? [] : holdersIn(value);
  if (isRequest) {
    checked.push({ at: [], diagnostics: validateRequest(value, taskOptions).diagnostics });
    items = taskCount(value);
  } else if (holders.length > 0) {
    for (const holder of holders) {
      // Only the filters are the holder's business; the rest of its object is someone else's.
      const own = endpointKeyOf(holder.value);
      const picked = Object.fromEntries(Object.entries(holder.value).filter(([k]) => FILTER_KEYS.has(k) || k === own));
      checked.push({ at: holder.path, diagnostics: prefixed(validateTask(picked, taskOptions).diagnostics, holder.path) });
    }
    items = holders.length;
  } else if (options.explicit) {
    checked.push({ at: [], diagnostics: validateRequest(value, taskOptions).diagnostics });
    items = 1;
  } else {
    return SKIPPED;
  }
  const diagnostics: LocatedDiagnostic[] = [];
  for (const { at, diagnostics: found } of checked) {
    for (const d of found) {
      const where = d.path ?? endpointPath(value, at);
      diagnostics.push(locate(d, locator.spanOf(where), lines()));
    }
  }
  return { items, diagnostics };
}

/** Where the value at `at` names its endpoint, or the value itself. */
function endpointPath(root: unknown, at: JsonPath): JsonPath {
  let value = root;
  for (const key of at) value = (value as Record<string | number, unknown>)[key];
  const key = isObject(value) ? endpointKeyOf(value) : undefined;
  return key === undefined ? at : [...at, key];
}

/** A leading byte-order mark, which JSON.parse refuses, read as the space it stands in for. */
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);

function syntaxDiagnostic(text: string, base: number, lines: () => LineIndex): LocatedDiagnostic {
  const error = jsonSyntaxError(text);
  const span = error === undefined ? { start: base, end: base } : { start: base + error.span.start, end: base + error.span.end };
  const message = text.trim() === "" ? messages.emptyJson() : messages.invalidJson(error?.reason ?? "");
  return locate(makeDiagnostic("", "invalid_json", span, message), span, lines());
}

/**
 * A file found by a walk that is not JSON is reported only when it says `"filters"` or
 * `"order_by"` somewhere: otherwise it is someone else's file (a tsconfig.json with comments).
 */
const mentionsFilters = (text: string) => [...FILTER_KEYS].some((k) => text.includes(`"${k}"`));

/** Checks a `.json` file. */
export function checkJsonFile(source: string, options: JsonFileOptions): FileReport {
  const text = withoutBom(source);
  // Lines are counted only for a file with something to say.
  let index: LineIndex | undefined;
  const lines = () => (index ??= new LineIndex(source));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    if (!options.explicit && options.endpoint === undefined && !mentionsFilters(text)) return SKIPPED;
    return { items: 1, diagnostics: [syntaxDiagnostic(text, 0, lines)] };
  }
  return checkValue(value, new JsonLocator(text), lines, options);
}

/**
 * Checks a `.jsonl` file: each line that is not blank is one task or request. A file found by a
 * walk is read when some line of it is recognised as a task; every line is then checked as one.
 */
export function checkJsonLinesFile(source: string, options: JsonFileOptions): FileReport {
  const text = withoutBom(source);
  const index = new LineIndex(source);
  const lines = () => index;
  const entries: { start: number; line: string; value?: unknown }[] = [];
  for (const { start, end } of index.lines()) {
    const line = text.slice(start, end);
    if (line.trim() === "") continue;
    try {
      entries.push({ start, line, value: JSON.parse(line) });
    } catch {
      entries.push({ start, line });
    }
  }
  const recognised =
    options.explicit ||
    options.endpoint !== undefined ||
    mentionsFilters(text) ||
    entries.some((e) => "value" in e && isRequestShaped(e.value) && namesAnEndpoint(e.value));
  if (!recognised) return SKIPPED;
  const reports = entries.map((e) =>
    "value" in e
      ? checkValue(e.value, new JsonLocator(e.line, e.start), lines, { ...options, explicit: true })
      : { items: 1, diagnostics: [syntaxDiagnostic(e.line, e.start, lines)] },
  );
  return { items: reports.reduce((n, r) => n + r.items, 0), diagnostics: reports.flatMap((r) => r.diagnostics) };
}
