import { judgeOperator } from "../../catalog/operators.js";
import * as hints from "../../diagnostics/hints.js";
import * as messages from "../../diagnostics/messages.js";
import type { FilterRule } from "../rule.js";

/**
 * The operator sent must suit the field's type under the endpoint's API (filters-spec.md 2.1) and
 * be one the endpoint's page lists (2.2): no `like` on numbers, no `>` on strings, no `ilike` on
 * Content Analysis, `has` only on arrays, no `regex` on Domain Analytics Technologies. Judged on
 * what is sent, so `not (first_seen < x)` is judged as the `>=` it becomes. Where DataForSEO's
 * pages disagree the verdict is a warning that names both; where it rests on a guess, a warning
 * that says what is guessed.
 */
export const operatorAllowedRule: FilterRule = (leaf, ctx, sent) => {
  const catalog = ctx.catalog;
  if (catalog === undefined) return;
  const match = ctx.fieldOf(leaf.field.path);
  if (match === undefined) return;
  for (const condition of sent) {
    // `field = true` from a bare field: whether the field is a boolean is the bare-field rule's verdict.
    if (leaf.kind === "bare" && match.type !== "bool") return;
    const spanNode = { span: condition.opSpan, at: leaf.at };
    const { op, written } = condition;
    const verdict = judgeOperator(catalog, match.type, op);
    switch (verdict.kind) {
      case "allowed":
        break;
      case "conflict":
        ctx.bag.reportAt("operator_conflict", spanNode, messages.operatorConflict(op, leaf.field.path, verdict.reason, written), {
          data: { operator: op, field: leaf.field.path, reason: verdict.reason },
        });
        break;
      case "unverified":
        ctx.bag.reportAt("operator_unverified", spanNode, messages.operatorUnverified(op, leaf.field.path, verdict.reason, written), {
          data: { operator: op, field: leaf.field.path, reason: verdict.reason },
        });
        break;
      case "not_allowed":
        ctx.bag.reportAt("operator_not_allowed", spanNode, messages.operatorNotAllowed(op, leaf.field.path, match.type, verdict.reason, written), {
          hint: hints.allowedOperators(verdict.allowed),
          data: { operator: op, field: leaf.field.path, fieldType: match.type },
        });
        return;
    }
  }
};
