import type { Expr, OrderByNode } from "../syntax/ast.js";
import type { FilterRule, OrderByRule, RuleContext } from "./rule.js";
import { bareFieldRule } from "./rules/bare-field.js";
import { fieldReferenceRule } from "./rules/field-reference.js";
import { likeLengthRule } from "./rules/like-length.js";
import { likeWildcardRule } from "./rules/like-wildcard.js";
import { listLengthRule } from "./rules/list-length.js";
import { nullComparisonRule } from "./rules/null-comparison.js";
import { operatorAllowedRule } from "./rules/operator-allowed.js";
import { quotedTimeRule } from "./rules/quoted-time.js";
import { regexRule } from "./rules/regex.js";
import { regexCostRule } from "./rules/regex-cost.js";
import { regexControlRule } from "./rules/regex-control.js";
import { duplicateSortFieldRule } from "./rules/duplicate-sort-field.js";
import { sortFieldRule } from "./rules/sort-field.js";
import { sortFieldCommaRule } from "./rules/sort-field-comma.js";
import { sortFieldNameRule } from "./rules/sort-field-name.js";
import { sortRuleCountRule } from "./rules/sort-rule-count.js";
import { unknownFieldRule } from "./rules/unknown-field.js";
import { valueShapeRule } from "./rules/value-shape.js";
import { valueTypeRule } from "./rules/value-type.js";
import { sentConditions, sentOf } from "./sent.js";
import { forEachLeaf } from "./walk.js";

/** The checks that hold for every endpoint: value shapes per operator, and API-wide cautions. */
export const untypedRules: readonly FilterRule[] = [
  listLengthRule,
  quotedTimeRule,
  valueShapeRule,
  fieldReferenceRule,
  regexRule,
  regexCostRule,
  regexControlRule,
  likeWildcardRule,
  likeLengthRule,
  nullComparisonRule,
];

/** With a field catalog, the untyped checks plus the field's existence, operators and types. */
export const typedRules: readonly FilterRule[] = [
  unknownFieldRule,
  operatorAllowedRule,
  valueTypeRule,
  bareFieldRule,
  ...untypedRules,
];

/** Runs `rules` over every leaf of `expr`, reporting into `ctx.bag`. */
export function checkFilterAst(expr: Expr, ctx: RuleContext, rules?: readonly FilterRule[]): void {
  const active = rules ?? (ctx.catalog?.fields === undefined ? untypedRules : typedRules);
  forEachLeaf(expr, (leaf, negated) => {
    const sent = sentConditions(sentOf(leaf, negated));
    for (const rule of active) rule(leaf, ctx, sent);
  });
}

export const orderByRules: readonly OrderByRule[] = [sortRuleCountRule, duplicateSortFieldRule, sortFieldCommaRule, sortFieldRule, sortFieldNameRule];

export function checkOrderByFields(ast: OrderByNode, ctx: RuleContext): void {
  for (const rule of orderByRules) rule(ast, ctx);
}
