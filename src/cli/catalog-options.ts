import { readFileSync } from "node:fs";
import { FILTER_PARAMS, type FilterParam } from "../catalog/endpoints.js";
import type { CatalogOptions } from "../catalog/resolve.js";
import { toEpochMs } from "../values/time.js";
import type { OptionSpecs } from "./args.js";
import { UsageError } from "./io.js";

/** `--endpoint`, `--param` and `--catalog`, as the commands that check expressions take them. */
export const CATALOG_OPTIONS = {
  endpoint: {
    type: "string",
    short: "e",
    value: "<id>",
    help: "check fields, operators and values against this endpoint's catalog:\nbacklinks/referring_domains, dataforseo_labs/google/ranked_keywords,\nor a path such as /v3/backlinks/referring_domains/live;\ndfsq endpoints lists them",
  },
  param: {
    type: "string",
    value: "<p>",
    help: "the filter parameter: filters (default), backlinks_filters,\ninitial_dataset_filters, relevant_pages_filters",
  },
  catalog: {
    type: "string",
    value: "<file>",
    help: "a live catalog (dfsq catalog fetch) instead of the built-in one",
  },
} as const satisfies OptionSpecs;

export const NOW_OPTION = {
  type: "string",
  value: "<time>",
  help: "the clock for now/today (ISO 8601: 2024-03-01T00:00:00Z), for\nreproducible output",
} as const satisfies OptionSpecs[string];

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

/**
 * `--now` as the compiler's clock. Checked here, whether or not the expression says `now`: the
 * compiler reads the clock only when it needs it, and a typo on the command line should not wait
 * for the day an expression uses it.
 */
export function nowOption(text: string | undefined): { now?: string } {
  if (text === undefined) return {};
  if (Number.isNaN(toEpochMs(text))) {
    throw new UsageError(`--now takes an ISO 8601 date or instant (2024-03-01, 2024-03-01T12:00:00Z), got ${JSON.stringify(text)}`);
  }
  return { now: text };
}
