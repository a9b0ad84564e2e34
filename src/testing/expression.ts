import fc from "fast-check";
import { COMPLEMENT, DUAL } from "../check/complement.js";
import type { FilterArray, Scalar } from "../lower/filter-array.js";
import { printFieldPath, printNumber } from "../print/print-value.js";
import { unreachable, type Connective, type Operator } from "../syntax/ast.js";
import { API_OPERATORS, OPERATORS } from "../syntax/operator-table.js";
import { COMPARISON_OPERATORS, ELEMENT_OPERATORS } from "../syntax/operators.js";
import { quoteString } from "../values/strings.js";
import { isCanonicalApiTime, timeLiteral } from "../values/time.js";
import { arbitraryTree, toArrays, type Tree, type TreeOptions } from "./model.js";
import { resolveScope, type GeneratorOptions } from "./scope.js";

/*
 * dfsq text for a generated tree, written in the many ways the language allows: operator
 * spellings and aliases, keyword case, `not` pushed up over conditions and groups (written with
 * each operator's complement, so that what is sent is the tree), `between`, bare boolean fields,
 * lists in parentheses or brackets, dates unquoted, parentheses where precedence makes them
 * optional. docs/language.md is the reference for each form.
 */

export interface ExpressionOptions extends GeneratorOptions, TreeOptions {}

/** Picks among the ways to write something, from a stream of random choices. */
type Choose = <T>(ways: readonly T[]) => T;

// `==` and `!=` parse, with the warning operator_alias: text generated here draws no diagnostic,
// so they are left out (as are `&&` and `||`). Word operators also in capitals (`NOT IN`).
const WARNED_ALIASES: ReadonlySet<string> = new Set(["==", "!="]);
const SPELLINGS: Readonly<Record<Operator, readonly string[]>> = Object.fromEntries(
  OPERATORS.map((op): [Operator, readonly string[]] => {
    const { text, aliases } = API_OPERATORS[op];
    const capitals = text.toUpperCase() === text ? [] : [text.toUpperCase()];
    return [op, [text, ...aliases.filter((a) => !WARNED_ALIASES.has(a)), ...capitals]];
  }),
) as Record<Operator, readonly string[]>;
const CONNECTIVES: Readonly<Record<Connective, readonly string[]>> = { and: ["and", "AND"], or: ["or", "OR"] };

function scalarText(value: Scalar, choose: Choose, quotedOnly: boolean): string {
  if (typeof value === "number") return printNumber(value);
  if (typeof value === "boolean") return String(value);
  if (value === null) return "null";
  // A time as the API writes it reads back from a date literal, or from the quoted string on a time field.
  if (!quotedOnly && isCanonicalApiTime(value)) return choose([timeLiteral(value), quoteString(value)]);
  return choose([quoteString(value), quoteString(value).replace(/^"(.*)"$/s, (_, body: string) => (body.includes("'") || body.includes('\\"') ? `"${body}"` : `'${body}'`))]);
}

function leafText(tree: Extract<Tree, { kind: "leaf" }>, negated: boolean, choose: Choose): string {
  const field = printFieldPath(tree.field);
  const op = negated ? COMPLEMENT[tree.op] : tree.op;
  if (!negated && tree.op === "=" && typeof tree.value === "boolean") {
    const bare = tree.value ? field : `${choose(["not ", "NOT ", "!"])}${field}`;
    if (choose([true, false])) return bare;
  }
  let value: string;
  if (tree.reference !== undefined) value = choose([quoteString(`$item->${tree.reference}`), printFieldPath(tree.reference)]);
  else if (Array.isArray(tree.value)) {
    const items = (tree.value as Scalar[]).map((v) => scalarText(v, choose, false)).join(choose([", ", ","]));
    value = choose([`(${items})`, `[${items}]`]);
  } else value = scalarText(tree.value as Scalar, choose, !COMPARISON_OPERATORS.has(op) && !ELEMENT_OPERATORS.has(op));
  return `${field} ${choose(SPELLINGS[op])} ${value}`;
}

/** Whether a child group written with connective `inner` needs parentheses under `outer`: a
 * right operand of the same connective does (the canonical form keeps its nesting), and `or`
 * under `and` does (precedence). */
function needsParens(outer: Connective, inner: Connective | undefined, left: boolean): boolean {
  if (inner === undefined) return false;
  return inner === outer ? !left : outer === "and";
}

/** Text that, compiled, sends `tree` (or, with `negated`, text whose negation sends it). */
function render(tree: Tree, negated: boolean, choose: Choose, top: boolean): string {
  // Write `not (…)` over the complement now and then: the text differs, what is sent does not.
  if (!top && choose([false, false, false, true])) return `${choose(["not ", "NOT ", "!"])}(${render(tree, !negated, choose, true)})`;
  switch (tree.kind) {
    case "leaf":
      return leafText(tree, negated, choose);
    case "between": {
      const sendsBetween = tree.negated === negated;
      return `${printFieldPath(tree.field)} ${sendsBetween ? "between" : choose(["not between", "NOT BETWEEN"])} ${printNumber(tree.low)} and ${printNumber(tree.high)}`;
    }
    case "group": {
      const connective = negated ? DUAL[tree.connective] : tree.connective;
      const [left, right] = tree.operands as [Tree, Tree];
      const side = (child: Tree, isLeft: boolean) => {
        const text = render(child, negated, choose, false);
        const inner = child.kind === "group" ? (negated ? DUAL[child.connective] : child.connective) : undefined;
        return needsParens(connective, inner, isLeft) || choose([false, true]) ? `(${text})` : text;
      };
      return `${side(left, true)} ${choose(CONNECTIVES[connective])} ${side(right, false)}`;
    }
    default:
      return unreachable(tree);
  }
}

/** The text and the arrays it compiles to (for dfsq's own tests of the writer). */
export function arbitraryExpressionWithArrays(options: ExpressionOptions): fc.Arbitrary<{ text: string; filters: FilterArray }> {
  const scope = resolveScope(options);
  return fc.tuple(arbitraryTree(scope, options, true), fc.infiniteStream(fc.nat())).map(([tree, stream]) => {
    const random = stream[Symbol.iterator]();
    const choose: Choose = (ways) => ways[random.next().value! % ways.length]!;
    return { text: render(tree, false, choose, true), filters: toArrays(tree) };
  });
}

/**
 * dfsq filter expressions for an endpoint's parameter, from the same fields, operators and values
 * as `arbitraryFilter`, written in the many ways the language allows. `checkFilter(text,
 * { endpoint, param })` reports no error for any of them.
 */
export function arbitraryExpression(options: ExpressionOptions): fc.Arbitrary<string> {
  return arbitraryExpressionWithArrays(options).map(({ text }) => text);
}
