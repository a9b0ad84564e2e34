import type { Operator } from "./ast.js";

/** Operator classes shared by the checks, the printer and the raw-array reader. */
export const PATTERN_OPERATORS: ReadonlySet<Operator> = new Set([
  "like", "not_like", "ilike", "not_ilike", "regex", "not_regex", "match", "not_match",
]);
export const ORDER_OPERATORS: ReadonlySet<Operator> = new Set(["<", "<=", ">", ">="]);
/** The operators whose right side may be a field reference. */
export const COMPARISON_OPERATORS: ReadonlySet<Operator> = new Set(["=", "<>", "<", "<=", ">", ">="]);
/** The prefix DataForSEO Labs reads as "the value of this other field of the same item". */
export const FIELD_REFERENCE_PREFIX = "$item->";

/** The field a string names in the API's own reference spelling ("$item->path"), if it does. */
export function referencedPath(value: string): string | undefined {
  return value.length > FIELD_REFERENCE_PREFIX.length && value.startsWith(FIELD_REFERENCE_PREFIX)
    ? value.slice(FIELD_REFERENCE_PREFIX.length)
    : undefined;
}

export const LIST_OPERATORS: ReadonlySet<Operator> = new Set(["in", "not_in"]);
export const ELEMENT_OPERATORS: ReadonlySet<Operator> = new Set(["has", "has_not"]);
