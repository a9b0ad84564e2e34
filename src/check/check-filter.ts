import type { Expr, OrderByNode } from "../syntax/ast.js";
import type { FilterRule, OrderByRule, RuleContext, RuleScope } from "./rule.js";
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
import { forEachLeaf, type Leaf } from "./walk.js";

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

/** Runs `rules` over every leaf of `expr`, reporting into `ctx.bag`: on each leaf, those whose
 * scope takes it (see RuleScope), in their order. */
export function checkFilterAst(expr: Expr, ctx: RuleContext, rules?: readonly FilterRule[]): void {
  const active = rules ?? (ctx.catalog?.fields === undefined ? untypedRules : typedRules);
  const byLeaf = scopedRules(active);
  forEachLeaf(expr, (leaf, negated) => {
    const key = leaf.kind === "condition" ? leaf.op : leaf.kind === "bare" ? BARE : BETWEEN;
    let applying = byLeaf.get(key);
    if (applying === undefined) byLeaf.set(key, (applying = active.filter((rule) => inScope(rule.scope, leaf))));
    if (applying.length === 0) return;
    const sent = sentConditions(sentOf(leaf, negated));
    for (const rule of applying) rule(leaf, ctx, sent);
  });
}

/** Keys for the leaves that are not conditions (no operator is spelled with a space). */
const BARE = " bare";
const BETWEEN = " between";

/** Per list of rules, the rules that apply to each kind of leaf (a condition's operator, `between`, bare). */
const RULES_BY_LEAF = new WeakMap<readonly FilterRule[], Map<string, readonly FilterRule[]>>();

function scopedRules(rules: readonly FilterRule[]): Map<string, readonly FilterRule[]> {
  let byLeaf = RULES_BY_LEAF.get(rules);
  if (byLeaf === undefined) RULES_BY_LEAF.set(rules, (byLeaf = new Map()));
  return byLeaf;
}

function inScope(scope: RuleScope | undefined, leaf: Leaf): boolean {
  if (scope === undefined) return true;
  if (leaf.kind !== scope.kind) return false;
  return leaf.kind !== "condition" || scope.ops === undefined || scope.ops.has(leaf.op);
}

export const orderByRules: readonly OrderByRule[] = [sortRuleCountRule, duplicateSortFieldRule, sortFieldCommaRule, sortFieldRule, sortFieldNameRule];

export function checkOrderByFields(ast: OrderByNode, ctx: RuleContext): void {
  for (const rule of orderByRules) rule(ast, ctx);
}
