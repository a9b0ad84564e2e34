import fc from "fast-check";
import type { Condition, FilterNode, Scalar } from "../lower/filter-array.js";
import type { Connective, Operator } from "../syntax/ast.js";
import { API_OPERATORS } from "../syntax/operator-table.js";
import { COMPARISON_OPERATORS, ELEMENT_OPERATORS, FIELD_REFERENCE_PREFIX, LIKE_OPERATORS, LIST_OPERATORS, REGEX_OPERATORS } from "../syntax/operators.js";
import type { Scope, UsableField } from "./scope.js";
import { concretePath, likePattern, matchText, regexPattern, scalarOf } from "./values.js";

/*
 * The filters the generators make, as a small tree: conditions as they are sent, and groups.
 * arbitraryFilter writes it as arrays, arbitraryExpression as dfsq text; both from one tree, so
 * that tests can check the text compiles to exactly the arrays.
 */

/** A condition as sent. `reference`: the value names another field (`"$item->path"`). */
export interface Leaf {
  readonly kind: "leaf";
  readonly field: string;
  readonly op: Operator;
  readonly value: Scalar | readonly Scalar[];
  readonly reference?: string;
}

/** `f between low and high` (or `not between`): a group of two conditions on one field. */
export interface Between {
  readonly kind: "between";
  readonly field: string;
  readonly low: number;
  readonly high: number;
  readonly negated: boolean;
}

export interface Group {
  readonly kind: "group";
  readonly connective: Connective;
  readonly operands: readonly Tree[];
}

export type Tree = Leaf | Between | Group;

export interface TreeOptions {
  /** At most this many conditions; default and cap: the endpoint's limit. */
  readonly maxConditions?: number;
  /** Let a field appear in more than one condition (such filters may hold contradictions, a warning). Default false. */
  readonly repeatFields?: boolean;
}

/** The operators of a field by kind of value. */
function valueFor(field: UsableField, op: Operator, path: string, scope: Scope): fc.Arbitrary<Pick<Leaf, "value" | "reference">> {
  if (LIST_OPERATORS.has(op)) {
    return fc.uniqueArray(scalarOf(field.type), { minLength: 1, maxLength: 4 }).map((value) => ({ value }));
  }
  if (ELEMENT_OPERATORS.has(op)) return scalarOf(field.type).map((value) => ({ value }));
  if (LIKE_OPERATORS.has(op)) return likePattern.map((value) => ({ value }));
  if (API_OPERATORS[op].family === "match") return matchText.map((value) => ({ value }));
  if (REGEX_OPERATORS.has(op)) return regexPattern.map((value) => ({ value }));
  const plain = scalarOf(field.type).map((value) => ({ value }));
  // References: only where documented, to another field of the same type.
  const others = scope.references && COMPARISON_OPERATORS.has(op) ? scope.fields.filter((f) => f.type === field.type && f.path !== field.path) : [];
  if (others.length === 0) return plain;
  const reference = fc
    .constantFrom(...others)
    .chain((f) => concretePath(f.path))
    .filter((other) => other !== path)
    .map((other) => ({ value: FIELD_REFERENCE_PREFIX + other, reference: other }));
  return fc.oneof({ weight: 6, arbitrary: plain }, { weight: 1, arbitrary: reference });
}

function leafOf(field: UsableField, scope: Scope): fc.Arbitrary<Leaf> {
  return fc
    .tuple(concretePath(field.path), fc.constantFrom(...field.operators))
    .chain(([path, op]) => valueFor(field, op, path, scope).map((v): Leaf => ({ kind: "leaf", field: path, op, ...v })));
}

/** Two conditions on a number field that takes `>=`, `<=` (`between`), or `<`, `>` (`not between`). */
function betweenOf(field: UsableField): fc.Arbitrary<Between> | undefined {
  const takes = (...ops: Operator[]) => ops.every((op) => field.operators.includes(op));
  if (field.type !== "num" || !takes(">=", "<=", "<", ">")) return undefined;
  return fc
    .tuple(concretePath(field.path), scalarOf("num") as fc.Arbitrary<number>, scalarOf("num") as fc.Arbitrary<number>, fc.boolean())
    .map(([path, a, b, negated]) => ({ kind: "between", field: path, low: Math.min(a, b), high: Math.max(a, b), negated }));
}

const conditionCount = (tree: Tree): number =>
  tree.kind === "leaf" ? 1 : tree.kind === "between" ? 2 : tree.operands.reduce((n, t) => n + conditionCount(t), 0);

/** A binary tree over `n` operands: the shape, as the indices of its leaves. */
type Shape = number | { readonly connective: Connective; readonly left: Shape; readonly right: Shape };

function shapeOf(first: number, count: number): fc.Arbitrary<Shape> {
  if (count === 1) return fc.constant(first);
  return fc
    .tuple(fc.integer({ min: 1, max: count - 1 }), fc.constantFrom<Connective>("and", "or"))
    .chain(([left, connective]) =>
      fc.tuple(shapeOf(first, left), shapeOf(first + left, count - left)).map(([l, r]): Shape => ({ connective, left: l, right: r })),
    );
}

function build(shape: Shape, leaves: readonly Tree[]): Tree {
  if (typeof shape === "number") return leaves[shape]!;
  return { kind: "group", connective: shape.connective, operands: [build(shape.left, leaves), build(shape.right, leaves)] };
}

/**
 * Trees of 1 to `maxConditions` conditions over the scope's fields, every group binary (the
 * writers may flatten chains). `between` operands only when `withBetween` (text only).
 */
export function arbitraryTree(scope: Scope, options: TreeOptions, withBetween: boolean): fc.Arbitrary<Tree> {
  const max = options.maxConditions ?? scope.maxConditions;
  if (!Number.isInteger(max) || max < 1 || max > scope.maxConditions) {
    throw new RangeError(`dfsq/testing: maxConditions must be an integer from 1 to ${scope.maxConditions} (the API's limit here), got ${max}`);
  }
  if (scope.fields.length === 0) throw new RangeError("dfsq/testing: the catalog has no field that takes an operator without a warning");
  const operandOf = (field: UsableField): fc.Arbitrary<Tree> => {
    const between = withBetween && max >= 2 ? betweenOf(field) : undefined;
    return between === undefined ? leafOf(field, scope) : fc.oneof({ weight: 4, arbitrary: leafOf(field, scope) }, { weight: 1, arbitrary: between });
  };
  const fields = options.repeatFields === true
    ? fc.array(fc.constantFrom(...scope.fields), { minLength: 1, maxLength: max })
    : fc.shuffledSubarray([...scope.fields], { minLength: 1, maxLength: Math.min(max, scope.fields.length) });
  return fields
    .chain((chosen) => fc.tuple(...chosen.map(operandOf)))
    .map((operands) => {
      // Between counts two: drop operands from the end until the filter fits.
      const kept: Tree[] = [];
      let total = 0;
      for (const t of operands) {
        if (total + conditionCount(t) > max) continue;
        kept.push(t);
        total += conditionCount(t);
      }
      return kept;
    })
    .chain((operands) => shapeOf(0, operands.length).map((shape) => build(shape, operands)));
}

/** The tree as the API's arrays, groups binary (canonical: what compileFilter writes). */
export function toArrays(tree: Tree): FilterNode {
  switch (tree.kind) {
    case "leaf":
      return [tree.field, tree.op, Array.isArray(tree.value) ? [...(tree.value as Scalar[])] : (tree.value as Scalar)] satisfies Condition;
    case "between":
      return tree.negated
        ? [[tree.field, "<", tree.low], "or", [tree.field, ">", tree.high]]
        : [[tree.field, ">=", tree.low], "and", [tree.field, "<=", tree.high]];
    case "group": {
      const [left, right] = tree.operands as [Tree, Tree];
      return [toArrays(left), tree.connective, toArrays(right)];
    }
    default:
      return tree satisfies never;
  }
}
