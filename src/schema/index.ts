/*
 * dfsq/schema: JSON Schemas of `filters` and `order_by` values, for editors and for validators
 * other than dfsq (ajv and the like). The general ones ship ready-made as dfsq/schema/filters.json
 * and dfsq/schema/order-by.json; these functions make them for an endpoint's catalog.
 */
export { filterJsonSchema, orderByJsonSchema, type JsonSchemaOptions } from "./json-schema.js";
export type { JsonSchema } from "./types.js";
export { DfsqError } from "../diagnostics/error.js";
