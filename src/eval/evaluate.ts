import { checkFilterAst } from "../check/check-filter.js";
import { ruleContext } from "../check/rule.js";
import { likeLengthRule } from "../check/rules/like-length.js";
import { regexCostRule } from "../check/rules/regex-cost.js";
import { valueShapeRule } from "../check/rules/value-shape.js";
import { isBuiltFilter } from "../builder/built-filter.js";
import { compileFilter } from "../compile.js";
import { DiagnosticBag, makeDiagnostic } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import * as messages from "../diagnostics/messages.js";
import type { Scalar } from "../lower/filter-array.js";
import { DEFAULT_LIMITS, LIMIT_CEILINGS, readOptions, type Limits } from "../options.js";
import type { ArrayExpr, ArrayOperand } from "../arrays/ast.js";
import { readFilter } from "../arrays/read.js";
import { unreachable } from "../syntax/ast.js";
import { describeValue, HOLE, kindOf, readElements } from "../values/guarded.js";
import { prepareReference, prepareTest } from "./condition.js";
import { readPath, splitPath } from "./path.js";

/*
 * The reference evaluator over DataForSEO `filters` arrays: what a filter means for one item,
 * under the rules in docs/semantics.md. A pure interpreter (no `eval`, no generated code): the
 * arrays are read once into an AST, every condition is prepared once (paths split, patterns
 * compiled) into a tree of small closures, and that tree is run per item.
 */

export interface EvaluateOptions {
  /** Nesting of groups in the arrays. Default 32, as for the compiler; ceiling 256. */
  readonly maxDepth?: number;
  /** Values in one `in` / `not_in` list. Default 1000, as for the compiler; ceiling 10,000. */
  readonly maxListLength?: number;
}

/** A prepared filter: whether one item matches. Never throws: an item whose reads throw (a Proxy,
 * a getter) does not match. */
export type ItemMatcher = (item: unknown) => boolean;

const ZERO = { start: 0, end: 0 } as const;

/**
 * The limits of a walk over `filters`: the compiler's, with `options`' depth and list length, and
 * no cap on conditions short of the ceiling (the API's cap is not the evaluator's business).
 */
function limitsOf(options: unknown, bag: DiagnosticBag): Limits {
  const read = readOptions<EvaluateOptions>(options, (option, message) => bag.report("invalid_option", ZERO, message, { option }));
  return {
    ...DEFAULT_LIMITS,
    maxConditions: LIMIT_CEILINGS.maxConditions,
    ...(read.maxDepth === undefined ? {} : { maxDepth: read.maxDepth }),
    ...(read.maxListLength === undefined ? {} : { maxListLength: read.maxListLength }),
  };
}

/** What the evaluator checks before it prepares anything: value shapes, and the patterns' costs. */
const EVAL_RULES = [valueShapeRule, regexCostRule, likeLengthRule];

/**
 * Reads and checks `filters` (any shape the API accepts: a bare or once-wrapped condition, binary
 * or flat groups) and prepares it for evaluation. Throws `DfsqError` with the diagnostics (JSON
 * paths included) for a value that is not a filter, for values of the wrong shape for their
 * operator (`type_mismatch`, as the printer reports them), for a regex RE2 refuses
 * (`invalid_regex`), for patterns too costly to match (`regex_too_complex`, `like_too_long`), and
 * for invalid options (`invalid_option`). The read is the raw-array reader's, bounded by the
 * limits whatever `filters` is (cyclic, a Proxy, huge).
 */
export function compileMatcher(filters: unknown, options: EvaluateOptions = {}): ItemMatcher {
  const bag = new DiagnosticBag("");
  const limits = limitsOf(options, bag);
  if (bag.errorCount > 0) throw new DfsqError(bag.sorted());
  // A built filter is evaluated as what it compiles to, exactly what would be sent.
  const arrays = isBuiltFilter(filters) ? compileFilter(filters, { maxConditions: LIMIT_CEILINGS.maxConditions }) : filters;
  const expr = readFilter(arrays, { bag, limits });
  if (expr !== undefined) checkFilterAst(expr, ruleContext(bag, limits, undefined), EVAL_RULES);
  if (expr === undefined || bag.errorCount > 0) throw new DfsqError(bag.sorted());
  const matcher = prepare(expr, bag);
  if (bag.errorCount > 0) throw new DfsqError(bag.sorted());
  return (item) => {
    try {
      return matcher(item);
    } catch {
      // Only a hostile item gets here (a throwing Proxy trap or getter): it is not a match.
      return false;
    }
  };
}

/** Whether `item` matches `filters`. Throws `DfsqError` as `compileMatcher` does. To test many
 * items, prepare once with `compileMatcher` or use `matchItems`. */
export function evaluateFilter(filters: unknown, item: unknown, options: EvaluateOptions = {}): boolean {
  return compileMatcher(filters, options)(item);
}

/** The items that match `filters`, in their order (the same objects, not copies; holes are
 * skipped). Throws `DfsqError` as `compileMatcher` does, before looking at any item, and
 * (`invalid_argument`) when `items` is not an array. */
export function matchItems<T>(filters: unknown, items: readonly T[], options: EvaluateOptions = {}): T[] {
  const matches = compileMatcher(filters, options);
  const read = kindOf(items) === "array" ? readElements(items as object, Number.MAX_SAFE_INTEGER) : undefined;
  if (read === undefined || !read.ok) {
    const message = read === undefined ? messages.takes("matchItems", messages.things.items, describeValue(items)) : messages.unreadableItems("matchItems");
    throw new DfsqError([makeDiagnostic("", "invalid_argument", ZERO, message)]);
  }
  return read.items.filter((item): item is T => item !== HOLE && matches(item));
}

const matchNothing: ItemMatcher = () => false;

/** The literal right side of a condition read from arrays. */
function literal(operand: Exclude<ArrayOperand, { kind: "field" }>): Scalar | Scalar[] {
  switch (operand.kind) {
    case "list":
      return operand.items.map((item) => literal(item) as Scalar);
    case "number":
    case "string":
    case "boolean":
      return operand.value;
    case "null":
      return null;
    default:
      return unreachable(operand);
  }
}

/**
 * The matcher of a filter read from arrays. Recursion follows group nesting only (capped by
 * `maxDepth`); the operands of a chain, however many, are a loop.
 */
function prepare(expr: ArrayExpr, bag: DiagnosticBag): ItemMatcher {
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
        bag.reportAt(prepared.code, operand, messages.invalidRegex(prepared.reason), { data: { reason: prepared.reason } });
        return matchNothing;
      }
      const test = prepared.test;
      return (item) => test(readPath(item, path));
    }
    default:
      return unreachable(expr);
  }
}
