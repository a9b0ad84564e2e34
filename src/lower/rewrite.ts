import type { Connective } from "../syntax/ast.js";
import type { Scalar } from "./filter-array.js";
import { FIELD_REFERENCE_PREFIX } from "../syntax/operators.js";
import { group, type LoweredCondition, type LoweredNode } from "./lowered.js";

/*
 * Rewrites that keep a filter's meaning and lower its condition count, applied when a filter is
 * over the API's limit (or always, with `optimize`):
 *  - a chain of one connective is one chain, whatever its parentheses (and/or are associative);
 *  - an operand that repeats an earlier one in its chain is dropped;
 *  - `f = a or f = b or f in (c)` becomes `f in (a, b, c)`;
 *  - `f <> a and f <> b and f not_in (c)` becomes `f not_in (a, b, c)`.
 */

/** Whether `op` may be sent on `field` without a new diagnostic (with a catalog: its verdict is
 * "allowed"). Merging `=` into `in` must not send an operator the checks never judged. */
export type MayUse = (field: string, op: "in" | "not_in") => boolean;

const anything: MayUse = () => true;

/** What the rewrites did, so that a caller can say so. */
export interface RewriteLog {
  /** Operands dropped as repeats of an earlier one in their chain. */
  dropped: number;
  /** Conditions on one field merged into one `in` / `not_in`. */
  readonly merged: { readonly field: string; readonly op: "in" | "not_in"; readonly from: number }[];
}

export function optimizeFilter(node: LoweredNode, maxListLength: number, mayUse: MayUse = anything, log?: RewriteLog): LoweredNode {
  if (node.kind === "cond") return node;
  const items: LoweredNode[] = [];
  for (const child of node.items) {
    const optimized = optimizeFilter(child, maxListLength, mayUse, log);
    if (optimized.kind === "group" && optimized.op === node.op) items.push(...optimized.items);
    else items.push(optimized);
  }
  const unique = dedupe(items);
  if (log !== undefined) log.dropped += items.length - unique.length;
  return group(node.op, merge(node.op, unique, maxListLength, mayUse, log));
}

function key(node: LoweredNode): string {
  return node.kind === "cond"
    ? JSON.stringify([node.field, node.op, node.value])
    : `${node.op}(${node.items.map(key).join(",")})`;
}

function dedupe(items: readonly LoweredNode[]): LoweredNode[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** In an `or` chain, `=` and `in` merge into `in`; in an `and` chain, `<>` and `not_in` into `not_in`. */
const MERGEABLE = {
  or: { single: "=", list: "in" },
  and: { single: "<>", list: "not_in" },
} as const;

function mergeableValues(cond: LoweredCondition, op: Connective): Scalar[] | undefined {
  const rule = MERGEABLE[op];
  if (cond.op === rule.list && Array.isArray(cond.value)) return cond.value;
  if (cond.op !== rule.single || Array.isArray(cond.value)) return undefined;
  const v = cond.value;
  // null and field references mean something else inside a list.
  if (v === null || (typeof v === "string" && v.startsWith(FIELD_REFERENCE_PREFIX))) return undefined;
  return [v];
}

function merge(op: Connective, items: LoweredNode[], maxListLength: number, mayUse: MayUse, log: RewriteLog | undefined): LoweredNode[] {
  const byField = new Map<string, { index: number; values: Scalar[]; keys: Set<string>; count: number }>();
  items.forEach((item, index) => {
    if (item.kind !== "cond") return;
    const values = mergeableValues(item, op);
    if (values === undefined) return;
    const entry = byField.get(item.field) ?? { index, values: [], keys: new Set<string>(), count: 0 };
    for (const v of values) {
      const k = JSON.stringify(v);
      if (!entry.keys.has(k)) {
        entry.keys.add(k);
        entry.values.push(v);
      }
    }
    entry.count++;
    byField.set(item.field, entry);
  });
  const merged = new Map<number, LoweredCondition>();
  const absorbed = new Set<number>();
  for (const [field, entry] of byField) {
    if (entry.count < 2 || entry.values.length > maxListLength || !mayUse(field, MERGEABLE[op].list)) continue;
    const first = items[entry.index] as LoweredCondition;
    merged.set(entry.index, { ...first, field, op: MERGEABLE[op].list, value: entry.values });
    log?.merged.push({ field, op: MERGEABLE[op].list, from: entry.count });
    items.forEach((item, index) => {
      if (index !== entry.index && item.kind === "cond" && item.field === field && mergeableValues(item, op)) {
        absorbed.add(index);
      }
    });
  }
  if (merged.size === 0) return items;
  return items.flatMap((item, index) => (absorbed.has(index) ? [] : [merged.get(index) ?? item]));
}
