/* What catalog-data.ts reads in the modules for bundlers: no catalogs (see there). */
import type { BuiltInCatalogs } from "./catalog-data.js";

export const catalogs: BuiltInCatalogs | undefined = undefined;
