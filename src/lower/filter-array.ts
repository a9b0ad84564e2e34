import type { Connective, Operator } from "../syntax/ast.js";

/*
 * The wire shapes DataForSEO takes. Mutable arrays on purpose: they are handed to JSON and to
 * clients typed `any[]`, which a readonly array would not fit.
 */

export type Scalar = string | number | boolean | null;

/** `[field, operator, value]`; `in`/`not_in` take an array of values. */
export type Condition = [field: string, operator: Operator, value: Scalar | Scalar[]];

/** Operands joined by `"and"`/`"or"` at odd positions. dfsq writes two operands per group unless
 * `chains: "flat"`. */
export type FilterGroup = [FilterNode, Connective, FilterNode, ...(FilterNode | Connective)[]];

export type FilterNode = Condition | FilterGroup;

/** A complete `filters` value: a bare condition or a group. */
export type FilterArray = FilterNode;

/** An `order_by` value: `["rank,desc", "backlinks,asc"]`. */
export type OrderByArray = string[];
