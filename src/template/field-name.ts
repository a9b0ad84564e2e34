import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import * as messages from "../diagnostics/messages.js";
import { describeValue, readProperty } from "../values/guarded.js";

const FIELD = Symbol.for("dfsq.field");

/** A field name for templates and builders, made with `field()`. */
export interface FieldName {
  readonly [FIELD]: string;
}

/**
 * Marks `name` as a field name. In a template, `${field(name)}` is the only way to interpolate a
 * field: a plain string is always a value, so user input can never become a field. Throws
 * DfsqError (`invalid_argument`) when `name` is not a string.
 */
export function field(name: string): FieldName {
  if (typeof name !== "string") {
    throw new DfsqError([makeDiagnostic("", "invalid_argument", { start: 0, end: 0 }, messages.fieldNameNotString(describeValue(name)))]);
  }
  return Object.freeze({ [FIELD]: name });
}

/** The name `value` holds when it is a field name, read once; undefined for anything else. Never
 * throws, whatever `value` is. */
export function fieldNameIn(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const name = readProperty(value, FIELD);
  return name.ok && typeof name.value === "string" ? name.value : undefined;
}

export function isFieldName(value: unknown): value is FieldName {
  return fieldNameIn(value) !== undefined;
}
