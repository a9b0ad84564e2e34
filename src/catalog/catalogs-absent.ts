/* What `#catalog-data` is in a browser bundle: no catalogs (see catalog-data.ts). */
import type { BuiltInCatalogs } from "./catalog-data.js";

export const catalogs: BuiltInCatalogs | undefined = undefined;
