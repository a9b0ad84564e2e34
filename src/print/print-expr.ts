import {
  unreachable,
  type ChainNode,
  type ConditionNode,
  type Connective,
  type Expr,
  type Operator,
  type OrderByNode,
} from "../syntax/ast.js";
import { API_OPERATORS, OPERATORS } from "../syntax/operator-table.js";
import { PATTERN_OPERATORS, REGEX_OPERATORS } from "../syntax/operators.js";
import { betweenOf } from "../arrays/between.js";
import { printField, printOperand } from "./print-value.js";

/*
 * AST → text, with the fewest parentheses that keep the structure: `and` binds tighter than `or`,
 * and a group of the same connective on the right keeps its parentheses (the canonical arrays
 * nest to the left, so `a and (b and c)` is a different array from `a and b and c`).
 */

const OPERATOR_TEXT: Readonly<Record<Operator, string>> = Object.fromEntries(
  OPERATORS.map((op) => [op, API_OPERATORS[op].text]),
) as Record<Operator, string>;

/**
 * Prints any filter AST (parsed, raised from arrays, or built in code). `maxDepth` is the nesting
 * the text may use: a condition `f = false` at that depth prints as itself rather than as
 * `not f`, whose `not` would nest one level deeper.
 */
export function printExpr(expr: Expr, maxDepth = Number.POSITIVE_INFINITY): string {
  return print(expr, undefined, true, maxDepth);
}

/** `room`: how many more levels of nesting (parentheses, prefix `not`s) the text may use here. */
function print(expr: Expr, parent: Connective | undefined, first: boolean, room: number): string {
  switch (expr.kind) {
    case "chain": {
      const between = asBetween(expr);
      if (between !== undefined) return between;
      const needsParens = parent !== undefined && ((parent === "and" && expr.op === "or") || (parent === expr.op && !first));
      const inner = needsParens ? room - 1 : room;
      const text = expr.operands.map((operand, i) => print(operand, expr.op, i === 0, inner)).join(` ${expr.op} `);
      return needsParens ? `(${text})` : text;
    }
    case "not": {
      const parens = expr.operand.kind === "chain" && asBetween(expr.operand) === undefined;
      const inner = print(expr.operand, undefined, true, room - (parens ? 2 : 1));
      return parens ? `not (${inner})` : `not ${inner}`;
    }
    case "condition":
      return printCondition(expr, room);
    case "between":
      return `${printField(expr.field)} ${expr.negated ? "not between" : "between"} ${printOperand(expr.low)} and ${printOperand(expr.high)}`;
    case "bare":
      return printField(expr.field);
    case "invalid":
      return "?";
    default:
      return unreachable(expr);
  }
}

function printCondition(node: ConditionNode, room: number): string {
  const field = printField(node.field);
  const { op, operand } = node;
  if (op === "=" && operand.kind === "boolean" && (operand.value || room >= 1)) return operand.value ? field : `not ${field}`;
  if ((op === "=" || op === "<>") && operand.kind === "null") return `${field} is ${op === "=" ? "" : "not "}null`;
  const place = REGEX_OPERATORS.has(op) ? "regex" : PATTERN_OPERATORS.has(op) ? "pattern" : "value";
  return `${field} ${OPERATOR_TEXT[op]} ${printOperand(operand, place)}`;
}

function asBetween(chain: ChainNode): string | undefined {
  const between = betweenOf(chain);
  if (between === undefined) return undefined;
  const word = between.negated ? "not between" : "between";
  return `${printField(between.field)} ${word} ${printOperand(between.low)} and ${printOperand(between.high)}`;
}

export function printOrderByAst(ast: OrderByNode): string {
  return ast.rules.map((r) => (r.direction === "desc" ? `${printField(r.field)} desc` : printField(r.field))).join(", ");
}

