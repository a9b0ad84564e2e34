import type { Operator } from "../syntax/ast.js";
import { isBuiltInCatalogs, type BuiltInCatalogs } from "./catalog-data.js";
import type { Provenance } from "./catalog-types.js";
import { ENDPOINTS, type FieldType, type FilterParam } from "./endpoints.js";
import { sortability } from "./field-catalog.js";
import { operatorCaveats, operatorsFor, type OperatorCaveat } from "./operators.js";
import { catalogOf, findEndpoint, requireCatalogs } from "./resolve.js";

/** An endpoint that takes filters, as `listEndpoints` describes it. */
export interface EndpointInfo {
  readonly id: string;
  readonly path: string;
  /** The filter parameters it takes. */
  readonly params: readonly FilterParam[];
  readonly orderBy: boolean;
  readonly maxConditions: number;
  /** Documented to accept `$item->` field references. */
  readonly fieldReferences: boolean;
  /** Of its field catalog: documented (DataForSEO's own list) or derived (may be incomplete). */
  readonly provenance: Provenance;
  readonly catalogVersion: string;
}

export interface FieldInfo {
  /** The catalog's path; placeholder segments such as `$tld` stand for any one segment. */
  readonly path: string;
  readonly type: FieldType;
  /** Usable in `order_by`: never for a parameter other than `filters`, or on an endpoint
   * without `order_by`. */
  readonly sortable: boolean;
  /** Seen in DataForSEO's docs (every field of a documented catalog). */
  readonly documented: boolean;
  /** The operators it takes on this endpoint and parameter, in the order of the Backlinks type list, including those
   * the docs disagree on or do not confirm (see `caveats`). */
  readonly operators: readonly Operator[];
  /** For each operator of `operators` that is disputed (`conflict`) or rests on a guess
   * (`unverified`): which, and why. The checks warn about these. */
  readonly caveats: Readonly<Partial<Record<Operator, OperatorCaveat>>>;
}

/** Where the listings read the catalogs: needed in a browser bundle only (see `CatalogOptions.catalogs`). */
export interface ListingOptions {
  readonly catalogs?: BuiltInCatalogs;
}

/** `options.catalogs` when it is dfsq/catalogs' export; from JavaScript anything else may come in,
 * and is passed over. */
function givenCatalogs(options: unknown): BuiltInCatalogs | undefined {
  if (typeof options !== "object" || options === null) return undefined;
  try {
    const value = (options as ListingOptions).catalogs;
    return isBuiltInCatalogs(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Every endpoint dfsq has a catalog entry for, sorted by id. */
export function listEndpoints(options: ListingOptions = {}): EndpointInfo[] {
  const sources = requireCatalogs(givenCatalogs(options)).sources();
  return [...ENDPOINTS.values()]
    .map((e) => ({
      id: e.id,
      path: e.path,
      params: Object.keys(e.params) as FilterParam[],
      orderBy: e.orderBy,
      maxConditions: e.maxConditions ?? 8,
      fieldReferences: e.fieldReferences === "documented",
      provenance: sources[e.source].provenance,
      catalogVersion: sources[e.source].version,
    }))
    .toSorted((a, b) => a.id.localeCompare(b.id));
}

/**
 * The fields an endpoint's filter parameter accepts. Returns undefined for an unknown endpoint or
 * a parameter it does not take; an empty list where no catalog of its fields is known.
 */
export function fieldsOf(endpoint: string, param: FilterParam = "filters", options: ListingOptions = {}): FieldInfo[] | undefined {
  // From JavaScript anything may come in: what is not a string names no endpoint or parameter.
  if (typeof endpoint !== "string" || typeof param !== "string") return undefined;
  const spec = findEndpoint(endpoint);
  if (spec === undefined || !(param in spec.params)) return undefined;
  const catalog = catalogOf(spec, param, givenCatalogs(options));
  if (catalog === undefined) return [];
  const scope = { profile: spec.profile, endpoint: spec, param };
  // order_by sorts by the fields of `filters`, on endpoints that take it.
  const sorts = param === "filters" && spec.orderBy;
  return Object.entries(catalog.fields).map(([path, type]) => ({
    path,
    type,
    sortable: sorts && sortability({ pattern: path, type }) !== "not_sortable",
    documented: catalog.isDocumented(path),
    operators: operatorsFor(scope, type),
    caveats: operatorCaveats(scope, type),
  }));
}
