import * as z from "zod/mini";
import * as messages from "../diagnostics/messages.js";
import type { Condition, FilterNode, OrderByArray, Scalar } from "../lower/filter-array.js";
import { OPERATORS } from "../syntax/ast.js";
import { LIST_OPERATORS } from "../syntax/operators.js";

/*
 * The wire formats of `filters` and `order_by`, as zod schemas, for users who compose them into
 * their own (a task schema, a config file). They accept what DataForSEO accepts: a bare condition,
 * a condition wrapped once, binary or flat groups of one connective each.
 *
 * zod/mini, imported as a namespace: a browser bundle keeps only the zod it calls (a few KB),
 * where zod classic's methods bring all of zod (about 100 KB gzipped). Mini schemas are zod
 * schemas: they compose into classic ones. Each is built behind `@__PURE__`, so a bundle that
 * imports `validateFilter` alone drops them and zod with them.
 */

export const ScalarSchema: z.ZodMiniType<Scalar> = /* @__PURE__ */ z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const OperatorSchema = /* @__PURE__ */ z.enum(OPERATORS as [(typeof OPERATORS)[number], ...(typeof OPERATORS)[number][]]);

export const ConnectiveSchema = /* @__PURE__ */ z.enum(["and", "or"]);

/** `[field, operator, value]`: `in`/`not_in` take a non-empty array, the others one value. */
export const ConditionSchema: z.ZodMiniType<Condition> = /* @__PURE__ */ z
  .tuple([z.string().check(z.minLength(1, messages.emptyFieldName())), OperatorSchema, z.union([ScalarSchema, z.array(ScalarSchema)])])
  .check(z.superRefine(([, op, value], ctx) => {
    const wantsList = LIST_OPERATORS.has(op);
    if (wantsList && !Array.isArray(value)) {
      ctx.addIssue({ code: "custom", path: [2], message: messages.listOperatorTakesArray(op) });
    } else if (wantsList && Array.isArray(value) && value.length === 0) {
      ctx.addIssue({ code: "custom", path: [2], message: messages.emptyList(), params: { dfsq: "empty_list" } });
    } else if (!wantsList && Array.isArray(value)) {
      ctx.addIssue({ code: "custom", path: [2], message: messages.operatorTakesOneValue(op) });
    }
  })) as z.ZodMiniType<Condition>;

/** Operands at even positions, one connective at the odd ones, at least two operands. */
export const GroupSchema: z.ZodMiniType<FilterNode> = /* @__PURE__ */ z.lazy(() =>
  z.array(z.union([FilterNodeSchema, ConnectiveSchema])).check(
    z.superRefine((items, ctx) => {
      if (items.length < 3 || items.length % 2 === 0) {
        ctx.addIssue({
          code: "custom",
          message: messages.groupLength(items.length),
        });
        return;
      }
      let connective: unknown;
      items.forEach((item, i) => {
        const isConnective = item === "and" || item === "or";
        if (i % 2 === 1 && !isConnective) ctx.addIssue({ code: "custom", path: [i], message: messages.expectedConnective() });
        if (i % 2 === 0 && isConnective) ctx.addIssue({ code: "custom", path: [i], message: messages.expectedConditionOrGroup() });
        if (i % 2 === 1 && isConnective) {
          if (connective !== undefined && item !== connective) {
            ctx.addIssue({
              code: "custom",
              path: [i],
              message: messages.mixedConnectives(),
              params: { dfsq: "mixed_connectives" },
            });
          }
          connective ??= item;
        }
      });
    }),
  ),
) as unknown as z.ZodMiniType<FilterNode>;

/** A condition or a group. */
export const FilterNodeSchema: z.ZodMiniType<FilterNode> = /* @__PURE__ */ z.lazy(() => z.union([ConditionSchema, GroupSchema]));

/** A whole `filters` value: a condition or a group, or a single condition wrapped once. */
export const FilterSchema: z.ZodMiniType<FilterNode | [Condition]> = /* @__PURE__ */ z.union([FilterNodeSchema, z.tuple([ConditionSchema])]);

/** An `order_by` value: one to any number of `"field,asc"` / `"field,desc"` strings, whose field
 * holds no comma (the API would end the field there) and no line break (as the compiler requires). */
export const OrderBySchema: z.ZodMiniType<OrderByArray> = /* @__PURE__ */ z
  .array(z.string().check(z.regex(/^[^,\n\r\u2028\u2029]+,(?:asc|desc)$/, messages.expectedSortRule())))
  .check(z.minLength(1, messages.emptyOrderBy()));
