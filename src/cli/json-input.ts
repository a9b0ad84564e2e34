import type { CliIo } from "./io.js";

const SORT_RULE = /,(asc|desc)$/;

/** An array of `"field,asc|desc"` strings reads as an order-by; anything else as a filter. */
export function looksLikeOrderBy(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && SORT_RULE.test(v));
}

/** Parses JSON given on the command line; on failure says so on stderr and returns undefined. */
export function parseJsonInput(text: string, io: CliIo): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    io.stderr(`error[invalid_filter]: the input is not JSON: ${(e as Error).message}\n`);
    return undefined;
  }
}
