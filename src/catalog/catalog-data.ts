import { catalogs as bundled } from "./built-in.js";
import type { CatalogSourceData } from "./catalog-types.js";
import type { CatalogSource } from "./endpoints.js";

/*
 * Where the field catalogs come from. They are most of the core's size (~8 KB gzipped of data), and
 * a browser app that never names an endpoint should not pay for them. In Node the import above is
 * the data (in the core chunk, which dfsq/catalogs re-exports), so `endpoint` just works: one file
 * fewer to load than with the data apart (import 51.4 → 48.2 ms on this machine). The modules for bundlers (package.json "exports", condition "browser";
 * scripts/build.mjs) read catalogs-absent.ts instead: a page that names endpoints imports
 * `catalogs` from "dfsq/catalogs" and passes it as the `catalogs` option. The sources (and the
 * tests) always see the data.
 */

/** dfsq's built-in field catalogs, as `import { catalogs } from "dfsq/catalogs"` gives them. */
export interface BuiltInCatalogs {
  /** The catalog of each `available_filters` source, parsed on first use. */
  readonly sources: () => Readonly<Record<CatalogSource, CatalogSourceData>>;
}

const loaded: BuiltInCatalogs | undefined = bundled;

/** The catalogs to use: those given, else the ones this bundle carries (none in a browser bundle). */
export function catalogData(given?: BuiltInCatalogs): BuiltInCatalogs | undefined {
  return given ?? loaded;
}

/** Whether `value` is what dfsq/catalogs exports (checked where options come from JavaScript). */
export function isBuiltInCatalogs(value: unknown): value is BuiltInCatalogs {
  return typeof value === "object" && value !== null && typeof (value as { sources?: unknown }).sources === "function";
}
