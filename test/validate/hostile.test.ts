import { describe, expect, it } from "vitest";
import { printFilter, printOrderBy } from "../../src/print/print-filter.js";
import { compileMatcher, matchItems } from "../../src/eval/evaluate.js";
import { validateFilter, validateOrderBy } from "../../src/validate/validate.js";
import { expectOnlyDfsqError } from "../helpers/errors.js";

/*
 * validateFilter and validateOrderBy never throw, whatever the value: each of these threw a
 * TypeError (or passed the caller's own exception through) when zod read them.
 */

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable([], {});
  revoke();
  return proxy;
}

function throwingGetter(index: number, of: unknown[]): unknown[] {
  const copy = [...of];
  Object.defineProperty(copy, index, {
    get() {
      throw new Error("boom");
    },
  });
  return copy;
}

function trapping(trap: keyof ProxyHandler<object>, target: unknown[] = [["a", "=", 1], "and", ["b", "=", 2]]): unknown {
  return new Proxy(target, {
    [trap]() {
      throw new Error(`the ${trap} trap`);
    },
  });
}

/** `items` with a hole at `index`, as `[a, , b]` makes one. */
function withHole(items: unknown[], index: number): unknown[] {
  const copy = [...items];
  // oxlint-disable-next-line typescript/no-dynamic-delete -- making a sparse array is the point
  delete copy[index];
  return copy;
}

function cyclicObject(): unknown {
  const o: Record<string, unknown> = {};
  o.self = o;
  return o;
}

function nullPrototype(): unknown {
  return Object.create(null) as unknown;
}

/** The value, and the JSON path of the diagnostic it must get. */
const HOSTILE: readonly [string, () => unknown, (string | number)[]][] = [
  ["an object whose length has a null toString", () => JSON.parse('{"length":{"toString":null}}'), []],
  ["a BigInt operator", () => ["a", 10n, 1], [1]],
  ["a BigInt value", () => ["a", "=", 10n], [2]],
  ["a cyclic object as the operator", () => ["a", cyclicObject(), 1], [1]],
  ["a cyclic object as the value", () => ["a", "=", cyclicObject()], [2]],
  ["a throwing getter on a condition", () => throwingGetter(1, ["a", "=", 1]), [1]],
  ["a throwing getter in a group", () => throwingGetter(2, [["a", "=", 1], "and", ["b", "=", 2]]), [2]],
  ["a throwing getter in an in list", () => ["a", "in", throwingGetter(0, [1, 2])], [2, 0]],
  ["a Proxy whose get trap throws", () => trapping("get"), []],
  ["a Proxy whose has trap throws (read for a hole)", () => trapping("has", [["a", "=", 1], "and", undefined]), [2]],
  ["a Proxy that lies about its length", () => new Proxy([], { get: (t, k) => (k === "length" ? -1 : Reflect.get(t, k)) }), []],
  ["a revoked Proxy", revoked, []],
  ["a revoked Proxy inside", () => [["a", "=", 1], "and", revoked()], [2]],
  ["an object with no prototype", nullPrototype, []],
  ["an object with no prototype as a value", () => ["a", "=", nullPrototype()], [2]],
  ["a Symbol as the field", () => [Symbol("f"), "=", 1], [1]],
  ["a Symbol as the value", () => ["a", "=", Symbol("v")], [2]],
  ["a function as the value", () => ["a", "=", () => 1], [2]],
  ["a hole", () => withHole([["a", "=", 1], "and", ["b", "=", 2]], 2), [2]],
];

describe("validateFilter answers hostile values with diagnostics", () => {
  it.each(HOSTILE)("%s", (_, make, path) => {
    const r = validateFilter(make());
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.path)).toContainEqual(path);
    for (const d of r.diagnostics) expect(["invalid_filter", "input_too_long"]).toContain(d.code);
  });

  it.each(HOSTILE)("%s: printFilter, compileMatcher and matchItems throw only DfsqError", (_, make) => {
    expectOnlyDfsqError(() => printFilter(make()));
    expectOnlyDfsqError(() => compileMatcher(make()));
    expectOnlyDfsqError(() => matchItems(make(), []));
  });

  it("describes a value without running its code", () => {
    let called = 0;
    const sneaky = {
      toString() {
        called++;
        return "x";
      },
      toJSON() {
        called++;
        return "x";
      },
    };
    const r = validateFilter(["a", sneaky, 1]);
    expect(r.diagnostics[0]?.message).toMatch(/found an object/);
    expect(called).toBe(0);
  });
});

const HOSTILE_ORDER_BY: readonly [string, () => unknown, (string | number)[]][] = [
  ["an object whose length has a null toString", () => JSON.parse('{"length":{"toString":null}}'), []],
  ["a BigInt rule", () => [10n], [0]],
  ["a Symbol rule", () => [Symbol("r")], [0]],
  ["a cyclic object as a rule", () => [cyclicObject()], [0]],
  ["a throwing getter", () => throwingGetter(0, ["rank,desc"]), [0]],
  ["a Proxy whose get trap throws", () => trapping("get", ["rank,desc"]), []],
  ["a revoked Proxy", revoked, []],
  ["an object with no prototype", nullPrototype, []],
  ["a hole", () => withHole(["rank,desc", "x,asc", "a,asc"], 1), [1]],
];

describe("validateOrderBy answers hostile values with diagnostics", () => {
  it.each(HOSTILE_ORDER_BY)("%s", (_, make, path) => {
    const r = validateOrderBy(make());
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid_order_by", path]]);
    expectOnlyDfsqError(() => printOrderBy(make()));
  });
});

describe("a matcher never throws on a hostile item", () => {
  it.each<[string, unknown]>([
    ["a throwing getter", Object.defineProperty({}, "a", { enumerable: true, get: () => { throw new Error("boom"); } })],
    ["a revoked Proxy", revoked()],
    ["a Proxy whose traps throw", new Proxy({ a: 1 }, { getOwnPropertyDescriptor: () => { throw new Error("trap"); } })],
  ])("%s does not match", (_, item) => {
    for (const filter of [["a", "=", 1], ["a", "<>", 1], ["a", "=", null], ["a", "=", "$item->b"]]) {
      expect(compileMatcher(filter)(item)).toBe(false);
    }
  });
});
