/*
 * dfsq/catalogs: the built-in field catalogs of every endpoint dfsq knows. Node has them without
 * this import. A browser bundle of dfsq leaves them out (see src/catalog/catalog-data.ts); a page
 * that names endpoints passes them in:
 *
 *     import { compileFilter } from "dfsq";
 *     import { catalogs } from "dfsq/catalogs";
 *     compileFilter("rank > 10", { endpoint: "backlinks/backlinks", catalogs });
 */
export { catalogs } from "./catalog/built-in.js";
export type { BuiltInCatalogs } from "./catalog/catalog-data.js";
