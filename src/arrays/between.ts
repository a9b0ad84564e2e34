import type { ChainNode, ConditionNode, Connective, Expr, Operator, Value } from "../syntax/ast.js";

/*
 * How a range looks in the API's arrays: DataForSEO has no `between`, so `f between a and b` is
 * sent as `[[f,">=",a],"and",[f,"<=",b]]` and `f not between a and b` as its complement
 * `[[f,"<",a],"or",[f,">",b]]`. The printer writes such a pair back as `between`, and the array
 * reader counts it as the printer prints it.
 */

/** The two comparisons a range is sent as, by the connective that joins them: `between` (and) and
 * `not between` (or). check/sent.ts sends them; `betweenOf` reads them back. */
export const BETWEEN_SHAPE: Readonly<Record<Connective, readonly [low: Operator, high: Operator]>> = {
  and: [">=", "<="],
  or: ["<", ">"],
};

const isBound = (operand: ConditionNode["operand"]): operand is Value =>
  operand.kind === "number" || operand.kind === "time" || (operand.kind === "string");

/** The parts of a chain that reads as `f between a and b` (`[[f,">=",a],"and",[f,"<=",b]]`) or as
 * `f not between a and b` (its `or` complement); undefined for any other chain. */
export function betweenOf(chain: ChainNode): { field: ConditionNode["field"]; low: Value; high: Value; negated: boolean } | undefined {
  if (chain.operands.length !== 2) return undefined;
  const [lo, hi] = chain.operands as [Expr, Expr];
  if (lo.kind !== "condition" || hi.kind !== "condition" || lo.field.path !== hi.field.path) return undefined;
  if (!isBound(lo.operand) || !isBound(hi.operand)) return undefined;
  const [low, high] = BETWEEN_SHAPE[chain.op];
  if (lo.op !== low || hi.op !== high) return undefined;
  return { field: lo.field, low: lo.operand, high: hi.operand, negated: chain.op === "or" };
}
