import fc from "fast-check";
import type { FieldType } from "../catalog/endpoints.js";
import { isPlaceholder } from "../catalog/field-catalog.js";
import { resolveScope, type GeneratorOptions } from "./scope.js";
import { placeholderKey, scalarOf } from "./values.js";

/*
 * Items shaped like an endpoint's results, built from its catalog: each dotted path is a chain of
 * nested objects, a placeholder segment a map with a few keys (`referring_links_tld: {com: 3}`),
 * each field a value of its type or, now and then, null (the API's "no value"). Values come from
 * the pools the filter generators use, so generated filters match generated items now and then.
 */

export interface ItemOptions extends GeneratorOptions {
  /** How often a field is null, 0 to 1. Default 0.1. */
  readonly nullRate?: number;
}

/** The catalog's paths as a tree of segments. */
interface Trie {
  type?: FieldType;
  readonly children: Map<string, Trie>;
}

function trieOf(paths: readonly (readonly [string, FieldType])[]): Trie {
  const root: Trie = { children: new Map() };
  for (const [path, type] of paths) {
    let node = root;
    for (const segment of path.split(".")) {
      let next = node.children.get(segment);
      if (next === undefined) node.children.set(segment, (next = { children: new Map() }));
      node = next;
    }
    node.type = type;
  }
  return root;
}

function valueOf(type: FieldType, nullRate: number): fc.Arbitrary<unknown> {
  const value = type === "array.str" || type === "array.num" ? fc.array(scalarOf(type), { maxLength: 4 }) : scalarOf(type);
  const weight = Math.round(nullRate * 100);
  return weight === 0 ? value : fc.oneof({ weight: 100 - weight, arbitrary: value }, { weight, arbitrary: fc.constant(null) });
}

function objectOf(node: Trie, depth: number, nullRate: number): fc.Arbitrary<unknown> {
  if (node.children.size === 0) return valueOf(node.type ?? "str", nullRate);
  const named: Record<string, fc.Arbitrary<unknown>> = {};
  const maps: fc.Arbitrary<Record<string, unknown>>[] = [];
  for (const [segment, child] of node.children) {
    const inner = objectOf(child, depth + 1, nullRate);
    if (!isPlaceholder(segment)) named[segment] = inner;
    else {
      const keys = placeholderKey(segment, depth).filter((key) => !node.children.has(key));
      maps.push(fc.dictionary(keys, inner, { maxKeys: 3 }));
    }
  }
  return fc.tuple(fc.record(named), ...maps).map(([fixed, ...dynamic]) => Object.assign({}, ...dynamic, fixed) as Record<string, unknown>);
}

/**
 * Items like the results of an endpoint's parameter (for `evaluateFilter` and `matchItems` from
 * dfsq/eval): plain JSON objects holding every field of its catalog. Throws as `arbitraryFilter`.
 */
export function arbitraryItem(options: ItemOptions): fc.Arbitrary<Record<string, unknown>> {
  const nullRate = options.nullRate ?? 0.1;
  if (!(nullRate >= 0 && nullRate <= 1)) throw new RangeError(`dfsq/testing: nullRate must be from 0 to 1, got ${nullRate}`);
  const scope = resolveScope(options);
  const fields = Object.entries(scope.catalog.fields!.fields);
  return objectOf(trieOf(fields), 0, nullRate) as fc.Arbitrary<Record<string, unknown>>;
}
