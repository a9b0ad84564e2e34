import type { Scalar } from "../lower/filter-array.js";
import { unreachable, type Operator } from "../syntax/ast.js";
import { isAbsent, known, order, sameJson, sameValue, timeOf, type Known } from "./compare.js";
import { compileLike } from "./like.js";
import { compileMatch } from "./match-words.js";
import { compileRegex } from "./regex.js";

/*
 * One module of value semantics: what each DataForSEO operator means for one field value. Both
 * evaluators (over the arrays, and over the source AST) build their conditions here, so they
 * differ only in how they combine conditions, which is what the property tests compare.
 *
 * The null rule, everywhere: a field that is null or missing matches `= null` and nothing else
 * (not `<>`, `not_in`, `not_like`, `has_not` either: an unknown value is not a match). An
 * operator whose value does not fit it (`like` on a number, `has` on a string, `<` between a
 * number and a string) is false too, in its positive and its negated form alike.
 */

/** Whether one field value (undefined: the field is missing) satisfies a condition. */
export type ValueTest = (value: unknown) => boolean;

export type PreparedTest =
  | { readonly ok: true; readonly test: ValueTest }
  | { readonly ok: false; readonly code: "invalid_regex"; readonly reason: string };

const never: ValueTest = () => false;

function ok(test: ValueTest): PreparedTest {
  return { ok: true, test };
}

/** Order operators as a test on the sign of `field − value`. */
function orderHolds(op: "<" | "<=" | ">" | ">=", sign: number): boolean {
  switch (op) {
    case "<":
      return sign < 0;
    case "<=":
      return sign <= 0;
    case ">":
      return sign > 0;
    case ">=":
      return sign >= 0;
    default:
      return unreachable(op);
  }
}

/** Membership in an `in` list by `sameValue`, with a Set for speed. Null items match nothing. */
function membership(values: readonly Scalar[]): (value: unknown) => boolean {
  const exact = new Set<unknown>();
  const instants = new Set<number>();
  for (const v of values) {
    if (v === null) continue;
    exact.add(v);
    const t = typeof v === "string" ? timeOf(v) : undefined;
    if (t !== undefined) instants.add(t);
  }
  return (value) => {
    if (exact.has(value)) return true;
    if (instants.size === 0 || typeof value !== "string") return false;
    const t = timeOf(value);
    return t !== undefined && instants.has(t);
  };
}

function contains(array: readonly unknown[], element: Known): boolean {
  for (const item of array) if (!isAbsent(item) && sameValue(item, element)) return true;
  return false;
}

function asList(operand: Scalar | readonly Scalar[]): readonly Scalar[] {
  return Array.isArray(operand) ? operand : [operand as Scalar];
}

/**
 * Prepares `[field, op, operand]` for a literal operand: patterns are compiled here, once. Fails
 * only for a regex RE2 refuses. Operands of the wrong shape for `op` (which the checks reject
 * before this is reached) give a condition that matches nothing.
 */
export function prepareTest(op: Operator, operand: Scalar | readonly Scalar[]): PreparedTest {
  if (Array.isArray(operand) && op !== "in" && op !== "not_in") return ok(never);
  const scalar = operand as Scalar;
  switch (op) {
    case "=": {
      if (scalar === null) return ok(isAbsent);
      const k = known(scalar);
      return ok((v) => !isAbsent(v) && sameValue(v, k));
    }
    case "<>": {
      if (scalar === null) return ok((v) => !isAbsent(v));
      const k = known(scalar);
      return ok((v) => !isAbsent(v) && !sameValue(v, k));
    }
    case "<":
    case "<=":
    case ">":
    case ">=": {
      if (scalar === null) return ok(never);
      const k = known(scalar);
      return ok((v) => {
        const sign = isAbsent(v) ? undefined : order(v, k);
        return sign !== undefined && orderHolds(op, sign);
      });
    }
    case "in":
    case "not_in": {
      const member = membership(asList(operand));
      return op === "in" ? ok((v) => !isAbsent(v) && member(v)) : ok((v) => !isAbsent(v) && !member(v));
    }
    case "like":
    case "not_like":
    case "ilike":
    case "not_ilike": {
      if (typeof scalar !== "string") return ok(never);
      const like = compileLike(scalar, op === "ilike" || op === "not_ilike");
      const positive = op === "like" || op === "ilike";
      return ok((v) => typeof v === "string" && like(v) === positive);
    }
    case "regex":
    case "not_regex": {
      if (typeof scalar !== "string") return ok(never);
      const regex = compileRegex(scalar);
      if (!regex.ok) return { ok: false, code: "invalid_regex", reason: regex.reason };
      const positive = op === "regex";
      return ok((v) => typeof v === "string" && regex.test(v) === positive);
    }
    case "match":
    case "not_match": {
      if (typeof scalar !== "string") return ok(never);
      const match = compileMatch(scalar);
      const positive = op === "match";
      return ok((v) => typeof v === "string" && match(v) === positive);
    }
    case "has":
    case "has_not": {
      if (scalar === null) return ok(never);
      const k = known(scalar);
      const positive = op === "has";
      return ok((v) => Array.isArray(v) && contains(v, k) === positive);
    }
    default:
      return unreachable(op);
  }
}

/** Whether two values of one item satisfy `[field, op, "$item->other"]`. */
export type ReferenceTest = (value: unknown, other: unknown) => boolean;

/**
 * Prepares a condition whose right side is another field of the same item (`$item->path`). Only
 * `=`, `<>` and the order operators take one; a null or missing value on either side matches
 * nothing, `=` included. Other operators give a condition that matches nothing.
 */
export function prepareReference(op: Operator): ReferenceTest {
  switch (op) {
    case "=":
      return (a, b) => !isAbsent(a) && !isAbsent(b) && sameJson(a, b);
    case "<>":
      return (a, b) => !isAbsent(a) && !isAbsent(b) && !sameJson(a, b);
    case "<":
    case "<=":
    case ">":
    case ">=":
      return (a, b) => {
        const sign = isAbsent(a) || isAbsent(b) ? undefined : order(a, known(b));
        return sign !== undefined && orderHolds(op, sign);
      };
    case "in":
    case "not_in":
    case "like":
    case "not_like":
    case "ilike":
    case "not_ilike":
    case "regex":
    case "not_regex":
    case "match":
    case "not_match":
    case "has":
    case "has_not":
      return never;
    default:
      return unreachable(op);
  }
}
