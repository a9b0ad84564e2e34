/*
 * dfsq/testing: fast-check arbitraries for property tests of code that makes or reads DataForSEO
 * filters (a filter UI, a saved-filter migration, a client). Everything generated is what the API
 * is documented to accept for the endpoint: dfsq's checks report no error for any of it. fast-check
 * is a peer dependency of this entry only; nothing else in dfsq imports it.
 */
export { arbitraryFilter, type FilterOptions } from "./filter.js";
export { arbitraryExpression, type ExpressionOptions } from "./expression.js";
export { arbitraryOrderBy, type OrderByOptions } from "./order-by.js";
export { arbitraryItem, type ItemOptions } from "./item.js";
export type { GeneratorOptions } from "./scope.js";
