import { unreachable } from "../syntax/ast.js";

/*
 * Reading values that JavaScript callers hand in, which may be hostile: a Proxy whose traps throw
 * or lie, a revoked Proxy, an array with a throwing getter, an object without a prototype, a
 * BigInt or a Symbol where a string was expected. Everything here answers instead of throwing,
 * reads each array element once (so a value cannot change between its check and its use), and
 * never turns a value into text by calling the value's own code.
 */

/** What a value is, found without running any of its code except Array.isArray's proxy check. */
export type ValueKind =
  | "array"
  | "string"
  | "number"
  | "boolean"
  | "null"
  | "undefined"
  | "object"
  | "bigint"
  | "symbol"
  | "function"
  /** A revoked Proxy: even asking whether it is an array throws. */
  | "revoked";

export function kindOf(value: unknown): ValueKind {
  if (value === null) return "null";
  const type = typeof value;
  if (type !== "object") return type === "function" ? "function" : (type as ValueKind);
  try {
    return Array.isArray(value) ? "array" : "object";
  } catch {
    return "revoked";
  }
}

/** A missing element of a sparse array (`[a, , b]`), as `readElements` returns it. */
export const HOLE: unique symbol = Symbol("hole");

export type Elements =
  | { readonly ok: true; readonly items: readonly unknown[] }
  /** Longer than allowed: nothing was read past its length. */
  | { readonly ok: false; readonly why: "too_long"; readonly length: number }
  /** Its length or an element could not be read (a trap or getter threw, or lied about the length). */
  | { readonly ok: false; readonly why: "unreadable"; readonly index?: number };

/** One property of an object, or `{ ok: false }` when reading it throws. */
export function readProperty(object: object, key: PropertyKey): { readonly ok: true; readonly value: unknown } | { readonly ok: false } {
  try {
    return { ok: true, value: (object as Record<PropertyKey, unknown>)[key] };
  } catch {
    return { ok: false };
  }
}

const MAX_ARRAY_LENGTH = 2 ** 32 - 1;

/**
 * The elements of `array` (something `kindOf` calls an array), each read once, holes as `HOLE`.
 * Refuses, before reading any element, an array longer than `max`: the cost of a read is bounded
 * by the caller's cap, whatever the array's length.
 */
export function readElements(array: object, max: number): Elements {
  const length = readProperty(array, "length");
  if (!length.ok || typeof length.value !== "number" || !Number.isInteger(length.value) || length.value < 0 || length.value > MAX_ARRAY_LENGTH) {
    return { ok: false, why: "unreadable" };
  }
  if (length.value > max) return { ok: false, why: "too_long", length: length.value };
  const items: unknown[] = [];
  let i = 0;
  try {
    for (; i < length.value; i++) {
      const item = (array as Record<number, unknown>)[i];
      // A hole and an explicit `undefined` read alike; only `in` tells them apart.
      items.push(item === undefined && !(i in array) ? HOLE : item);
    }
  } catch {
    return { ok: false, why: "unreadable", index: i };
  }
  return { ok: true, items };
}

/** The epoch milliseconds of a real Date (NaN for an invalid one), else undefined. Never runs the
 * value's code: no `instanceof` (a Proxy trap) and no overridable `getTime`. */
export function dateValue(value: unknown): number | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return undefined;
  }
}

/** At most this many characters of a string are quoted in a description. */
const QUOTED = 30;

/**
 * A short description of any value for messages ("the string \"x\"", "an array of 3", "a
 * symbol"), made without calling the value's code (no `toString`, no `JSON.stringify`), so it
 * cannot throw, loop or run for long.
 */
export function describeValue(value: unknown): string {
  if (value === HOLE) return "a hole (a missing element)";
  const kind = kindOf(value);
  switch (kind) {
    case "null":
      return "null";
    case "undefined":
      return "nothing";
    case "string": {
      const text = value as string;
      return `the string ${JSON.stringify(text.length > QUOTED ? `${text.slice(0, QUOTED - 1)}…` : text)}`;
    }
    case "number":
    case "boolean":
      return `the ${kind} ${String(value)}`;
    case "bigint": {
      const digits = (value as bigint).toString();
      return `the bigint ${digits.length > QUOTED ? `${digits.slice(0, QUOTED - 1)}…` : digits}n`;
    }
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    case "revoked":
      return "a revoked proxy";
    case "array": {
      const length = readProperty(value as object, "length");
      return length.ok && typeof length.value === "number" ? `an array of ${length.value}` : "an array";
    }
    case "object":
      return dateValue(value) === undefined ? "an object" : "a Date";
    default:
      return unreachable(kind);
  }
}

/**
 * The own enumerable string-keyed properties of a plain object, each read once, as a fresh plain
 * object; undefined when listing or reading them throws (a Proxy, a getter) or there are more than
 * `max`. What is checked is then what is used: a getter cannot answer twice.
 */
export function readRecord(value: object, max: number): Record<string, unknown> | undefined {
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return undefined;
  }
  if (keys.length > max) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const got = readProperty(value, key);
    if (!got.ok) return undefined;
    // Defined as data, so a key such as "__proto__" stays a key.
    Object.defineProperty(out, key, { value: got.value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** `value` as JSON text for showing it, or "" when it has none or `JSON.stringify` throws (a
 * cycle, a BigInt, a throwing getter or Proxy trap). */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
