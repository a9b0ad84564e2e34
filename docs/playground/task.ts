import type { EndpointInfo, FilterArray, FilterParam, OrderByArray } from "../../src/index.js";

/** What the page knows when it writes the task body. */
export interface TaskInput {
  readonly endpoint: EndpointInfo;
  readonly param: FilterParam;
  readonly target: string;
  /** Undefined when the filter editor is blank (the parameter is left out). */
  readonly filters?: FilterArray;
  readonly orderBy?: OrderByArray;
}

/**
 * The request body for the endpoint: `[task]`, with the compiled arrays under their wire names.
 * The intersection endpoints take `targets` (`{"1": …}`) instead of `target`. Other parameters
 * (limit, location, …) are the caller's and are left out.
 */
export function taskBody(input: TaskInput): Record<string, unknown>[] {
  const task: Record<string, unknown> = {};
  if (/intersection/.test(input.endpoint.id)) task.targets = { "1": input.target };
  else task.target = input.target;
  if (input.filters !== undefined) task[input.param] = input.filters;
  if (input.orderBy !== undefined && input.endpoint.orderBy) task.order_by = input.orderBy;
  return [task];
}

/** Lines up to this many characters keep an array on one line. */
const WIDTH = 60;

/**
 * JSON with objects laid out one key per line, and arrays kept on one line while the line fits in
 * `WIDTH` (a filter spread one token per line is unreadable); a longer filter breaks at its
 * groups, `[left, "and", right]` over three lines, each side again on one line if it fits.
 * `used` is how much of the line is taken before the value (indent and key).
 */
export function formatJson(value: unknown, indent = "", used = indent.length): string {
  if (Array.isArray(value)) {
    const flat = JSON.stringify(value);
    const hasObject = value.some((v) => typeof v === "object" && v !== null && !Array.isArray(v));
    if (!hasObject && (used + flat.length <= WIDTH || !value.some(Array.isArray))) return flat;
    const inner = indent + "  ";
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const inner = indent + "  ";
    return `{\n${entries
      .map(([k, v]) => {
        const key = `${inner}${JSON.stringify(k)}: `;
        return key + formatJson(v, inner, key.length);
      })
      .join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value) ?? "null";
}
