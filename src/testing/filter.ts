import fc from "fast-check";
import type { Condition, FilterArray, FilterNode } from "../lower/filter-array.js";
import { arbitraryTree, toArrays, type TreeOptions } from "./model.js";
import { resolveScope, type GeneratorOptions } from "./scope.js";

export interface FilterOptions extends GeneratorOptions, TreeOptions {
  /**
   * `"any"` (default): every shape DataForSEO accepts: binary and flat groups, and a single
   * condition wrapped once (`[[f, op, v]]`). `"canonical"`: what `compileFilter` writes (binary
   * groups, a bare condition), so `compileFilter(printFilter(f))` equals `f`.
   */
  readonly shape?: "any" | "canonical";
}

const isGroup = (node: FilterNode): node is Exclude<FilterNode, Condition> => Array.isArray(node[0]);

/** Merges, where `flags` says so, a left operand group into its parent of the same connective:
 * `[[A, "and", B], "and", C]` → `[A, "and", B, "and", C]`, the same filter. */
function flatten(node: FilterNode, flags: () => boolean): FilterNode {
  if (!isGroup(node)) return node;
  const items = node.map((item) => (typeof item === "string" ? item : flatten(item, flags)));
  const [left, connective, ...rest] = items as [FilterNode, string, ...(FilterNode | string)[]];
  const mergeable = isGroup(left) && left[1] === connective && left.every((item, i) => i % 2 === 0 || item === connective);
  return (mergeable && flags() ? [...left, connective, ...rest] : items) as FilterNode;
}

/**
 * `filters` arrays for an endpoint's parameter: fields of its catalog (placeholders filled in),
 * operators DataForSEO's docs agree on for each field's type, values of the field's type, at most
 * `maxConditions` conditions (default: the endpoint's limit). Each field is used once unless
 * `repeatFields`. `validateFilter(f, { endpoint, param })` reports no error for any of them.
 * Throws `DfsqError` for an unknown endpoint or parameter, `RangeError` where no catalog is known.
 */
export function arbitraryFilter(options: FilterOptions): fc.Arbitrary<FilterArray | [Condition]> {
  const scope = resolveScope(options);
  const trees = arbitraryTree(scope, options, false).map(toArrays);
  if (options.shape === "canonical") return trees;
  return fc.tuple(trees, fc.infiniteStream(fc.boolean()), fc.boolean()).map(([node, stream, wrap]) => {
    const flags = stream[Symbol.iterator]();
    const shaped = flatten(node, () => flags.next().value === true);
    return wrap && !isGroup(shaped) ? [shaped] : shaped;
  });
}
