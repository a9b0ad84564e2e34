import { filterJsonSchema, orderByJsonSchema } from "../src/schema/index.js";

const text = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;

/** The JSON Schema files the package ships (package.json "exports"), by path, as written. */
export function schemaFiles(): Record<string, string> {
  return {
    "schema/filters.json": text(filterJsonSchema()),
    "schema/order-by.json": text(orderByJsonSchema()),
  };
}
