import type { Scalar } from "./filter-array.js";
import type { LoweredCondition, LoweredNode } from "./lowered.js";

/*
 * Conditions of one `and` chain that cannot all hold: `rank > 10 and rank < 5`, `x = 1 and x = 2`,
 * `x = 1 and x <> 1`, `x in (1, 2) and x = 3`. The filter is valid, but DataForSEO would answer
 * with no items and still charge for the call. Judged on the lowered tree, that is on what is sent
 * (after `not`, `between` and the rewrites), field by field within each chain; a field compared
 * inside a nested `or` is left alone. Order is judged only where its meaning is certain: numbers,
 * and times in the API's format (whose text sorts as the instants do). Only certain contradictions
 * are reported: `x = "a" and x = "A"` is not one, since the API may compare text ignoring case.
 */

const API_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+00:00$/;

type Ordered = number | string;

function ordered(value: Scalar): Ordered | undefined {
  if (typeof value === "number") return value;
  return typeof value === "string" && API_TIME.test(value) ? value : undefined;
}

/** -1, 0, 1, or undefined when the two are not comparable (a number and a time). */
function compare(a: Ordered, b: Ordered): number | undefined {
  if (typeof a !== typeof b) return undefined;
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Bound {
  readonly value: Ordered;
  readonly inclusive: boolean;
}

/** What one field may still be, given the conditions read so far. */
class Range {
  /** The values `=` and `in` leave; undefined: any. */
  possible: Scalar[] | undefined;
  readonly excluded: Scalar[] = [];
  lower: Bound | undefined;
  upper: Bound | undefined;
  /** Set when a condition could not be judged: nothing more is concluded about the field. */
  unknown = false;

  add(c: LoweredCondition): void {
    const values = Array.isArray(c.value) ? c.value : [c.value];
    if (values.some((v) => v === null)) {
      this.unknown = true;
      return;
    }
    switch (c.op) {
      case "=":
      case "in":
        this.possible = this.possible === undefined ? values.slice() : this.possible.filter((p) => values.some((v) => maybeSame(p, v)));
        return;
      case "<>":
      case "not_in":
        this.excluded.push(...values);
        return;
      case "<":
      case "<=":
      case ">":
      case ">=": {
        const value = ordered(values[0]!);
        if (value === undefined) {
          this.unknown = true;
          return;
        }
        const bound = { value, inclusive: c.op === "<=" || c.op === ">=" };
        if (c.op === "<" || c.op === "<=") this.upper = tighter(this.upper, bound, 1);
        else this.lower = tighter(this.lower, bound, -1);
        return;
      }
      default:
        // Patterns, `has`: nothing this reasoning can use.
        return;
    }
  }

  isEmpty(): boolean {
    if (this.unknown) return false;
    if (this.possible !== undefined) return this.possible.every((v) => this.excludes(v));
    const { lower, upper } = this;
    if (lower === undefined || upper === undefined) return false;
    const order = compare(lower.value, upper.value);
    if (order === undefined) return false;
    if (order > 0) return true;
    if (order < 0) return false;
    return !(lower.inclusive && upper.inclusive) || this.excluded.some((v) => v === lower.value);
  }

  /** Whether `v` is ruled out, as far as can be known. */
  private excludes(v: Scalar): boolean {
    if (this.excluded.some((x) => same(x, v))) return true;
    const value = v === null ? undefined : ordered(v);
    if (value === undefined) return false;
    const below = this.lower === undefined ? undefined : compare(value, this.lower.value);
    const above = this.upper === undefined ? undefined : compare(value, this.upper.value);
    return (
      (below !== undefined && (below < 0 || (below === 0 && !this.lower!.inclusive))) ||
      (above !== undefined && (above > 0 || (above === 0 && !this.upper!.inclusive)))
    );
  }
}

const same = (a: Scalar, b: Scalar) => typeof a === typeof b && a === b;

/** Whether DataForSEO might take `a` and `b` for one value: its string comparisons may ignore
 * case, and it may read "10" as 10. Two `=` conflict only when the values are surely different. */
const maybeSame = (a: Scalar, b: Scalar) => same(a, b) || String(a).trim().toLowerCase() === String(b).trim().toLowerCase();

/** The stricter of two bounds: `direction` 1 keeps the smaller (an upper bound), -1 the larger. */
function tighter(current: Bound | undefined, next: Bound, direction: 1 | -1): Bound {
  if (current === undefined) return next;
  const order = compare(next.value, current.value);
  if (order === undefined) return current;
  if (order * direction < 0) return next;
  return order === 0 && !next.inclusive ? next : current;
}

/**
 * Calls `report` once per field of each `and` chain whose conditions cannot all hold, with those
 * conditions (the last is where the contradiction became certain). Recursion only as deep as the
 * groups nest.
 */
export function findContradictions(node: LoweredNode, report: (conditions: readonly LoweredCondition[]) => void, inAnd = false): void {
  if (node.kind === "cond") return;
  // An `and` group inside an `and` (`a and (b and c)`) is part of the same chain: judged with it.
  if (node.op === "and" && !inAnd) {
    const chain = conditionsOfChain(node);
    // A contradiction takes two conditions on one field; most chains name each field once, and
    // then cost one Set here instead of a Range per field (measured: ~5 % of a compile).
    const repeated = fieldsNamedTwice(chain);
    if (repeated.size === 0) {
      for (const item of node.items) findContradictions(item, report, true);
      return;
    }
    const ranges = new Map<string, { range: Range; seen: LoweredCondition[]; reported: boolean }>();
    for (const item of chain) {
      if (!repeated.has(item.field)) continue;
      let entry = ranges.get(item.field);
      if (entry === undefined) ranges.set(item.field, (entry = { range: new Range(), seen: [], reported: false }));
      entry.range.add(item);
      entry.seen.push(item);
      if (!entry.reported && entry.range.isEmpty()) {
        entry.reported = true;
        report(entry.seen.slice());
      }
    }
  }
  for (const item of node.items) findContradictions(item, report, node.op === "and");
}

const NONE: ReadonlySet<string> = new Set();

/** Chains up to this long are compared pair by pair, allocating nothing (the API's 8 and more). */
const PAIRWISE = 32;

/**
 * The fields that more than one of `conditions` name. A long chain's names are sorted instead of
 * put in a Set: 10,000 names took 2.2 ms in a Set and 0.4 ms sorted (a tenth of compiling them).
 */
function fieldsNamedTwice(conditions: readonly LoweredCondition[]): ReadonlySet<string> {
  let twice: Set<string> | undefined;
  if (conditions.length <= PAIRWISE) {
    for (let i = 1; i < conditions.length; i++) {
      const field = conditions[i]!.field;
      for (let j = 0; j < i; j++) {
        if (conditions[j]!.field === field) {
          (twice ??= new Set()).add(field);
          break;
        }
      }
    }
    return twice ?? NONE;
  }
  const names = conditions.map((c) => c.field).toSorted();
  for (let i = 1; i < names.length; i++) if (names[i] === names[i - 1]) (twice ??= new Set()).add(names[i]!);
  return twice ?? NONE;
}

/** The conditions an `and` chain holds directly or through nested `and` groups, in order. */
function conditionsOfChain(node: LoweredNode & { kind: "group" }): LoweredCondition[] {
  const out: LoweredCondition[] = [];
  const stack: LoweredNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === "cond") out.push(n);
    else if (n.op === node.op) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]!);
  }
  return out;
}
