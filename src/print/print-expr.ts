import {
  unreachable,
  type ChainNode,
  type ConditionNode,
  type Connective,
  type Expr,
  type Operator,
  type OrderByNode,
  type Value,
} from "../syntax/ast.js";
import { PATTERN_OPERATORS } from "../syntax/operators.js";
import { printField, printOperand } from "./print-value.js";

/*
 * AST → text, with the fewest parentheses that keep the structure: `and` binds tighter than `or`,
 * and a group of the same connective on the right keeps its parentheses (the canonical arrays
 * nest to the left, so `a and (b and c)` is a different array from `a and b and c`).
 */

const OPERATOR_TEXT: Readonly<Record<Operator, string>> = {
  "=": "=",
  "<>": "<>",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
  in: "in",
  not_in: "not in",
  like: "like",
  not_like: "not like",
  ilike: "ilike",
  not_ilike: "not ilike",
  regex: "regex",
  not_regex: "not regex",
  match: "match",
  not_match: "not match",
  has: "has",
  has_not: "not has",
};

/** Prints any filter AST (parsed, raised from arrays, or built in code). */
export function printExpr(expr: Expr): string {
  return print(expr, undefined, true);
}

function print(expr: Expr, parent: Connective | undefined, first: boolean): string {
  switch (expr.kind) {
    case "chain": {
      const between = asBetween(expr);
      if (between !== undefined) return between;
      const text = expr.operands.map((operand, i) => print(operand, expr.op, i === 0)).join(` ${expr.op} `);
      const needsParens = parent !== undefined && ((parent === "and" && expr.op === "or") || (parent === expr.op && !first));
      return needsParens ? `(${text})` : text;
    }
    case "not": {
      const inner = print(expr.operand, undefined, true);
      return expr.operand.kind === "chain" && asBetween(expr.operand) === undefined ? `not (${inner})` : `not ${inner}`;
    }
    case "condition":
      return printCondition(expr);
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

function printCondition(node: ConditionNode): string {
  const field = printField(node.field);
  const { op, operand } = node;
  if (op === "=" && operand.kind === "boolean") return operand.value ? field : `not ${field}`;
  if ((op === "=" || op === "<>") && operand.kind === "null") return `${field} is ${op === "=" ? "" : "not "}null`;
  const place = op === "regex" || op === "not_regex" ? "regex" : PATTERN_OPERATORS.has(op) ? "pattern" : "value";
  return `${field} ${OPERATOR_TEXT[op]} ${printOperand(operand, place)}`;
}

const isBound = (operand: ConditionNode["operand"]): operand is Value =>
  operand.kind === "number" || operand.kind === "time" || (operand.kind === "string");

/** `[[f,">=",a],"and",[f,"<=",b]]` reads as `f between a and b`; its `or` complement as `not between`. */
function asBetween(chain: ChainNode): string | undefined {
  if (chain.operands.length !== 2) return undefined;
  const [lo, hi] = chain.operands as [Expr, Expr];
  if (lo.kind !== "condition" || hi.kind !== "condition" || lo.field.path !== hi.field.path) return undefined;
  if (!isBound(lo.operand) || !isBound(hi.operand)) return undefined;
  const ops = chain.op === "and" ? ([">=", "<="] as const) : (["<", ">"] as const);
  if (lo.op !== ops[0] || hi.op !== ops[1]) return undefined;
  const word = chain.op === "and" ? "between" : "not between";
  return `${printField(lo.field)} ${word} ${printOperand(lo.operand)} and ${printOperand(hi.operand)}`;
}

export function printOrderByAst(ast: OrderByNode): string {
  return ast.rules.map((r) => (r.direction === "desc" ? `${printField(r.field)} desc` : printField(r.field))).join(", ");
}

