import { describe, expect, it } from "vitest";
import { prepareTask, TaskError } from "../../src/client/index.js";
import { compileFilter } from "../../src/compile.js";
import { compileMatcher, evaluateFilter, matchItems } from "../../src/eval/evaluate.js";
import { DEFAULT_LIMITS, rawElementBudget } from "../../src/options.js";
import { printFilter, printOrderBy } from "../../src/print/print-filter.js";
import { validateFilter, validateOrderBy } from "../../src/validate/validate.js";
import { dfsqError, thrown } from "../helpers/errors.js";

/*
 * The one walk over raw values (src/arrays/read.ts), through every entry point that takes one:
 * cycles end in a diagnostic, and the work done is bounded by the limits, not by the value.
 */

/** `[a, "and", a]` where `a` is the array itself. */
function selfAnd(): unknown[] {
  const a: unknown[] = [];
  a.push(a, "and", a);
  return a;
}

/** `[["f","=",1], "or", b]` where `b` is the array itself: the cycle is on the right. */
function rightCycle(): unknown[] {
  const b: unknown[] = [["f", "=", 1], "or"];
  b.push(b);
  return b;
}

/** A condition whose `in` list contains itself. */
function cyclicList(): unknown[] {
  const list: unknown[] = [1];
  list.push(list);
  return ["f", "in", list];
}

const CYCLES: readonly [string, () => unknown][] = [
  ["a group that is its own left operand", selfAnd],
  ["a group that is its own right operand", rightCycle],
  ["a once-wrapped condition that is itself", () => { const w: unknown[] = []; w.push(w); return w; }],
  ["an in list that contains itself", cyclicList],
];

describe("cyclic values end in a diagnostic at every entry point", () => {
  it.each(CYCLES)("%s: validateFilter", (_, make) => {
    const r = validateFilter(make());
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain("invalid_filter");
  });

  it.each(CYCLES)("%s: printFilter, evaluateFilter, compileMatcher, matchItems", (_, make) => {
    for (const run of [
      () => printFilter(make()),
      () => evaluateFilter(make(), {}),
      () => compileMatcher(make()),
      () => matchItems(make(), [{}]),
    ]) {
      expect(dfsqError(run).diagnostics.map((d) => d.code)).toContain("invalid_filter");
    }
  });

  it("names the cycle where the array meets itself", () => {
    const [d] = validateFilter(selfAnd()).diagnostics;
    expect(d?.path).toEqual([0]);
    expect(d?.message).toMatch(/contains itself/);
  });

  it.each(CYCLES)("%s: the client's task preparation (a ready array)", (_, make) => {
    const e = thrown(() => prepareTask("backlinks/referring_domains", { target: "x.com", filters: make() }), TaskError);
    expect(e.problems.flatMap((p) => p.diagnostics.map((d) => d.code))).toContain("invalid_filter");
  });

  it("an order-by that contains itself", () => {
    const o: unknown[] = ["rank,desc"];
    o.push(o);
    expect(validateOrderBy(o).diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid_order_by", [1]]]);
    expect(dfsqError(() => printOrderBy(o)).diagnostics.map((d) => d.code)).toEqual(["invalid_order_by"]);
  });

  it("a value shared by two places is no cycle", () => {
    const c = ["rank", ">", 1];
    expect(validateFilter([c, "and", [c, "or", c]]).value).toEqual([["rank", ">", 1], "and", [["rank", ">", 1], "or", ["rank", ">", 1]]]);
  });
});

/**
 * `value` behind Proxies (arrays nested in it too) that count every property read: the measure
 * of the walk's work, independent of the machine.
 */
function counted(value: unknown): { value: unknown; reads: () => number } {
  let reads = 0;
  const wrapped = new WeakMap<object, unknown>();
  const wrap = (v: unknown): unknown => {
    if (!Array.isArray(v)) return v;
    const known = wrapped.get(v);
    if (known !== undefined) return known;
    const proxy = new Proxy(v, {
      get(target, key, receiver) {
        reads++;
        return wrap(Reflect.get(target, key, receiver));
      },
    });
    wrapped.set(v, proxy);
    return proxy;
  };
  return { value: wrap(value), reads: () => reads };
}

function rules(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `f${i},asc`);
}

function flatChain(n: number): unknown[] {
  const out: unknown[] = [["f0", "=", 0]];
  for (let i = 1; i < n; i++) out.push("and", [`f${i}`, "=", i]);
  return out;
}

function leftNested(n: number): unknown {
  let x: unknown = ["f0", "=", 0];
  for (let i = 1; i < n; i++) x = [x, "and", [`f${i}`, "=", i]];
  return x;
}

/** Reads of one validation of `make(n)`, for two sizes. */
function readsAt(make: (n: number) => unknown, sizes: readonly number[], check: (v: unknown) => unknown): number[] {
  return sizes.map((n) => {
    const c = counted(make(n));
    check(c.value);
    return c.reads();
  });
}

describe("caps apply while walking: the work is bounded by the limits, not by the value", () => {
  const budget = rawElementBudget(DEFAULT_LIMITS);

  it("an `in` list of 10^6 values is refused from its length: a handful of reads", () => {
    const [reads] = readsAt((n) => ["f", "in", Array.from({ length: n }, (_, i) => i)], [1_000_000], validateFilter);
    expect(reads).toBeLessThan(20);
    const c = counted(["f", "in", Array.from({ length: 1_000_000 }, (_, i) => i)]);
    expect(validateFilter(c.value).diagnostics.map((d) => d.code)).toEqual(["list_too_long"]);
  });

  it("a flat group of 10^5 conditions is refused from its length", () => {
    const reads = readsAt(flatChain, [100_000, 200_000], validateFilter);
    expect(reads[0]).toBeLessThan(20);
    expect(reads[1]).toBe(reads[0]);
    expect(validateFilter(flatChain(100_000)).diagnostics.map((d) => d.code)).toEqual(["input_too_long"]);
  });

  it("10^5 left-nested conditions are read up to the budget, and no further", () => {
    const reads = readsAt(leftNested, [20_000, 100_000], validateFilter);
    // Each element is read once, plus each array's length: at most twice the budget.
    expect(reads[0]).toBeLessThanOrEqual(2 * budget + 10);
    expect(reads[1]).toBe(reads[0]);
    const r = validateFilter(leftNested(100_000));
    expect(r.diagnostics.map((d) => d.code)).toEqual(["input_too_long"]);
  });

  it("the printer stops at the same budget", () => {
    const reads = readsAt(leftNested, [100_000, 200_000], (v) => dfsqError(() => printFilter(v)));
    expect(reads[1]).toBe(reads[0]);
  });

  it("the evaluator, which has no condition cap, refuses a group longer than its budget from its length", () => {
    // Sparse: the length is what matters, and nothing past it is read.
    const huge: unknown[] = [];
    huge.length = 20_000_001;
    const c = counted(huge);
    expect(dfsqError(() => compileMatcher(c.value)).diagnostics.map((d) => d.code)).toEqual(["input_too_long"]);
    expect(c.reads()).toBeLessThan(5);
  });

  it("an order-by of 10^5 rules is refused from its length", () => {
    const reads = readsAt(rules, [100_000, 1_000_000], validateOrderBy);
    expect(reads[0]).toBeLessThan(10);
    expect(reads[1]).toBe(reads[0]);
    expect(validateOrderBy(rules(100_000)).diagnostics.map((d) => [d.code, d.path])).toEqual([["too_many_sort_rules", [3]]]);
  });

  it("each element is read once: a value cannot change between its check and its use", () => {
    let flips = 0;
    // A condition whose operator reads as "=" the first time and "regex" after.
    const sly = new Proxy(["f", "=", "("], {
      get(target, key, receiver) {
        if (key === "1") return flips++ === 0 ? "=" : "regex";
        return Reflect.get(target, key, receiver);
      },
    });
    expect(validateFilter(sly).value).toEqual(["f", "=", "("]);
    expect(flips).toBe(1);
  });
});

describe("nesting counts the parentheses the text needs", () => {
  it("reads back what the compiler emits at maxDepth, between pairs included", () => {
    for (const maxDepth of [0, 1, 2, 5]) {
      let source = "x > 0 and y not between 1 and 2 and z = false";
      for (let i = 0; i < maxDepth; i++) source = `a${i} > 0 ${i % 2 === 0 ? "or" : "and"} (b${i} > 0 ${i % 2 === 0 ? "and" : "or"} ${source})`;
      if (maxDepth > 0) source = `not w and ${source}`;
      const options = { maxDepth, maxConditions: 100 };
      const compiled = compileFilter(source, options);
      expect(validateFilter(compiled, options).value).toEqual(compiled);
      expect(compileFilter(printFilter(compiled, options), options)).toEqual(compiled);
    }
  });

  it("refuses a right-nested group past maxDepth, with a message about groups only", () => {
    const x = [["a", "=", 1], "and", [["b", "=", 1], "and", ["c", "=", 1]]];
    expect(validateFilter(x, { maxDepth: 1 }).ok).toBe(true);
    const [d] = validateFilter(x, { maxDepth: 0 }).diagnostics;
    expect([d?.code, d?.path]).toEqual(["nesting_too_deep", [2]]);
    expect(d?.message).not.toMatch(/not/);
  });

  it("reads a compiled filter of 300 conditions (left-nested 299 deep) when the limits allow it", () => {
    const source = Array.from({ length: 300 }, (_, i) => `f${i} > ${i}`).join(" and ");
    const compiled = compileFilter(source, { maxConditions: 1000 });
    expect(validateFilter(compiled, { maxConditions: 1000 }).value).toEqual(compiled);
  });
});
