import fc from "fast-check";
import type { OrderByArray } from "../lower/filter-array.js";
import { DEFAULT_LIMITS } from "../options.js";
import { resolveScope, sortableFields, type GeneratorOptions } from "./scope.js";
import { concretePath } from "./values.js";

export interface OrderByOptions extends Omit<GeneratorOptions, "param"> {
  /** At most this many rules; default and cap: the API's 3. */
  readonly maxRules?: number;
}

/**
 * `order_by` arrays for an endpoint: 1 to `maxRules` rules `"field,asc|desc"` on distinct fields
 * it sorts by (no array fields, no TLD keys, none whose sorting is undocumented) and its own sort
 * keys. `validateOrderBy(o, { endpoint })` reports nothing for any of them. Throws `DfsqError`
 * for an unknown endpoint or one that takes no order_by, `RangeError` where no catalog is known.
 */
export function arbitraryOrderBy(options: OrderByOptions): fc.Arbitrary<OrderByArray> {
  const scope = resolveScope(options, "order_by");
  const max = options.maxRules ?? DEFAULT_LIMITS.maxSortRules;
  if (!Number.isInteger(max) || max < 1 || max > DEFAULT_LIMITS.maxSortRules) {
    throw new RangeError(`dfsq/testing: maxRules must be an integer from 1 to ${DEFAULT_LIMITS.maxSortRules} (the API's limit), got ${max}`);
  }
  const fields = sortableFields(scope);
  if (fields.length === 0) throw new RangeError(`dfsq/testing: ${options.endpoint} has no field to sort by`);
  return fc
    .shuffledSubarray(fields, { minLength: 1, maxLength: Math.min(max, fields.length) })
    .chain((chosen) => fc.tuple(...chosen.map((f) => fc.tuple(concretePath(f.path), fc.constantFrom("asc", "desc")))))
    .map((rules) => rules.map(([path, direction]) => `${path},${direction}`));
}
