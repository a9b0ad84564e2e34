import type { FieldType } from "../catalog/endpoints.js";
import { sortability } from "../catalog/field-catalog.js";
import { judgeOperator } from "../catalog/operators.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { readOptions, resolveCatalogOption, resolveLimits } from "../options.js";
import { printFieldPath } from "../print/print-value.js";
import type { Operator } from "../syntax/ast.js";
import { examplePath } from "./field-options.js";
import type { AssistOptions } from "./types.js";

const FALLBACK = { filter: 'rank > 10 and domain like "%seo%"', orderBy: "rank desc, backlinks" } as const;

/**
 * A short expression that teaches the syntax with the endpoint's own fields, for an empty editor's
 * placeholder: `rank > 10 and domain like "%seo%"` on backlinks/referring_domains; for an order-by,
 * `rank desc, backlinks`. It compiles without a problem on the endpoint; without one (or where the
 * catalog has no fitting fields) it is the example above.
 */
export function exampleExpression(given: AssistOptions = {}): string {
  // Invalid options are left out, as completion leaves them: `analyze` reports them.
  const options = readOptions<AssistOptions>(given, () => {});
  const mode = options.mode === "orderBy" ? "orderBy" : "filter";
  const catalog = resolveCatalogOption(options, new DiagnosticBag(""), mode === "orderBy" ? "order_by" : "filters");
  const fields = catalog?.fields;
  if (catalog === undefined || fields === undefined) return FALLBACK[mode];
  const scope = { catalog, fields, sortable: mode === "orderBy", exclude: new Set<string>() };
  // Placeholders filled in with a documented or typical key: `metrics.organic.count`.
  const plain = Object.entries(fields.fields).flatMap(([pattern, type]) => {
    const path = examplePath(scope, pattern);
    return path === undefined ? [] : [[pattern, type, path] as const];
  });
  const takes = (type: FieldType, op: Operator) => judgeOperator(catalog, type, op).kind === "allowed";
  if (mode === "orderBy") {
    const sortable = plain.filter(([pattern, type]) => type === "num" && sortability({ pattern, type }) === "sortable").map(([, , p]) => printFieldPath(p));
    return sortable.length >= 2 ? `${sortable[0]} desc, ${sortable[1]}` : sortable.length === 1 ? `${sortable[0]} desc` : FALLBACK.orderBy;
  }
  // A number compared and a string matched teach the most; a boolean or a time where those are missing.
  const forms: readonly [FieldType, Operator, (path: string) => string][] = [
    ["num", ">", (p) => `${p} > 10`],
    ["str", "like", (p) => `${p} like "%seo%"`],
    ["bool", "=", (p) => p],
    ["time", ">", (p) => `${p} > now - 30d`],
  ];
  const parts = forms.flatMap(([type, op, write]) => {
    const field = takes(type, op) ? plain.find(([, t]) => t === type) : undefined;
    return field === undefined ? [] : [write(printFieldPath(field[2]))];
  });
  const { maxConditions } = resolveLimits(options, catalog.endpoint?.maxConditions);
  return parts.length === 0 ? FALLBACK.filter : parts.slice(0, Math.min(2, maxConditions)).join(" and ");
}
