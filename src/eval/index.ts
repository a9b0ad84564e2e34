/*
 * dfsq/eval: the reference evaluator, filters run against JSON items offline. Its own entry
 * point because it brings re2js (RE2 semantics in linear time), which the compiler does not need.
 */
export { compileMatcher, evaluateFilter, matchItems, type EvaluateOptions, type ItemMatcher } from "./evaluate.js";
export { DfsqError } from "../diagnostics/error.js";
