import { fieldsOf, listEndpoints } from "../../src/catalog/api.js";

/** Every endpoint parameter with a catalog of fields: what dfsq/testing can generate for. */
export const PAIRS = listEndpoints().flatMap((e) =>
  e.params.filter((param) => (fieldsOf(e.id, param) ?? []).length > 0).map((param) => [e.id, param] as const),
);

/** Every endpoint that takes order_by and has a catalog. */
export const SORTING = listEndpoints()
  .filter((e) => e.orderBy && (fieldsOf(e.id) ?? []).length > 0)
  .map((e) => e.id);

/** The diagnostics, code and message, for readable failures. */
export const codes = (r: { diagnostics: readonly { code: string; message: string }[] }) => r.diagnostics.map((d) => `${d.code}: ${d.message}`);

/** Conditions in a filters value, however shaped. */
export const countConditions = (node: unknown): number =>
  Array.isArray(node) && Array.isArray(node[0]) ? node.reduce((n: number, item: unknown) => n + (typeof item === "string" ? 0 : countConditions(item)), 0) : 1;
