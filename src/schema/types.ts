/** A JSON Schema (draft 2020-12) as plain JSON data. */
export interface JsonSchema {
  readonly [keyword: string]: unknown;
}

/** A JSON Schema under construction: the generator fills in keywords as it goes. */
export type MutableJsonSchema = { [keyword: string]: unknown };
