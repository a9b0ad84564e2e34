import type { FieldType } from "../catalog/endpoints.js";
import { MAX_PATTERN } from "../check/rules/regex.js";
import { NUMERIC } from "../check/rules/value-type.js";
import { unreachable, type Operator } from "../syntax/ast.js";
import { COMPARISON_OPERATORS, ELEMENT_OPERATORS, FIELD_REFERENCE_PREFIX, LIST_OPERATORS, ORDER_OPERATORS, PATTERN_OPERATORS, REGEX_OPERATORS } from "../syntax/operators.js";
import { escapeRegex } from "./names.js";
import type { JsonSchema } from "./types.js";

/*
 * The value of a condition as JSON Schema, per operator class and, with a catalog, per field type.
 * Each schema accepts every value the checks let through without an error (a warning is no
 * rejection: a quoted number on a number field, `= null`), and rejects what they refuse where
 * JSON Schema can say it. What it cannot say (a valid RE2 pattern, a real calendar date) it lets
 * through, and docs/schema.md lists those.
 */

/** Operators whose values have one shape. */
export type OperatorClass = "equality" | "order" | "list" | "pattern" | "regex" | "element";

export function classOf(op: Operator): OperatorClass {
  if (LIST_OPERATORS.has(op)) return "list";
  if (ELEMENT_OPERATORS.has(op)) return "element";
  if (ORDER_OPERATORS.has(op)) return "order";
  if (COMPARISON_OPERATORS.has(op)) return "equality";
  // The regex rule (src/check/rules/regex.ts) names these two.
  if (REGEX_OPERATORS.has(op)) return "regex";
  if (PATTERN_OPERATORS.has(op)) return "pattern";
  throw new Error(`dfsq internal error: the operator ${op} has no class`);
}

export const OPERATOR_CLASSES: readonly OperatorClass[] = ["equality", "order", "list", "pattern", "regex", "element"];

/** One schema, or the branches of all (a branch that is itself only an `anyOf` is spliced in). */
const anyOf = (...schemas: JsonSchema[]): JsonSchema => {
  const flat = schemas.flatMap((s) => (Object.keys(s).length === 1 && Array.isArray(s.anyOf) ? (s.anyOf as JsonSchema[]) : [s]));
  return flat.length === 1 ? flat[0]! : { anyOf: flat };
};
const list = (item: JsonSchema): JsonSchema => ({ type: "array", minItems: 1, items: item });

const STRING: JsonSchema = { type: "string" };
const REGEX: JsonSchema = { type: "string", maxLength: MAX_PATTERN };

/**
 * Without a catalog: the shapes the value-shape rule (src/check/rules/value-shape.ts) requires.
 * `references`: whether a comparison may name a field (`"$item->g"`); false on an endpoint that
 * takes none, where such a string is an error.
 */
export function untypedValue(cls: OperatorClass, references = true): JsonSchema {
  switch (cls) {
    case "equality":
      return references ? { type: ["string", "number", "boolean", "null"] } : anyOf({ type: ["number", "boolean", "null"] }, NOT_A_REFERENCE);
    case "order":
      return references ? { type: ["string", "number"] } : anyOf({ type: "number" }, NOT_A_REFERENCE);
    case "list":
      return list({ type: ["string", "number", "boolean"] });
    case "element":
      return { type: ["string", "number", "boolean"] };
    case "pattern":
      return STRING;
    case "regex":
      return REGEX;
    default:
      return unreachable(cls);
  }
}

/** A number, or a number in quotes (the warning `quoted_number`; trimmed, as the check reads it). */
const NUMBER: JsonSchema = anyOf({ type: "number" }, { type: "string", pattern: `^\\s*${NUMERIC.source.slice(1, -1)}\\s*$` });
/** A boolean, or `"true"`/`"false"` (the warning `quoted_boolean`). */
const BOOLEAN: JsonSchema = anyOf({ type: "boolean" }, { enum: ["true", "false"] });

/** Right of `=` and the like, a string in the API's reference spelling names another field. */
const REFERENCE_PATTERN = `^${escapeRegex(FIELD_REFERENCE_PREFIX)}[\\s\\S]`;
const NOT_A_REFERENCE: JsonSchema = { type: "string", not: { pattern: REFERENCE_PATTERN } };
/** Any reference: without an endpoint nothing can check it (the warning `field_reference`). */
export const ANY_REFERENCE: JsonSchema = { type: "string", pattern: REFERENCE_PATTERN };

/** One value of a field of `type` (an `in` element, a `has` element of an array field's type). */
function scalar(type: FieldType): JsonSchema {
  switch (type) {
    case "num":
    case "array.num":
      return NUMBER;
    case "bool":
      return BOOLEAN;
    // Times are strings; which strings are dates is beyond JSON Schema's patterns to say exactly.
    case "str":
    case "array.str":
    case "time":
      return STRING;
    default:
      return unreachable(type);
  }
}

/**
 * The value of a condition on a field of `type`. `references`: the references a comparison may
 * make to the field (same-typed fields where the endpoint takes references; none where it takes
 * none, where every string in the reference spelling is an error).
 */
export function typedValue(type: FieldType, cls: OperatorClass, references: JsonSchema | undefined): JsonSchema {
  // Right of a comparison, a string is a reference or not one; only the `str` and `time` scalars are strings that could be.
  const comparand = (): JsonSchema[] => {
    const value = type === "str" || type === "time" ? NOT_A_REFERENCE : scalar(type);
    return [value, ...(references === undefined ? [] : [references])];
  };
  switch (cls) {
    case "equality":
      // `= null` is the warning null_comparison, not an error.
      return anyOf(...comparand(), { type: "null" });
    case "order":
      return anyOf(...comparand());
    case "list":
      return list(scalar(type));
    case "element":
      return scalar(type);
    case "pattern":
      return STRING;
    case "regex":
      return REGEX;
    default:
      return unreachable(cls);
  }
}
