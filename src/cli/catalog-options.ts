import { readFileSync } from "node:fs";
import { FILTER_PARAMS, type FilterParam } from "../catalog/endpoints.js";
import type { CatalogOptions } from "../catalog/resolve.js";
import { UsageError } from "./io.js";

/** `--endpoint`, `--param` and `--catalog <file.json>` as compiler options. */
export function catalogOptions(values: { endpoint?: string; param?: string; catalog?: string }): CatalogOptions {
  const param = values.param;
  if (param !== undefined && !FILTER_PARAMS.includes(param as FilterParam)) {
    throw new UsageError(`--param must be one of ${FILTER_PARAMS.join(", ")}`);
  }
  let catalog: unknown;
  if (values.catalog !== undefined) {
    try {
      catalog = JSON.parse(readFileSync(values.catalog, "utf8"));
    } catch (e) {
      throw new UsageError(`cannot read the catalog ${values.catalog}: ${(e as Error).message}`);
    }
  }
  return {
    ...(values.endpoint === undefined ? {} : { endpoint: values.endpoint }),
    ...(param === undefined ? {} : { param: param as FilterParam }),
    ...(catalog === undefined ? {} : { catalog }),
  };
}
