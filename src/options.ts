import { isBuiltInCatalogs } from "./catalog/catalog-data.js";
import { resolveCatalog, type CatalogOptions, type ResolvedCatalog } from "./catalog/resolve.js";
import type { Diagnostic, DiagnosticBag } from "./diagnostics/diagnostic.js";
import * as messages from "./diagnostics/messages.js";
import { dateValue, describeValue, kindOf, readProperty } from "./values/guarded.js";

/**
 * Options shared by every compiler entry point. All limits default to the DataForSEO API's own
 * (conditions, sort rules) or to caps that keep hostile input harmless (length, depth, lists).
 * A limit may be raised up to its ceiling (`LIMIT_CEILINGS`); a larger value, `Infinity`
 * included, means the ceiling.
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
  /** Conditions per filter after lowering. The API accepts 8. Ceiling 10,000. */
  readonly maxConditions?: number;
  /** Rules per order-by. The API accepts 3. Ceiling 10,000. */
  readonly maxSortRules?: number;
  /** Characters of source. Default 16 KiB, ceiling 1 MiB. */
  readonly maxInputLength?: number;
  /** Nested parentheses and `not`s. Default 32, ceiling 256. */
  readonly maxDepth?: number;
  /** Values in one `in` list. Default 1000, ceiling 10,000. */
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

/**
 * The most each limit can be raised to: what the code is tested to handle at once (test/options):
 * 256 nested groups stay far from the call stack's end (the recursive-descent parser overflows
 * near 800 in Node's default stack), and 1 MiB of source, 10,000 conditions, rules or list values
 * compile, print, analyze and evaluate in well under a second each.
 */
export const LIMIT_CEILINGS: Limits = {
  maxConditions: 10_000,
  maxSortRules: 10_000,
  maxInputLength: 1024 * 1024,
  maxDepth: 256,
  maxListLength: 10_000,
};

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as readonly (keyof Limits)[];

/**
 * How many array elements (groups, conditions and their parts, list values, connectives) one raw
 * `filters` value may hold in all; reading stops there, so the cost of a raw value is bounded by
 * the limits, not by its size. Generous enough for anything the compiler emits under the same
 * limits: source text yields at most two elements per character plus one (`a&&b&&c`: bare fields
 * in binary groups), and interpolated or merged lists add at most `maxListLength` values to each
 * of at most `maxConditions` conditions.
 */
export function rawElementBudget(limits: Limits): number {
  return 2 * limits.maxInputLength + 1 + limits.maxConditions * limits.maxListLength;
}

/** Receives each problem found in options: the option's name and what is wrong with it. */
export type OptionProblems = (option: string, message: string) => void;

/**
 * A limit option as given: undefined when absent, the value (at most the ceiling) when it is a
 * whole number from 0 (or `Infinity`), else reported and undefined.
 */
export function readLimit(name: keyof Limits, value: unknown, report: OptionProblems): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number" && value >= 0 && (Number.isInteger(value) || value === Number.POSITIVE_INFINITY)) {
    return Math.min(value, LIMIT_CEILINGS[name]);
  }
  report(name, messages.limitTakes(name, LIMIT_CEILINGS[name], describeValue(value)));
  return undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The options every entry point reads, with the type each must have. */
const OPTION_CHECKS: readonly (readonly [key: string, fits: (value: unknown) => boolean, wants: string])[] = [
  ["endpoint", (v) => typeof v === "string", "a string"],
  ["param", (v) => typeof v === "string", "a string"],
  ["now", (v) => typeof v === "string" || typeof v === "number" || dateValue(v) !== undefined, "a Date, epoch milliseconds or an ISO string"],
  ["chains", (v) => v === "binary" || v === "flat", '"binary" or "flat"'],
  ["optimize", (v) => typeof v === "boolean", "true or false"],
  ["mode", (v) => v === "filter" || v === "orderBy", '"filter" or "orderBy"'],
  ["onWarning", (v) => typeof v === "function", "a function"],
  ["catalogs", isBuiltInCatalogs, 'the `catalogs` of "dfsq/catalogs"'],
];

/**
 * The options an entry point was given, read once and checked: every known option of the wrong
 * type is reported and left out, limits are capped at their ceilings, unknown keys are ignored.
 * Whatever `options` is (a Proxy, an object with throwing getters, a number), this returns a
 * plain object the rest of the compiler can trust.
 */
export function readOptions<T extends CompileOptions & { readonly mode?: string }>(options: unknown, report: OptionProblems): T {
  const out: Mutable<CompileOptions & { mode?: string }> = {};
  if (options === undefined) return out as T;
  const kind = kindOf(options);
  if (kind !== "object") {
    report("options", messages.optionsNotObject(describeValue(options)));
    return out as T;
  }
  const read = (key: string): unknown => {
    const got = readProperty(options as object, key);
    if (!got.ok) report(key, messages.unreadableOption(key));
    return got.ok ? got.value : undefined;
  };
  for (const [key, fits, wants] of OPTION_CHECKS) {
    const value = read(key);
    if (value === undefined) continue;
    // A Date is kept as its time: it is read here, once, and not again through its methods.
    if (fits(value)) (out as Record<string, unknown>)[key] = key === "now" ? (dateValue(value) ?? value) : value;
    else report(key, messages.takes(key, wants, describeValue(value)));
  }
  const catalog = read("catalog");
  if (catalog !== undefined) out.catalog = catalog;
  for (const name of LIMIT_NAMES) {
    const value = readLimit(name, read(name), report);
    if (value !== undefined) out[name] = value;
  }
  return out as T;
}

/** The limits in force; `endpointMaxConditions` is an endpoint's own cap, which an explicit
 * `maxConditions` overrides. `options` must come from `readOptions` (limits already checked). */
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

/**
 * `resolveCatalog` for options from `readOptions`. A user's `catalog` is any object the caller
 * handed in and the catalog reader walks it as JSON; one that throws when read (a revoked Proxy,
 * a throwing getter) is reported as `invalid_catalog` rather than let through.
 */
export function resolveCatalogOption(options: CompileOptions, bag: DiagnosticBag, target: "filters" | "order_by"): ResolvedCatalog | undefined {
  if (options.catalog === undefined) return resolveCatalog(options, bag, target);
  try {
    return resolveCatalog(options, bag, target);
  } catch {
    bag.report("invalid_catalog", { start: 0, end: 0 }, messages.invalidCatalog(messages.things.readingThrew), { option: "catalog" });
    return undefined;
  }
}
