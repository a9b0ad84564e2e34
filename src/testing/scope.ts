import type { FieldType, FilterParam } from "../catalog/endpoints.js";
import { sortability } from "../catalog/field-catalog.js";
import { judgeOperator } from "../catalog/operators.js";
import { resolveCatalog, type ResolvedCatalog } from "../catalog/resolve.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import { resolveLimits } from "../options.js";
import { OPERATORS, type Operator } from "../syntax/ast.js";

/*
 * What the generators may use of an endpoint's catalog: its fields, and per field only the
 * operators DataForSEO's docs agree on (none that dfsq would warn about as disputed or unverified),
 * so that everything generated is what the API is documented to accept.
 */

export interface GeneratorOptions {
  /** `backlinks/referring_domains`, or a path such as `/v3/backlinks/referring_domains/live`. */
  readonly endpoint: string;
  /** Which filter parameter. Default `filters`. */
  readonly param?: FilterParam;
  /** A live catalog (`available_filters`), as the compiler takes it, instead of the built-in one. */
  readonly catalog?: unknown;
}

export interface UsableField {
  /** The catalog's path, placeholders (`$tld`) included. */
  readonly path: string;
  readonly type: FieldType;
  /** The operators it takes without a warning, in the Backlinks type list's order. */
  readonly operators: readonly Operator[];
}

export interface Scope {
  readonly catalog: ResolvedCatalog;
  readonly fields: readonly UsableField[];
  /** The endpoint's own limit (1 on on_page/redirect_chains), else the API's 8. */
  readonly maxConditions: number;
  /** Comparisons may name another field (`"$item->g"`): documented for some Labs endpoints. */
  readonly references: boolean;
}

/** The catalog the options name. Throws `DfsqError` as the compiler would report the options,
 * and `RangeError` where no catalog of the parameter's fields is known (nothing to generate from). */
export function resolveScope(options: GeneratorOptions, target: "filters" | "order_by" = "filters"): Scope {
  const bag = new DiagnosticBag("");
  const catalog = resolveCatalog({ ...options, ...(target === "order_by" ? { param: undefined } : {}) }, bag, target);
  if (bag.errorCount > 0) throw new DfsqError(bag.sorted());
  if (catalog?.fields === undefined) {
    throw new RangeError(`dfsq/testing: no catalog of the fields of ${options.endpoint} ${options.param ?? "filters"} is known; pass one as \`catalog\``);
  }
  const fields = Object.entries(catalog.fields.fields)
    .map(([path, type]) => ({
      path,
      type,
      operators: OPERATORS.filter((op) => judgeOperator(catalog, type, op).kind === "allowed"),
    }))
    .filter((f) => f.operators.length > 0);
  return {
    catalog,
    fields,
    maxConditions: resolveLimits({}, catalog.endpoint?.maxConditions).maxConditions,
    references: catalog.endpoint?.fieldReferences === "documented",
  };
}

/** The fields order_by takes without a warning: sortable ones and the endpoint's sort keys. */
export function sortableFields(scope: Scope): { readonly path: string; readonly type?: FieldType }[] {
  const catalog = scope.catalog.fields!;
  return [
    ...Object.entries(catalog.fields)
      .filter(([pattern, type]) => sortability({ pattern, type }) === "sortable")
      .map(([path, type]) => ({ path, type })),
    ...catalog.sortKeys.filter((key) => !(key in catalog.fields)).map((path) => ({ path })),
  ];
}
