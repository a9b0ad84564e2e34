/* The built-in field catalogs as one value: what dfsq/catalogs exports and, outside a browser
 * bundle, what the core uses by default (see catalog-data.ts). */
import type { BuiltInCatalogs } from "./catalog-data.js";
import { catalogSources } from "./catalogs.generated.js";

export const catalogs: BuiltInCatalogs = Object.freeze({ sources: catalogSources });
