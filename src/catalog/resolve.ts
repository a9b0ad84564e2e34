import { makeDiagnostic, type DiagnosticBag } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import * as messages from "../diagnostics/messages.js";
import type { CatalogTree, FieldMap } from "./catalog-types.js";
import { catalogData, type BuiltInCatalogs } from "./catalog-data.js";
import { ENDPOINTS, FIELD_TYPES, type EndpointSpec, type FieldType, type FilterParam, type OperatorProfile } from "./endpoints.js";
import { FieldCatalog } from "./field-catalog.js";
import { suggest } from "./suggest.js";

/** The catalog options of the compiler entry points. */
export interface CatalogOptions {
  /** `backlinks/referring_domains`, or a full path such as `/v3/backlinks/referring_domains/live`. */
  readonly endpoint?: string;
  /** Which filter parameter the expression is for. Default `filters`. */
  readonly param?: FilterParam;
  /** A live catalog, shaped like the API's `GET /v3/<api>/available_filters` response (whole, its
   * `result[0]` object, or one `{field: type}` map). Replaces the built-in catalog. */
  readonly catalog?: unknown;
  /** The built-in catalogs, `import { catalogs } from "dfsq/catalogs"`: needed with `endpoint` in
   * a browser bundle only, which leaves them out; Node has them. */
  readonly catalogs?: BuiltInCatalogs;
}

/** What the checks know about the fields of the expression at hand. */
export interface ResolvedCatalog {
  readonly endpoint: EndpointSpec | undefined;
  readonly param: FilterParam;
  /** Undefined when the endpoint takes this parameter but no catalog of its fields is known. */
  readonly fields: FieldCatalog | undefined;
  readonly profile: OperatorProfile;
  /** The endpoint's name for messages: its id, or "the given catalog". */
  readonly name: string;
  /** The built-in catalogs in use, for listings across endpoints (none in a browser bundle
   * that was not given them). */
  readonly catalogs: BuiltInCatalogs | undefined;
}

/** `https://api.dataforseo.com/v3/backlinks/referring_domains/live` → `backlinks/referring_domains`. */
export function normalizeEndpointId(input: string): string {
  return input
    .trim()
    .replace(/^[a-z]+:\/\/[^/]+/i, "")
    .replace(/^\/+/, "")
    .replace(/^v3\//, "")
    .replace(/[?#].*$/, "")
    .replace(/\/+$/, "")
    .replace(/\/(live|task_post)$/, "")
    .toLowerCase();
}

const found = new Map<string, EndpointSpec | undefined>();

export function findEndpoint(input: string): EndpointSpec | undefined {
  const direct = ENDPOINTS.get(input);
  if (direct !== undefined) return direct;
  if (found.has(input)) return found.get(input);
  const spec = ENDPOINTS.get(normalizeEndpointId(input));
  if (found.size < 1000) found.set(input, spec);
  return spec;
}

const builtIn = new WeakMap<BuiltInCatalogs, WeakMap<EndpointSpec, Map<FilterParam, FieldCatalog | undefined>>>();

function subtree(tree: CatalogTree | FieldMap, keys: readonly string[]): CatalogTree | FieldMap | undefined {
  let node: CatalogTree | FieldMap | undefined = tree;
  for (const key of keys) {
    if (node === undefined || isFieldMap(node)) return undefined;
    node = (node as CatalogTree)[key];
  }
  return node;
}

function isFieldMap(value: unknown): value is FieldMap {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((t) => typeof t === "string");
}

function builtInCatalog(data: BuiltInCatalogs, spec: EndpointSpec, param: FilterParam): FieldCatalog | undefined {
  let bySpec = builtIn.get(data);
  if (bySpec === undefined) builtIn.set(data, (bySpec = new WeakMap()));
  let byParam = bySpec.get(spec);
  if (byParam === undefined) bySpec.set(spec, (byParam = new Map()));
  if (byParam.has(param)) return byParam.get(param);
  const catalog = readCatalog(data, spec, param);
  byParam.set(param, catalog);
  return catalog;
}

function readCatalog(data: BuiltInCatalogs, spec: EndpointSpec, param: FilterParam): FieldCatalog | undefined {
  const keys = spec.params[param];
  if (keys === undefined || keys === null) return undefined;
  const source = data.sources()[spec.source];
  const map = subtree(source.result, keys);
  if (map === undefined || !isFieldMap(map)) return undefined;
  const fromExamples = source.examples[keys.join("/")];
  const exampleFields = Object.keys(fromExamples?.fields ?? {});
  const documented =
    source.provenance === "documented" && exampleFields.length === 0
      ? undefined
      : new Set([...(source.provenance === "documented" ? Object.keys(map) : (source.documented[keys.join("/")] ?? [])), ...exampleFields]);
  return new FieldCatalog({ ...map, ...fromExamples?.fields }, source.provenance, documented, fromExamples?.sortKeys);
}

const userCatalogs = new WeakMap<object, Map<string, FieldCatalog | string>>();

/**
 * Reads a user-supplied catalog: the whole `available_filters` response, its `result[0]`, or a
 * field map. Returns the field catalog, or why it cannot be used.
 */
function userCatalog(value: unknown, keys: readonly string[] | undefined): FieldCatalog | string {
  if (typeof value !== "object" || value === null) return "expected a JSON object";
  const cacheKey = keys?.join("/") ?? "";
  const cache = userCatalogs.get(value) ?? new Map<string, FieldCatalog | string>();
  userCatalogs.set(value, cache);
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  let tree: unknown = value;
  const tasks = (value as { tasks?: unknown }).tasks;
  if (Array.isArray(tasks)) {
    const result = (tasks[0] as { result?: unknown } | undefined)?.result;
    tree = Array.isArray(result) ? result[0] : undefined;
  }
  let map: unknown = tree;
  if (!isFieldMap(tree) && keys !== undefined && typeof tree === "object" && tree !== null) {
    map = subtree(tree as CatalogTree, keys);
  }
  let outcome: FieldCatalog | string;
  if (!isFieldMap(map)) {
    outcome =
      keys === undefined
        ? "expected a map of field names to types, or name an endpoint to pick one from a whole catalog"
        : `found no field map under ${keys.map((k) => JSON.stringify(k)).join(" → ")}`;
  } else {
    const bad = Object.entries(map).find(([, t]) => !FIELD_TYPES.includes(t as FieldType));
    outcome =
      bad === undefined
        ? new FieldCatalog(map, "documented", undefined)
        : `the field ${JSON.stringify(bad[0])} has the unknown type ${JSON.stringify(bad[1])}; types are ${FIELD_TYPES.join(", ")}`;
  }
  cache.set(cacheKey, outcome);
  return outcome;
}

const ZERO = { start: 0, end: 0 };

/**
 * Resolves the catalog options, reporting unknown endpoints, parameters the endpoint does not
 * take, and unusable user catalogs. Returns undefined when no catalog applies (untyped checks).
 */
export function resolveCatalog(
  options: CatalogOptions,
  bag: DiagnosticBag,
  target: "filters" | "order_by" = "filters",
): ResolvedCatalog | undefined {
  const param = options.param ?? "filters";
  let endpoint: EndpointSpec | undefined;
  if (options.endpoint !== undefined) {
    endpoint = findEndpoint(options.endpoint);
    if (endpoint === undefined) {
      const close = suggest(normalizeEndpointId(options.endpoint), ENDPOINTS.keys());
      bag.report("unknown_endpoint", ZERO, messages.unknownEndpoint(options.endpoint), {
        data: { endpoint: options.endpoint },
        hint: close.length > 0 ? messages.didYouMean(close) : messages.listEndpointsHint(),
        suggestions: close,
        option: "endpoint",
      });
      return undefined;
    }
    if (target === "order_by" && !endpoint.orderBy) {
      bag.report("unsupported_parameter", ZERO, messages.unsupportedParameter(endpoint.id, "order_by", []), {
        option: "endpoint",
        data: { param: "order_by" },
      });
      return undefined;
    }
    if (!(param in endpoint.params)) {
      bag.report("unsupported_parameter", ZERO, messages.unsupportedParameter(endpoint.id, param, Object.keys(endpoint.params)), {
        option: "param",
        data: { param },
      });
      return undefined;
    }
  }
  const keys = endpoint?.params[param] ?? undefined;
  if (options.catalog !== undefined) {
    const fields = userCatalog(options.catalog, keys);
    if (typeof fields === "string") {
      bag.report("invalid_catalog", ZERO, messages.invalidCatalog(fields), { option: "catalog" });
      return undefined;
    }
    return {
      endpoint,
      param,
      fields,
      profile: endpoint?.profile ?? "generic",
      name: endpoint?.id ?? "the given catalog",
      catalogs: catalogData(options.catalogs),
    };
  }
  if (endpoint === undefined) return undefined;
  const data = catalogData(options.catalogs);
  if (data === undefined) {
    bag.report("catalogs_not_loaded", ZERO, messages.catalogsNotLoaded(endpoint.id), {
      hint: messages.catalogsNotLoadedHint(),
      option: "catalogs",
      data: { endpoint: endpoint.id },
    });
    return undefined;
  }
  const fields = builtInCatalog(data, endpoint, param);
  return { endpoint, param, fields, profile: endpoint.profile, name: endpoint.id, catalogs: data };
}

/** The built-in catalog of one endpoint parameter, for listings; throws where this bundle has no
 * catalogs and none are given (a browser bundle: pass `catalogs` from dfsq/catalogs). */
export function catalogOf(endpoint: EndpointSpec, param: FilterParam, given?: BuiltInCatalogs): FieldCatalog | undefined {
  return builtInCatalog(requireCatalogs(given), endpoint, param);
}

/** The catalogs given or bundled, or a DfsqError (catalogs_not_loaded) that says how to load them. */
export function requireCatalogs(given?: BuiltInCatalogs): BuiltInCatalogs {
  const data = catalogData(given);
  if (data === undefined) {
    const diagnostic = makeDiagnostic("", "catalogs_not_loaded", ZERO, messages.catalogsNotLoaded(), {
      data: {},
      hint: messages.catalogsNotLoadedHint(),
      option: "catalogs",
    });
    throw new DfsqError([diagnostic], `dfsq: ${diagnostic.message}; ${diagnostic.hint}`);
  }
  return data;
}
