const FIELD = Symbol.for("dfsq.field");

/** A field name for templates and builders, made with `field()`. */
export interface FieldName {
  readonly [FIELD]: string;
}

/**
 * Marks `name` as a field name. In a template, `${field(name)}` is the only way to interpolate a
 * field: a plain string is always a value, so user input can never become a field.
 */
export function field(name: string): FieldName {
  return Object.freeze({ [FIELD]: String(name) });
}

export function isFieldName(value: unknown): value is FieldName {
  return typeof value === "object" && value !== null && FIELD in value;
}

export function fieldNameOf(value: FieldName): string {
  return value[FIELD];
}
