import { childLocation, JSON_ROOT, toJsonPath, type DiagnosticBag, type ExtrasFor, type JsonLocation } from "../diagnostics/diagnostic.js";
import * as hints from "../diagnostics/hints.js";
import * as messages from "../diagnostics/messages.js";
import { rawElementBudget, type Limits } from "../options.js";
import {
  OPERATORS,
  type Connective,
  type FieldNode,
  type Operator,
  type OrderByNode,
  type SortRuleNode,
} from "../syntax/ast.js";
import { COMPARISON_OPERATORS, LIST_OPERATORS, referencedPath } from "../syntax/operators.js";
import { describeValue, kindOf, readElements } from "../values/guarded.js";
import { betweenOf } from "./between.js";
import type { ArrayCondition, ArrayExpr, ArrayGroup, ArrayList, ArrayOperand, ArrayValue } from "./ast.js";

/*
 * JSON arrays → AST: the inverse of lowering, and the one walk over raw values that the printer,
 * the validator, the evaluator and the client's ready arrays all go through. Accepts every shape
 * DataForSEO accepts: a bare condition, a condition wrapped once, binary or flat groups.
 * Left-nested groups of one connective become one chain, so the canonical `[[A,"and",B],"and",C]`
 * reads back as `A and B and C`. Problems are reported with the JSON path where they are.
 *
 * The value may come from anywhere, so the walk trusts nothing about it: each array is read once
 * through guarded accessors (a Proxy or getter that throws is a diagnostic, and what is checked is
 * what is used), an array met again inside itself is a cycle, nesting is capped by `maxDepth`, and
 * every element read counts against one budget (`rawElementBudget`) that stops the walk, so its
 * cost is bounded by the limits, however large or cyclic the value. Nothing here throws.
 */

const ZERO = { start: 0, end: 0 } as const;
const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);

interface ReadContext {
  readonly bag: DiagnosticBag;
  readonly limits: Limits;
}

type At = JsonLocation;
const child = childLocation;

/** Where an operand sits, which decides whether its text needs parentheses. */
interface Place {
  /** Parentheses around it in the printed text. */
  readonly depth: number;
  /** The connective of the chain it is an operand of (none at the top). */
  readonly parent: Connective | undefined;
  readonly first: boolean;
}

const TOP: Place = { depth: 0, parent: undefined, first: true };

/** The state of one walk: the diagnostics, the element budget, and the arrays being read. */
class Walk {
  readonly bag: DiagnosticBag;
  readonly limits: Limits;
  readonly budget: number;
  #remaining: number;
  #exhausted = false;
  /** The arrays on the path from the top to where the walk is: meeting one again is a cycle. */
  readonly #open = new Set<object>();

  constructor(ctx: ReadContext) {
    this.bag = ctx.bag;
    this.limits = ctx.limits;
    this.budget = rawElementBudget(ctx.limits);
    this.#remaining = this.budget;
  }

  report(code: "invalid_filter" | "invalid_order_by", at: At, message: string, hint?: string): undefined {
    const path = toJsonPath(at);
    this.bag.report(code, ZERO, message, { path, hint });
    return undefined;
  }

  invalid(at: At, message: string, hint?: string): undefined {
    return this.report("invalid_filter", at, message, hint);
  }

  problem<C extends "nesting_too_deep" | "mixed_connectives" | "empty_field_name" | "empty_list" | "list_too_long">(
    code: C,
    at: At,
    message: string,
    ...extras: ExtrasFor<C>
  ): undefined {
    this.bag.reportAt(code, { span: ZERO, at }, message, ...extras);
    return undefined;
  }

  isOpen(value: unknown): boolean {
    return typeof value === "object" && value !== null && this.#open.has(value);
  }

  open(value: unknown): void {
    this.#open.add(value as object);
  }

  close(value: unknown): void {
    this.#open.delete(value as object);
  }

  /**
   * The elements of `array` (which `kindOf` calls an array), charged to the budget. `list` caps
   * an `in` list's length first. Undefined, reported, for a cycle, an array that cannot be read,
   * one too long, and once the budget is spent (reported once: the walk then winds down quietly).
   */
  read(array: unknown, at: At, list = false): readonly unknown[] | undefined {
    if (this.#exhausted) return undefined;
    if (this.isOpen(array)) return this.invalid(at, messages.cyclicValue());
    const max = list ? Math.min(this.limits.maxListLength, this.#remaining) : this.#remaining;
    const got = readElements(array as object, max);
    if (got.ok) {
      this.#remaining -= got.items.length;
      return got.items;
    }
    if (got.why === "unreadable") {
      return this.invalid(got.index === undefined ? at : child(at, got.index), messages.unreadableValue());
    }
    if (list && got.length > this.limits.maxListLength) {
      const { maxListLength } = this.limits;
      return this.problem("list_too_long", at, messages.listTooLong(got.length, maxListLength), { data: { length: got.length, max: maxListLength } });
    }
    this.#exhausted = true;
    this.bag.report("input_too_long", ZERO, messages.rawTooLarge(this.budget), { path: toJsonPath(at), data: { max: this.budget } });
    return undefined;
  }
}

/** Reads a `filters` value. Returns undefined when its structure is unusable (reported). */
export function readFilter(value: unknown, ctx: ReadContext): ArrayExpr | undefined {
  const walk = new Walk(ctx);
  if (kindOf(value) !== "array") return walk.invalid(JSON_ROOT, messages.expectedConditionOrGroup(describeValue(value)));
  const items = walk.read(value, JSON_ROOT);
  if (items === undefined) return undefined;
  // A single condition may be wrapped once: [["dofollow", "=", true]].
  if (items.length === 1 && kindOf(items[0]) === "array") {
    const at = child(JSON_ROOT, 0);
    walk.open(value);
    const inner = walk.read(items[0], at);
    walk.close(value);
    if (inner === undefined) return undefined;
    if (isCondition(inner)) return readCondition(walk, inner, at);
    return walk.invalid(JSON_ROOT, messages.wrappedTwice(), hints.unwrapGroup());
  }
  return readNode(walk, value, JSON_ROOT, TOP, items);
}

function isConnectiveText(value: unknown): value is Connective {
  return value === "and" || value === "or";
}

function isCondition(items: readonly unknown[]): boolean {
  return items.length === 3 && typeof items[0] === "string" && typeof items[1] === "string" && !isConnectiveText(items[1]);
}

/** Whether the printed text of a group of `op` at `place` needs parentheses (as the printer decides). */
function needsParens(place: Place, op: Connective): boolean {
  return place.parent !== undefined && ((place.parent === "and" && op === "or") || (place.parent === op && !place.first));
}

/** `items`, already read from `value` when given, as a condition or a group. */
function readNode(walk: Walk, value: unknown, at: At, place: Place, read?: readonly unknown[]): ArrayExpr | undefined {
  if (read === undefined && kindOf(value) !== "array") {
    return walk.invalid(at, messages.expectedConditionOrGroup(describeValue(value)));
  }
  const items = read ?? walk.read(value, at);
  if (items === undefined) return undefined;
  if (isCondition(items)) return readCondition(walk, items, at);
  if (typeof items[0] === "string") return badCondition(walk, items, at);
  const op = groupShape(walk, items, at);
  if (op === undefined) return undefined;
  const parens = needsParens(place, op);
  const depth = place.depth + (parens ? 1 : 0);
  if (depth > walk.limits.maxDepth) {
    // A `between` pair prints without parentheses wherever it is, and holds no groups.
    const pair = parens && depth === walk.limits.maxDepth + 1 ? readPair(walk, value, items, at, op) : undefined;
    if (pair === "errors") return undefined;
    if (pair !== undefined && betweenOf(pair) !== undefined) return pair;
    const max = walk.limits.maxDepth;
    return walk.problem("nesting_too_deep", at, messages.rawNestingTooDeep(max), { data: { max } });
  }
  walk.open(value);
  const chain = readGroup(walk, value, items, at, depth, op);
  walk.close(value);
  return chain;
}

/** A group of two conditions, read without descending further; "errors" when they were reported. */
function readPair(walk: Walk, value: unknown, items: readonly unknown[], at: At, op: Connective): ArrayGroup | "errors" | undefined {
  if (items.length !== 3 || kindOf(items[0]) !== "array" || kindOf(items[2]) !== "array") return undefined;
  walk.open(value);
  const low = walk.read(items[0], child(at, 0));
  const high = low === undefined ? undefined : walk.read(items[2], child(at, 2));
  walk.close(value);
  if (low === undefined || high === undefined) return "errors";
  if (!isCondition(low) || !isCondition(high)) return undefined;
  const a = readCondition(walk, low, child(at, 0));
  const b = readCondition(walk, high, child(at, 2));
  if (a === undefined || b === undefined) return "errors";
  return { kind: "chain", op, operands: [a, b], span: ZERO, at };
}

/**
 * A group: operands at even positions, one connective at odd positions. Walks the left spine of
 * same-connective groups with a loop, so 10,000 left-nested conditions cost no stack.
 */
function readGroup(walk: Walk, value: unknown, items: readonly unknown[], at: At, depth: number, op: Connective): ArrayExpr | undefined {
  const spine: { items: readonly unknown[]; at: At; value: unknown }[] = [{ items, at, value }];
  // The first operand of the innermost group, when it was read while looking down the spine.
  let firstRead: readonly unknown[] | undefined;
  for (;;) {
    const top = spine[spine.length - 1]!;
    const first = top.items[0];
    if (kindOf(first) !== "array" || walk.isOpen(first)) break;
    const firstAt = child(top.at, 0);
    const firstItems = walk.read(first, firstAt);
    if (firstItems === undefined) return closeSpine(walk, spine);
    if (isCondition(firstItems) || typeof firstItems[0] === "string" || quietShape(firstItems) !== op) {
      firstRead = firstItems;
      break;
    }
    walk.open(first);
    spine.push({ items: firstItems, at: firstAt, value: first });
  }
  const operands: ArrayExpr[] = [];
  let ok = true;
  const add = (item: unknown, itemAt: At, first: boolean, read?: readonly unknown[]) => {
    const raised = readNode(walk, item, itemAt, { depth, parent: op, first }, read);
    if (raised === undefined) ok = false;
    else operands.push(raised);
  };
  const innermost = spine[spine.length - 1]!;
  add(innermost.items[0], child(innermost.at, 0), true, firstRead);
  for (let s = spine.length - 1; s >= 0; s--) {
    const { items: groupItems, at: groupAt } = spine[s]!;
    for (let i = 2; i < groupItems.length; i += 2) add(groupItems[i], child(groupAt, i), false);
  }
  closeSpine(walk, spine);
  return ok ? { kind: "chain", op, operands, span: ZERO, at } : undefined;
}

/** Leaves the spine's groups (the outermost is closed by its caller); always undefined. */
function closeSpine(walk: Walk, spine: readonly { value: unknown }[]): undefined {
  for (let s = 1; s < spine.length; s++) walk.close(spine[s]!.value);
  return undefined;
}

/** The connective of a well-formed group, or undefined; reports nothing. */
function quietShape(items: readonly unknown[]): Connective | undefined {
  if (items.length < 3 || items.length % 2 === 0) return undefined;
  const op = items[1];
  if (!isConnectiveText(op)) return undefined;
  for (let i = 3; i < items.length; i += 2) if (items[i] !== op) return undefined;
  return op;
}

/** The connective of a well-formed group, or undefined (reported). */
function groupShape(walk: Walk, items: readonly unknown[], at: At): Connective | undefined {
  if (items.length < 3 || items.length % 2 === 0) {
    return walk.invalid(at, messages.groupLength(items.length));
  }
  let op: Connective | undefined;
  for (let i = 1; i < items.length; i += 2) {
    const c = items[i];
    if (!isConnectiveText(c)) {
      return walk.invalid(child(at, i), messages.expectedConnective(describeValue(c)), connectiveHint(c));
    }
    if (op !== undefined && c !== op) return walk.problem("mixed_connectives", child(at, i), messages.mixedConnectives());
    op = c;
  }
  return op;
}

/** An array that starts like a condition (with a field name) but is none. */
function badCondition(walk: Walk, items: readonly unknown[], at: At): undefined {
  if (items.length !== 3) {
    return walk.invalid(at, messages.conditionLength(items.length), conditionHint(items));
  }
  const op = items[1];
  return isConnectiveText(op)
    ? walk.invalid(child(at, 1), messages.connectiveAsOperator(op))
    : walk.invalid(child(at, 1), messages.expectedOperator(describeValue(op)));
}

/** `"AND"`, `"&&"`: the connective the user meant, as the API spells it. */
function connectiveHint(found: unknown): string | undefined {
  if (typeof found !== "string") return undefined;
  const word = found.trim().toLowerCase();
  const meant = word === "&&" ? "and" : word === "||" ? "or" : word;
  return isConnectiveText(meant) ? hints.writeInstead(meant) : undefined;
}

/** `["a", "=", 1, "and", …]`: conditions written in one array instead of one array each. */
function conditionHint(items: readonly unknown[]): string | undefined {
  return items.length > 3 && connectiveHint(items[3]) !== undefined ? hints.oneArrayPerCondition() : undefined;
}

function readCondition(walk: Walk, items: readonly unknown[], at: At): ArrayCondition | undefined {
  const [fieldValue, opValue, operandValue] = items as [string, string, unknown];
  if (fieldValue.length === 0) return walk.problem("empty_field_name", child(at, 0), messages.emptyFieldName());
  if (!OPERATOR_SET.has(opValue)) {
    return walk.invalid(
      child(at, 1),
      messages.notAnApiOperator(describeValue(opValue).replace(/^the string /, ""), OPERATORS),
      operatorHint(fieldValue, opValue, operandValue),
    );
  }
  const op = opValue as Operator;
  const field: FieldNode = { kind: "field", path: fieldValue, quoted: false, span: ZERO, at: child(at, 0) };
  const operand = readOperand(walk, op, operandValue, child(at, 2));
  if (operand === undefined) return undefined;
  return { kind: "condition", field, op, operand, opSpan: ZERO, span: ZERO, at };
}

/** dfsq's text spellings of operators (`!=`, `not in`, `NOT_LIKE`), and what the API calls them. */
const OPERATOR_SPELLINGS: Readonly<Record<string, Operator>> = {
  "==": "=",
  "!=": "<>",
  "~": "regex",
  "!~": "not_regex",
  "not_has": "has_not",
};

/** A bound as JSON in a hint; "…" for anything but a string or a number. */
const boundText = (value: unknown) => (typeof value === "string" || typeof value === "number" ? JSON.stringify(value) : "…");

function operatorHint(field: string, op: string, operand: unknown): string | undefined {
  const word = op.trim().toLowerCase().replace(/\s+/g, "_");
  if (word === "between" || word === "not_between") {
    const bounds = kindOf(operand) === "array" ? readElements(operand as object, 2) : undefined;
    const [low, high] = bounds?.ok && bounds.items.length === 2 ? bounds.items : ["low", "high"];
    const f = JSON.stringify(field);
    return word === "between"
      ? hints.rawBetween("between", `[[${f}, ">=", ${boundText(low)}], "and", [${f}, "<=", ${boundText(high)}]]`)
      : hints.rawBetween("not between", `[[${f}, "<", ${boundText(low)}], "or", [${f}, ">", ${boundText(high)}]]`);
  }
  const meant = OPERATOR_SET.has(word) ? word : OPERATOR_SPELLINGS[word];
  return meant !== undefined && meant !== op ? hints.writeInstead(meant) : undefined;
}

function readOperand(walk: Walk, op: Operator, value: unknown, at: At): ArrayOperand | undefined {
  if (LIST_OPERATORS.has(op)) {
    if (kindOf(value) !== "array") return walk.invalid(at, messages.listOperatorTakesArray(op, describeValue(value)));
    const items = walk.read(value, at, true);
    if (items === undefined) return undefined;
    if (items.length === 0) return walk.problem("empty_list", at, messages.emptyList());
    const values: ArrayValue[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = readScalar(walk, items[i], child(at, i));
      if (item === undefined) return undefined;
      values.push(item);
    }
    const list: ArrayList = { kind: "list", items: values, span: ZERO, at };
    return list;
  }
  const referenced = COMPARISON_OPERATORS.has(op) && typeof value === "string" ? referencedPath(value) : undefined;
  if (referenced !== undefined) return { kind: "field", path: referenced, quoted: false, explicit: true, span: ZERO, at };
  return readScalar(walk, value, at);
}

function readScalar(walk: Walk, value: unknown, at: At): ArrayValue | undefined {
  switch (typeof value) {
    case "string":
      return { kind: "string", value, span: ZERO, at };
    case "boolean":
      return { kind: "boolean", value, span: ZERO, at };
    case "number":
      if (!Number.isFinite(value)) return walk.invalid(at, messages.notAJsonNumber(value));
      return { kind: "number", value, span: ZERO, at };
    case "object":
      if (value === null) return { kind: "null", span: ZERO, at };
      break;
    default:
      break;
  }
  return walk.invalid(at, messages.expectedScalar(describeValue(value)));
}

const DIRECTION = /^(?:asc|desc)$/i;

/** `"rank,DESC"`, `"rank desc"`, `"rank"`: the rule the user meant, as the API spells it. */
function sortRuleHint(rule: string): string | undefined {
  const comma = rule.lastIndexOf(",");
  if (comma > 0 && DIRECTION.test(rule.slice(comma + 1).trim())) {
    return hints.writeInstead(`${rule.slice(0, comma)},${rule.slice(comma + 1).trim().toLowerCase()}`);
  }
  const spaced = /^(.+?)\s+(asc|desc)$/i.exec(rule.trim());
  if (spaced !== null) return hints.writeInstead(`${spaced[1]},${spaced[2]!.toLowerCase()}`);
  if (comma < 0 && rule.trim() !== "") return hints.sortDirection(rule.trim());
  return undefined;
}

/**
 * Reads an `order_by` value: an array of `"field,asc|desc"` strings. One longer than
 * `maxSortRules` is refused from its length alone, before any rule is read.
 */
export function readOrderBy(value: unknown, ctx: ReadContext): OrderByNode | undefined {
  const walk = new Walk(ctx);
  const bad = (at: At, message: string, hint?: string) => walk.report("invalid_order_by", at, message, hint);
  if (kindOf(value) !== "array") return bad(JSON_ROOT, messages.orderByNotArray(describeValue(value)));
  const got = readElements(value as object, ctx.limits.maxSortRules);
  if (!got.ok) {
    if (got.why === "unreadable") return bad(got.index === undefined ? JSON_ROOT : child(JSON_ROOT, got.index), messages.unreadableValue());
    const at = child(JSON_ROOT, ctx.limits.maxSortRules);
    ctx.bag.reportAt("too_many_sort_rules", { span: ZERO, at }, messages.tooManySortRules(got.length, ctx.limits.maxSortRules), {
      data: { count: got.length, max: ctx.limits.maxSortRules },
    });
    return undefined;
  }
  if (got.items.length === 0) return bad(JSON_ROOT, messages.emptyOrderBy());
  const rules: SortRuleNode[] = [];
  let ok = true;
  got.items.forEach((rule, i) => {
    const at = child(JSON_ROOT, i);
    const comma = typeof rule === "string" ? rule.lastIndexOf(",") : -1;
    const direction = typeof rule === "string" ? rule.slice(comma + 1) : "";
    if (typeof rule !== "string" || comma <= 0 || (direction !== "asc" && direction !== "desc")) {
      bad(at, messages.expectedSortRule(describeValue(rule)), typeof rule === "string" ? sortRuleHint(rule) : undefined);
      ok = false;
      return;
    }
    const field = { kind: "field", path: rule.slice(0, comma), quoted: false, span: ZERO, at } satisfies FieldNode;
    rules.push({ kind: "sort", field, direction, explicit: true, span: ZERO, at });
  });
  return ok ? { kind: "orderBy", rules, span: ZERO } : undefined;
}

