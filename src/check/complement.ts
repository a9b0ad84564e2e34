import type { Connective, Operator } from "../syntax/ast.js";

/** The operator that holds exactly when `op` does not (for present, non-null values). */
export const COMPLEMENT: Readonly<Record<Operator, Operator>> = {
  "=": "<>",
  "<>": "=",
  "<": ">=",
  ">=": "<",
  ">": "<=",
  "<=": ">",
  in: "not_in",
  not_in: "in",
  like: "not_like",
  not_like: "like",
  ilike: "not_ilike",
  not_ilike: "ilike",
  regex: "not_regex",
  not_regex: "regex",
  match: "not_match",
  not_match: "match",
  has: "has_not",
  has_not: "has",
};

export const DUAL: Readonly<Record<Connective, Connective>> = { and: "or", or: "and" };
