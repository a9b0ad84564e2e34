import type { Connective } from "../syntax/ast.js";
import { API_OPERATORS, OPERATORS, type Operator } from "../syntax/operator-table.js";

/** The operator that holds exactly when `op` does not (for present, non-null values). */
export const COMPLEMENT: Readonly<Record<Operator, Operator>> = Object.fromEntries(
  OPERATORS.map((op) => [op, API_OPERATORS[op].complement]),
) as Record<Operator, Operator>;

export const DUAL: Readonly<Record<Connective, Connective>> = { and: "or", or: "and" };
