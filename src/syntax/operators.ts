import type { Operator } from "./ast.js";

/** Operator classes shared by the checks, the printer and the raw-array reader. */
export const PATTERN_OPERATORS: ReadonlySet<Operator> = new Set([
  "like", "not_like", "ilike", "not_ilike", "regex", "not_regex", "match", "not_match",
]);
export const ORDER_OPERATORS: ReadonlySet<Operator> = new Set(["<", "<=", ">", ">="]);
/** The operators whose right side may be a field reference. */
export const COMPARISON_OPERATORS: ReadonlySet<Operator> = new Set(["=", "<>", "<", "<=", ">", ">="]);
export const LIST_OPERATORS: ReadonlySet<Operator> = new Set(["in", "not_in"]);
export const ELEMENT_OPERATORS: ReadonlySet<Operator> = new Set(["has", "has_not"]);
