import { parseIsoDate } from "../values/time.js";

/*
 * Equality and order between a value read from an item and a value from a filter (or a second
 * item value, for `$item->` references). The rules are written down in docs/semantics.md:
 * strict JSON equality without coercion, except that two strings that both read as times compare
 * as instants; order only between two numbers or two strings (times as instants).
 */

/** `null`, or a field the item lacks: the values that only `= null` / `<> null` can tell apart. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** No time text is longer (`2024-01-31T10:00:00.123456789 +02:00` is 36); longer strings are
 * never parsed, so a huge string costs nothing here. */
const MAX_TIME_TEXT = 64;

/**
 * The instant (epoch ms, whole seconds) a string stands for when it reads as a time: the API's
 * `yyyy-mm-dd hh:mm:ss +00:00`, or ISO 8601 (`2024-01-31`, `2024-01-31T10:00:00+02:00`), with
 * the same reader the compiler uses for time literals. Undefined for any other string.
 */
export function timeOf(text: string): number | undefined {
  if (text.length < 10 || text.length > MAX_TIME_TEXT) return undefined;
  const first = text.charCodeAt(0);
  if (first < 48 || first > 57) return undefined;
  const parsed = parseIsoDate(text);
  return parsed.ok ? parsed.epochMs : undefined;
}

/** A present value from a filter, with its time reading worked out once rather than per item. */
export interface Known {
  readonly value: unknown;
  /** The instant, when `value` is a string that reads as a time. */
  readonly time: number | undefined;
}

export function known(value: unknown): Known {
  return { value, time: typeof value === "string" ? timeOf(value) : undefined };
}

/**
 * Equality of two present scalars-or-structures where `b` is known. Scalars: same type and
 * `===`, or two time strings at the same instant. Arrays and objects (reachable only through
 * `$item->` references, since filter values are scalars) compare structurally.
 */
export function sameValue(a: unknown, b: Known): boolean {
  if (a === b.value) return true;
  if (typeof a === "string") {
    return typeof b.value === "string" && b.time !== undefined && timeOf(a) === b.time;
  }
  if (typeof a === "object" && typeof b.value === "object") return sameJson(a, b.value);
  return false;
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "string" || typeof b !== "string") return false;
  const t = timeOf(a);
  return t !== undefined && t === timeOf(b);
}

/**
 * Structural equality of two JSON values: arrays element by element, objects by their own keys in
 * any order, scalars by `sameScalar`. Walks with an explicit stack (deep items cost no call
 * stack) and remembers the pairs it has entered, so even a cyclic object ends.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  const entered = new Map<object, Set<object>>();
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x === y) continue;
    if (x === null || y === null || typeof x !== "object" || typeof y !== "object") {
      if (!sameScalar(x, y)) return false;
      continue;
    }
    let partners = entered.get(x);
    if (partners?.has(y)) continue;
    if (partners === undefined) entered.set(x, (partners = new Set()));
    partners.add(y);
    const xArray = Array.isArray(x);
    if (xArray !== Array.isArray(y)) return false;
    if (xArray) {
      const xs = x as unknown[];
      const ys = y as unknown[];
      if (xs.length !== ys.length) return false;
      for (let i = 0; i < xs.length; i++) stack.push([xs[i], ys[i]]);
      continue;
    }
    const xKeys = Object.keys(x);
    if (xKeys.length !== Object.keys(y).length) return false;
    for (const key of xKeys) {
      if (!Object.hasOwn(y, key)) return false;
      stack.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
    }
  }
  return true;
}

/**
 * The sign of `a − b` (-1, 0, 1), or undefined when the two cannot be ordered: numbers with
 * numbers, strings with strings (as instants when both read as times, else by UTF-16 code units,
 * as JavaScript compares them), nothing else.
 */
export function order(a: unknown, b: Known): number | undefined {
  const bv = b.value;
  if (typeof a === "number" && typeof bv === "number") {
    if (Number.isNaN(a) || Number.isNaN(bv)) return undefined;
    return a < bv ? -1 : a > bv ? 1 : 0;
  }
  if (typeof a === "string" && typeof bv === "string") {
    if (b.time !== undefined) {
      const t = timeOf(a);
      if (t !== undefined) return t < b.time ? -1 : t > b.time ? 1 : 0;
    }
    return a < bv ? -1 : a > bv ? 1 : 0;
  }
  return undefined;
}
