import { judgeOperator } from "../../catalog/operators.js";
import { hints, messages } from "../../diagnostics/messages.js";
import { unreachable, type Operator } from "../../syntax/ast.js";
import type { FilterRule } from "../rule.js";

/**
 * The operator must suit the field's type under the endpoint's API (filters-spec.md 2.1) and be
 * one the endpoint's page lists (2.2): no `like` on numbers, no `>` on strings, no `ilike` on
 * Content Analysis, `has` only on arrays, no `regex` on Domain Analytics Technologies. Where
 * DataForSEO's pages disagree the verdict is a warning that names both; where it rests on a
 * guess, a warning that says what is guessed.
 */
export const operatorAllowedRule: FilterRule = (leaf, ctx) => {
  const catalog = ctx.catalog;
  if (catalog === undefined || leaf.kind === "bare") return;
  const match = ctx.fieldOf(leaf.field.path);
  if (match === undefined) return;
  const ops: readonly Operator[] =
    leaf.kind === "condition" ? [leaf.op] : leaf.negated ? ["<", ">"] : [">=", "<="];
  const spanNode = leaf.kind === "condition" ? { span: leaf.opSpan, at: leaf.at } : leaf;
  for (const op of ops) {
    const verdict = judgeOperator(catalog, match.type, op);
    switch (verdict.kind) {
      case "allowed":
        break;
      case "conflict":
        ctx.bag.reportAt("operator_conflict", spanNode, messages.operatorConflict(op, leaf.field.path, verdict.reason));
        break;
      case "unverified":
        ctx.bag.reportAt("operator_unverified", spanNode, messages.operatorUnverified(op, leaf.field.path, verdict.reason));
        break;
      case "not_allowed":
        ctx.bag.reportAt("operator_not_allowed", spanNode, messages.operatorNotAllowed(op, leaf.field.path, match.type, verdict.reason), {
          hint: hints.allowedOperators(verdict.allowed),
        });
        return;
      default:
        unreachable(verdict);
    }
  }
};
