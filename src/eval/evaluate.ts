import { checkFilterAst } from "../check/check-filter.js";
import { ruleContext } from "../check/rule.js";
import { likeLengthRule } from "../check/rules/like-length.js";
import { regexCostRule } from "../check/rules/regex-cost.js";
import { valueShapeRule } from "../check/rules/value-shape.js";
import { BuiltFilter } from "../builder/built-filter.js";
import { compileFilter } from "../compile.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import { messages } from "../diagnostics/messages.js";
import type { Scalar } from "../lower/filter-array.js";
import { DEFAULT_LIMITS, type Limits } from "../options.js";
import { raiseFilter } from "../print/raise.js";
import { unreachable, type Expr, type Operand } from "../syntax/ast.js";
import { prepareReference, prepareTest } from "./condition.js";
import { readPath, splitPath } from "./path.js";

/*
 * The reference evaluator over DataForSEO `filters` arrays: what a filter means for one item,
 * under the rules in docs/semantics.md. A pure interpreter (no `eval`, no generated code): the
 * arrays are read once into an AST, every condition is prepared once (paths split, patterns
 * compiled) into a tree of small closures, and that tree is run per item.
 */

export interface EvaluateOptions {
  /** Nesting of groups in the arrays. Default 32, as for the compiler. */
  readonly maxDepth?: number;
  /** Values in one `in` / `not_in` list. Default 1000, as for the compiler. */
  readonly maxListLength?: number;
}

/** A prepared filter: whether one item matches. Never throws. */
export type ItemMatcher = (item: unknown) => boolean;

function limitsOf(options: EvaluateOptions): Limits {
  return {
    ...DEFAULT_LIMITS,
    ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
    ...(options.maxListLength === undefined ? {} : { maxListLength: options.maxListLength }),
  };
}

/** What the evaluator checks before it prepares anything: value shapes, and the patterns' costs. */
const EVAL_RULES = [valueShapeRule, regexCostRule, likeLengthRule];

/**
 * Reads and checks `filters` (any shape the API accepts: a bare or once-wrapped condition, binary
 * or flat groups) and prepares it for evaluation. Throws `DfsqError` with the diagnostics (JSON
 * paths included) for a value that is not a filter, for values of the wrong shape for their
 * operator (`type_mismatch`, as the printer reports them), for a regex RE2 refuses
 * (`invalid_regex`), and for patterns too costly to match (`regex_too_complex`, `like_too_long`).
 */
export function compileMatcher(filters: unknown, options: EvaluateOptions = {}): ItemMatcher {
  const limits = limitsOf(options);
  const bag = new DiagnosticBag("");
  // A built filter is evaluated as what it compiles to, exactly what would be sent.
  const arrays = filters instanceof BuiltFilter ? compileFilter(filters, { maxConditions: Infinity }) : filters;
  const expr = raiseFilter(arrays, { bag, limits });
  if (expr !== undefined) checkFilterAst(expr, ruleContext(bag, limits, undefined), EVAL_RULES);
  if (expr === undefined || bag.errorCount > 0) throw new DfsqError(bag.sorted());
  const matcher = prepare(expr, bag);
  if (bag.errorCount > 0) throw new DfsqError(bag.sorted());
  return matcher;
}

/** Whether `item` matches `filters`. Throws `DfsqError` as `compileMatcher` does. To test many
 * items, prepare once with `compileMatcher` or use `matchItems`. */
export function evaluateFilter(filters: unknown, item: unknown, options: EvaluateOptions = {}): boolean {
  return compileMatcher(filters, options)(item);
}

/** The items that match `filters`, in their order (the same objects, not copies). Throws
 * `DfsqError` as `compileMatcher` does, before looking at any item. */
export function matchItems<T>(filters: unknown, items: readonly T[], options: EvaluateOptions = {}): T[] {
  const matches = compileMatcher(filters, options);
  return items.filter((item) => matches(item));
}

const matchNothing: ItemMatcher = () => false;

/** The literal right side of a condition read from arrays (`raiseFilter` makes no other kinds). */
function literal(operand: Exclude<Operand, { kind: "field" }>): Scalar | Scalar[] {
  switch (operand.kind) {
    case "list":
      return operand.items.map((item) => literal(item) as Scalar);
    case "number":
    case "string":
    case "boolean":
      return operand.value;
    case "null":
      return null;
    case "time":
    case "invalid":
      throw new Error(`dfsq internal error: a ${operand.kind} value in a filter read from arrays`);
    default:
      return unreachable(operand);
  }
}

/**
 * The matcher of a raised AST. Recursion follows group nesting only (capped by `maxDepth`); the
 * operands of a chain, however many, are a loop.
 */
function prepare(expr: Expr, bag: DiagnosticBag): ItemMatcher {
  switch (expr.kind) {
    case "chain": {
      const operands = expr.operands.map((operand) => prepare(operand, bag));
      return expr.op === "and"
        ? (item) => {
            for (const operand of operands) if (!operand(item)) return false;
            return true;
          }
        : (item) => {
            for (const operand of operands) if (operand(item)) return true;
            return false;
          };
    }
    case "condition": {
      const path = splitPath(expr.field.path);
      const operand = expr.operand;
      if (operand.kind === "field") {
        const other = splitPath(operand.path);
        const test = prepareReference(expr.op);
        return (item) => test(readPath(item, path), readPath(item, other));
      }
      const prepared = prepareTest(expr.op, literal(operand));
      if (!prepared.ok) {
        bag.reportAt(prepared.code, operand, messages.invalidRegex(prepared.reason));
        return matchNothing;
      }
      const test = prepared.test;
      return (item) => test(readPath(item, path));
    }
    case "not":
    case "between":
    case "bare":
    case "invalid":
      throw new Error(`dfsq internal error: a ${expr.kind} node in a filter read from arrays`);
    default:
      return unreachable(expr);
  }
}
