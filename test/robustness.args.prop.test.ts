import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as dfsq from "../src/index.js";
import * as evaluate from "../src/eval/index.js";
import * as validate from "../src/validate/index.js";
import { expectOnlyDfsqError } from "./helpers/errors.js";

/*
 * Every public function (everything exported from src/index.ts, dfsq/validate and dfsq/eval)
 * called with arbitrary JavaScript values answers with a result or a DfsqError, never a
 * TypeError, a RangeError or the caller's own exception.
 */

/**
 * An argument, made afresh inside the property: fast-check inspects the values it generates, and
 * a revoked Proxy would break fast-check itself, so it generates makers and shows their labels.
 */
class Arg {
  constructor(
    readonly make: () => unknown,
    readonly label: string,
  ) {}

  [fc.toStringMethod](): string {
    return this.label;
  }
}

/** Values no JSON holds: proxies that throw or lie, revoked proxies, throwing getters, cycles. */
const HOSTILE: readonly Arg[] = [
  new Arg(() => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    return proxy;
  }, "a revoked array Proxy"),
  new Arg(() => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  }, "a revoked object Proxy"),
  new Arg(() => new Proxy(["a", "=", 1], { get: () => { throw new Error("get trap"); } }), "an array Proxy whose get throws"),
  new Arg(
    () => new Proxy({}, { get: () => { throw new Error("get trap"); }, has: () => { throw new Error("has trap"); }, getPrototypeOf: () => { throw new Error("prototype trap"); } }),
    "an object Proxy whose traps throw",
  ),
  new Arg(() => new Proxy([], { get: (t, k) => (k === "length" ? 1e15 : Reflect.get(t, k)) }), "a Proxy that lies about its length"),
  new Arg(() => Object.defineProperty([1, 2, 3], 1, { get: () => { throw new Error("getter"); } }), "an array with a throwing getter"),
  new Arg(() => Object.defineProperty({}, "endpoint", { enumerable: true, get: () => { throw new Error("getter"); } }), "options with a throwing getter"),
  new Arg(() => {
    const a: unknown[] = [];
    a.push(a, "and", a);
    return a;
  }, "a cyclic group"),
  new Arg(() => {
    const o: Record<string, unknown> = {};
    o.self = o;
    o.raw = o;
    return o;
  }, "a cyclic object"),
  new Arg(() => Object.create(null) as unknown, "an object with no prototype"),
  new Arg(() => ({ toString: () => { throw new Error("toString"); }, valueOf: () => { throw new Error("valueOf"); } }), "an object that cannot become text"),
  new Arg(() => Symbol("s"), "a symbol"),
  new Arg(() => 10n ** 40n, "a big bigint"),
  new Arg(() => new Date(Number.NaN), "an invalid Date"),
  new Arg(() => ({ length: { toString: null } }), '{"length":{"toString":null}}'),
];

const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true, maxDepth: 3 });

const anyArg: fc.Arbitrary<Arg> = fc.oneof(
  { weight: 4, arbitrary: anything.map((v) => new Arg(() => v, fc.stringify(v))) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>("a > 1", "rank desc", ["a", "=", 1], ["a,asc"], { endpoint: "backlinks/referring_domains" }, {}, 0, 3).map((v) => new Arg(() => v, fc.stringify(v))),
  },
);

const OPTION_KEYS = ["endpoint", "param", "catalog", "now", "chains", "optimize", "mode", "maxConditions", "maxSortRules", "maxInputLength", "maxDepth", "maxListLength", "color", "width"];

/** An options argument: anything, or an object whose known keys hold anything. */
const anyOptions: fc.Arbitrary<Arg> = fc.oneof(
  anyArg,
  fc.dictionary(fc.constantFrom(...OPTION_KEYS), anyArg, { maxKeys: 4 }).map(
    (entries) => new Arg(() => Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v.make()])), `{${Object.entries(entries).map(([k, v]) => `${k}: ${v.label}`).join(", ")}}`),
  ),
);

type Call = (a: unknown, b: unknown, c: unknown) => unknown;
const call = (fn: unknown): Call => fn as Call;

const WHERE_METHODS = Object.keys(dfsq.where) as (keyof typeof dfsq.where)[];

const PUBLIC: Readonly<Record<string, Call>> = {
  checkFilter: call(dfsq.checkFilter),
  checkOrderBy: call(dfsq.checkOrderBy),
  compileFilter: call(dfsq.compileFilter),
  compileOrderBy: call(dfsq.compileOrderBy),
  printFilter: call(dfsq.printFilter),
  printOrderBy: call(dfsq.printOrderBy),
  "filter (tag or options)": call(dfsq.filter),
  "filter(options) then the tag": (a, b, c) => call(dfsq.filter(a as never))(b, c, a),
  "filter.check": call(dfsq.filter.check),
  "orderBy (tag or options)": call(dfsq.orderBy),
  "orderBy(options) then the tag": (a, b, c) => call(dfsq.orderBy(a as never))(b, c, a),
  "orderBy.check": call(dfsq.orderBy.check),
  field: call(dfsq.field),
  whereFor: call(dfsq.whereFor),
  "new BuiltFilter": (a) => new dfsq.BuiltFilter(a as never),
  analyze: call(dfsq.analyze),
  complete: call(dfsq.complete),
  hover: call(dfsq.hover),
  exampleExpression: call(dfsq.exampleExpression),
  formatDiagnostics: call(dfsq.formatDiagnostics),
  "new DfsqError": (a, b) => new dfsq.DfsqError(a as never, b as never),
  fieldsOf: call(dfsq.fieldsOf),
  listEndpoints: call(dfsq.listEndpoints),
  ...Object.fromEntries(WHERE_METHODS.map((m) => [`where.${m}`, call(dfsq.where[m])])),
  validateFilter: call(validate.validateFilter),
  validateOrderBy: call(validate.validateOrderBy),
  validateTask: call(validate.validateTask),
  validateRequest: call(validate.validateRequest),
  "new DfsqError (dfsq/validate)": (a, b) => new validate.DfsqError(a as never, b as never),
  compileMatcher: call(evaluate.compileMatcher),
  evaluateFilter: call(evaluate.evaluateFilter),
  matchItems: call(evaluate.matchItems),
  "a matcher on any item": (a) => evaluate.compileMatcher([["a", "=", 1], "or", ["b", "<", "$item->c"]])(a),
};

describe("every public function, called with arbitrary JavaScript values", () => {
  it.each(Object.keys(PUBLIC))("%s throws nothing but DfsqError", (name) => {
    const fn = PUBLIC[name]!;
    fc.assert(
      fc.property(anyArg, anyArg, anyOptions, (a, b, c) => {
        expectOnlyDfsqError(() => fn(a.make(), b.make(), c.make()));
        // With the usual shapes around the odd argument, too.
        expectOnlyDfsqError(() => fn("a > 1", a.make(), b.make()));
        expectOnlyDfsqError(() => fn(a.make(), 1, c.make()));
      }),
      { numRuns: 150 },
    );
  });

  it("every export that is a function is covered", () => {
    const covered = new Set(Object.keys(PUBLIC).map((k) => k.replace(/^new /, "").split(/[ .(]/)[0]));
    const functions = [dfsq, validate, evaluate].flatMap((module) =>
      Object.entries(module).filter(([name, value]) => typeof value === "function" && !name.endsWith("Schema")).map(([name]) => name),
    );
    expect(functions.filter((name) => !covered.has(name))).toEqual([]);
  });

  it("results carry diagnostics, with a code, a message and a numeric span", () => {
    fc.assert(
      fc.property(anyArg, anyOptions, (a, options) => {
        const value = a.make();
        const given = options.make();
        for (const r of [dfsq.checkFilter(value as never, given as never), dfsq.checkOrderBy(value as never, given as never), validate.validateFilter(value, given as never)]) {
          expect(r.ok).toBe(r.value !== undefined);
          for (const d of r.diagnostics) {
            expect(typeof d.code).toBe("string");
            expect(typeof d.message).toBe("string");
            expect(Number.isInteger(d.span.start) && Number.isInteger(d.span.end)).toBe(true);
            expect(Number.isInteger(d.line) && Number.isInteger(d.column)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
