import type { CatalogOptions } from "./catalog/resolve.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";

/**
 * Options shared by every compiler entry point. All limits default to the DataForSEO API's own
 * (conditions, sort rules) or to caps that keep hostile input harmless (length, depth, lists).
 */
export interface CompileOptions extends CatalogOptions {
  /** The clock for `now` and `today`: a Date, epoch milliseconds or an ISO string. Default: now. */
  readonly now?: Date | number | string;
  /** `"binary"` (default): every group has two operands, chains nest to the left.
   * `"flat"`: a chain of one connective is one group, `[A, "and", B, "and", C]`. */
  readonly chains?: "binary" | "flat";
  /** Always apply the meaning-preserving rewrites (dedupe, `in`/`not_in` merging), not only when
   * the filter is over `maxConditions`. */
  readonly optimize?: boolean;
  /** Conditions per filter after lowering. The API accepts 8. */
  readonly maxConditions?: number;
  /** Rules per order-by. The API accepts 3. */
  readonly maxSortRules?: number;
  /** Characters of source. Default 16 KiB. */
  readonly maxInputLength?: number;
  /** Nested parentheses and `not`s. Default 32. */
  readonly maxDepth?: number;
  /** Values in one `in` list. Default 1000. */
  readonly maxListLength?: number;
  /** The throwing functions (`compileFilter`, `compileOrderBy`, the template tags) tell it each
   * warning of a compile that succeeds: the checking functions return them in `diagnostics`. */
  readonly onWarning?: (warning: Diagnostic) => void;
}

export interface Limits {
  readonly maxConditions: number;
  readonly maxSortRules: number;
  readonly maxInputLength: number;
  readonly maxDepth: number;
  readonly maxListLength: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxConditions: 8,
  maxSortRules: 3,
  maxInputLength: 16 * 1024,
  maxDepth: 32,
  maxListLength: 1000,
};

/** The limits in force; `endpointMaxConditions` is an endpoint's own cap, which an explicit
 * `maxConditions` overrides. */
export function resolveLimits(options: CompileOptions, endpointMaxConditions?: number): Limits {
  if (
    endpointMaxConditions === undefined &&
    options.maxConditions === undefined &&
    options.maxSortRules === undefined &&
    options.maxInputLength === undefined &&
    options.maxDepth === undefined &&
    options.maxListLength === undefined
  ) {
    return DEFAULT_LIMITS;
  }
  return {
    maxConditions: options.maxConditions ?? endpointMaxConditions ?? DEFAULT_LIMITS.maxConditions,
    maxSortRules: options.maxSortRules ?? DEFAULT_LIMITS.maxSortRules,
    maxInputLength: options.maxInputLength ?? DEFAULT_LIMITS.maxInputLength,
    maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    maxListLength: options.maxListLength ?? DEFAULT_LIMITS.maxListLength,
  };
}
