/*
 * dfsq/validate: raw `filters` and `order_by` values in, and zod schemas of the same structures.
 * Its own entry point because zod is a peer of the caller's (they compose these schemas into
 * theirs) and costs a cold start that the compiler alone does not need.
 */
export { validateFilter, validateOrderBy } from "./validate.js";
export { validateRequest, validateTask, type ValidateTaskOptions } from "./validate-task.js";
export {
  ConditionSchema,
  ConnectiveSchema,
  FilterNodeSchema,
  FilterSchema,
  GroupSchema,
  OperatorSchema,
  OrderBySchema,
  ScalarSchema,
} from "./schemas.js";
export type { CheckResult } from "../compile.js";
export { DfsqError } from "../diagnostics/error.js";
