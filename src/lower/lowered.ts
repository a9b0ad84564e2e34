import type { JsonLocation, Span } from "../diagnostics/diagnostic.js";
import type { Connective, Operator } from "../syntax/ast.js";
import type { Condition, FilterNode, Scalar } from "./filter-array.js";

/*
 * The lowered tree: conditions exactly as the API will receive them, grouped in n-ary chains.
 * `not` is gone and `between` is expanded; rewrites and the condition count work here, and
 * `emit` writes the arrays. Every condition keeps the span (or JSON location) it came from.
 */

export interface LoweredCondition {
  readonly kind: "cond";
  readonly field: string;
  readonly op: Operator;
  readonly value: Scalar | Scalar[];
  readonly span: Span;
  readonly at?: JsonLocation;
}

export interface LoweredGroup {
  readonly kind: "group";
  readonly op: Connective;
  readonly items: readonly LoweredNode[];
}

export type LoweredNode = LoweredCondition | LoweredGroup;

/** Builds a group, splicing a first operand of the same connective: `(a and b) and c` is
 * `a and b and c`, while `a and (b and c)` keeps its right-hand group. */
export function group(op: Connective, items: readonly LoweredNode[]): LoweredNode {
  if (items.length === 1) return items[0]!;
  const first = items[0];
  if (first !== undefined && first.kind === "group" && first.op === op) {
    return { kind: "group", op, items: [...first.items, ...items.slice(1)] };
  }
  return { kind: "group", op, items };
}

/** How many conditions a tree has (recursion only as deep as its groups nest). */
export function countConditions(node: LoweredNode): number {
  if (node.kind === "cond") return 1;
  let n = 0;
  for (const item of node.items) n += item.kind === "cond" ? 1 : countConditions(item);
  return n;
}

/** Conditions in output order (left to right). */
export function conditionsOf(node: LoweredNode): LoweredCondition[] {
  const out: LoweredCondition[] = [];
  const stack: LoweredNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === "cond") out.push(n);
    else for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]!);
  }
  return out;
}

/** Writes the arrays: binary groups nested to the left (the API's documented shape), or flat. */
export function emit(node: LoweredNode, chains: "binary" | "flat"): FilterNode {
  if (node.kind === "cond") {
    const value = Array.isArray(node.value) ? node.value.slice() : node.value;
    return [node.field, node.op, value] as Condition;
  }
  const { items, op } = node;
  if (chains === "flat") {
    // Straight into the output: no array of the operands first (at 10,000 conditions that copy
    // was a tenth of the emit).
    const out: (FilterNode | Connective)[] = [emit(items[0]!, chains)];
    for (let i = 1; i < items.length; i++) out.push(op, emit(items[i]!, chains));
    return out as FilterNode;
  }
  let acc = emit(items[0]!, chains);
  for (let i = 1; i < items.length; i++) acc = [acc, op, emit(items[i]!, chains)];
  return acc;
}
