import type { FieldNode, Operand } from "./ast.js";
import { operatorsOf, type Operator } from "./operator-table.js";

/** Operator classes shared by the checks, the printer and the raw-array reader. */
export const PATTERN_OPERATORS: ReadonlySet<Operator> = new Set(operatorsOf("like", "ilike", "regex", "match"));
/** `like` and `ilike`, whose patterns take `%` and `_`. */
export const LIKE_OPERATORS: ReadonlySet<Operator> = new Set(operatorsOf("like", "ilike"));
export const REGEX_OPERATORS: ReadonlySet<Operator> = new Set(operatorsOf("regex"));
export const ORDER_OPERATORS: ReadonlySet<Operator> = new Set(operatorsOf("order"));
/** The operators whose right side may be a field reference. */
export const COMPARISON_OPERATORS: ReadonlySet<Operator> = new Set(operatorsOf("equality", "order"));
/** The prefix DataForSEO Labs reads as "the value of this other field of the same item". */
export const FIELD_REFERENCE_PREFIX = "$item->";

/** The field a string names in the API's own reference spelling ("$item->path"), if it does. */
export function referencedPath(value: string): string | undefined {
  return value.length > FIELD_REFERENCE_PREFIX.length && value.startsWith(FIELD_REFERENCE_PREFIX)
    ? value.slice(FIELD_REFERENCE_PREFIX.length)
    : undefined;
}

/**
 * Right of a comparison, the API's own reference spelling `"$item->path"` is a field reference:
 * DataForSEO reads it so, wherever it came from (written after `>`, or a `between` bound).
 */
export function asReference<T extends Operand>(operand: T): T | FieldNode {
  if (operand.kind !== "string") return operand;
  const path = referencedPath(operand.value);
  if (path === undefined) return operand;
  return operand.at === undefined
    ? { kind: "field", path, quoted: false, explicit: true, span: operand.span }
    : { kind: "field", path, quoted: false, explicit: true, span: operand.span, at: operand.at };
}

export const LIST_OPERATORS: ReadonlySet<Operator> = new Set(operatorsOf("list"));
export const ELEMENT_OPERATORS: ReadonlySet<Operator> = new Set(operatorsOf("element"));
