/*
 * A second evaluator of `filters` arrays, written from docs/semantics.md and nothing else of
 * src/eval: plain recursion, no preparation, `like` through a JavaScript regular expression,
 * `regex` through re2js directly. The campaign compares dfsq/eval with it; they share only the
 * time reader (src/values/time.ts), which the semantics name as the compiler's own. For JSON
 * items and well-formed filters only: what a hostile value does is the crash checks' business.
 */
import { RE2JS } from "re2js";
import { parseIsoDate } from "../src/values/time.js";

const REFERENCE = "$item->";
const REFERABLE = new Set(["=", "<>", "<", "<=", ">", ">="]);

function read(item: unknown, path: string): unknown {
  let current = item;
  for (const key of path.split(".")) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(key) || Number(key) >= current.length) return undefined;
      current = current[Number(key)];
    } else if (current !== null && typeof current === "object" && Object.prototype.hasOwnProperty.call(current, key)) {
      current = (current as Record<string, unknown>)[key];
    } else {
      return undefined;
    }
  }
  return current;
}

/** A string that reads as a time (at most 64 characters, starting with a digit), as an instant. */
function instant(value: unknown): number | undefined {
  if (typeof value !== "string" || value.length > 64 || !/^\d/.test(value)) return undefined;
  const parsed = parseIsoDate(value);
  return parsed.ok ? parsed.epochMs : undefined;
}

function equal(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string") {
    if (a === b) return true;
    const ta = instant(a);
    return ta !== undefined && ta === instant(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equal((a as never)[k], (b as never)[k]));
  }
  return a === b;
}

/** -1, 0, 1, or undefined when not ordered. */
function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
    return Math.sign(a - b) || 0;
  }
  if (typeof a === "string" && typeof b === "string") {
    const ta = instant(a);
    const tb = instant(b);
    if (ta !== undefined && tb !== undefined) return Math.sign(ta - tb) || 0;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return undefined;
}

function like(pattern: string, value: string, caseInsensitive: boolean): boolean {
  const fold = (s: string) => (caseInsensitive ? s.toLowerCase() : s);
  const body = Array.from(fold(pattern), (c) => (c === "%" ? "[^]*" : c === "_" ? "[^]" : c.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&")));
  // Lone surrogates are code points of their own, as the `u` flag reads them too.
  return new RegExp(`^${body.join("")}$`, "u").test(fold(value));
}

function words(text: string): string[] {
  return text.toLowerCase().normalize("NFC").match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

function holds(op: string, value: unknown, operand: unknown, item: unknown): boolean {
  if (op === "=" && operand === null) return value === null || value === undefined;
  if (op === "<>" && operand === null) return value !== null && value !== undefined;
  if (value === null || value === undefined) return false;
  if (typeof operand === "string" && operand.startsWith(REFERENCE) && operand.length > REFERENCE.length && REFERABLE.has(op)) {
    operand = read(item, operand.slice(REFERENCE.length));
    if (operand === null || operand === undefined) return false;
  }
  switch (op) {
    case "=":
      return equal(value, operand);
    case "<>":
      return !equal(value, operand);
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const sign = compare(value, operand);
      if (sign === undefined) return false;
      return op === "<" ? sign < 0 : op === "<=" ? sign <= 0 : op === ">" ? sign > 0 : sign >= 0;
    }
    case "in":
      return (operand as unknown[]).some((v) => v !== null && equal(value, v));
    case "not_in":
      return !(operand as unknown[]).some((v) => v !== null && equal(value, v));
    case "like":
    case "not_like":
    case "ilike":
    case "not_ilike":
      if (typeof value !== "string" || typeof operand !== "string") return false;
      return like(operand, value, op.includes("ilike")) === !op.startsWith("not_");
    case "regex":
    case "not_regex":
      if (typeof value !== "string" || typeof operand !== "string") return false;
      return RE2JS.compile(operand).test(value) === (op === "regex");
    case "match":
    case "not_match": {
      if (typeof value !== "string" || typeof operand !== "string") return false;
      const wanted = words(operand);
      const present = new Set(words(value));
      const found = wanted.length > 0 && wanted.every((w) => present.has(w));
      return found === (op === "match");
    }
    case "has":
    case "has_not":
      if (!Array.isArray(value)) return false;
      return value.some((v) => v !== null && v !== undefined && equal(v, operand)) === (op === "has");
    default:
      throw new Error(`oracle: unknown operator ${op}`);
  }
}

function isCondition(node: unknown): node is [string, string, unknown] {
  return Array.isArray(node) && node.length === 3 && typeof node[0] === "string" && typeof node[1] === "string" && node[1] !== "and" && node[1] !== "or";
}

/** Whether `item` matches the filter `node` (a condition, a condition wrapped once, or a group). */
export function oracleMatches(node: unknown, item: unknown): boolean {
  if (isCondition(node)) return holds(node[1], read(item, node[0]), node[2], item);
  const parts = node as unknown[];
  if (parts.length === 1) return oracleMatches(parts[0], item);
  const connective = parts[1];
  const operands = parts.filter((_, i) => i % 2 === 0);
  return connective === "and" ? operands.every((n) => oracleMatches(n, item)) : operands.some((n) => oracleMatches(n, item));
}
