import fc from "fast-check";
// @ts-expect-error: lodash-es (Chevrotain's dependency, the reference here) ships no declarations
import * as lodash from "lodash-es";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module without declarations
import * as shim from "../../scripts/shims/lodash-es.mjs";

/*
 * The shim stands in for lodash-es in every bundle and every test, so it must agree with lodash on
 * the shapes Chevrotain passes: arrays and plain objects, function iteratees (and, for forEach,
 * `false` to stop early).
 */

const collection = fc.oneof(
  fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 8 }),
  fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e"), fc.integer({ min: -5, max: 5 })),
);
const predicate = fc.constantFrom(
  (v: number) => v > 0,
  (v: number) => v % 2 === 0,
  (_v: number, k: string | number) => String(k) < "c",
);
type Fn = (...args: unknown[]) => unknown;
const ITERATING = ["map", "filter", "reject", "find", "some", "every"] as const;
const pick = (module: unknown, name: string) => (module as Record<string, Fn>)[name]!;
const add = (a: number, v: number) => a * 2 + v;

describe("the lodash-es shim", () => {
  for (const name of ITERATING) {
    it(`${name} agrees with lodash`, () => {
      fc.assert(
        fc.property(collection, predicate, (c, p) => {
          expect(pick(shim, name)(c, p)).toEqual(pick(lodash, name)(c, p));
        }),
      );
    });
  }
  it("forEach visits what lodash visits and stops on false", () => {
    fc.assert(
      fc.property(collection, fc.integer({ min: 0, max: 8 }), (c, stopAt) => {
        const visits = (forEach: Fn) => {
          const seen: unknown[] = [];
          forEach(c, (v: unknown, k: unknown) => {
            seen.push([k, v]);
            return seen.length === stopAt ? false : undefined;
          });
          return seen;
        };
        expect(visits(shim.forEach)).toEqual(visits(lodash.forEach as Fn));
      }),
    );
  });
  it("reduce agrees with lodash, with and without an accumulator", () => {
    fc.assert(
      fc.property(collection, (c) => {
        expect(shim.reduce(c, add, 1)).toEqual(lodash.reduce(c, add, 1));
        expect(shim.reduce(c, add)).toEqual((lodash.reduce as Fn)(c, add));
      }),
    );
  });
  it("keys, values, isEmpty, uniq, difference, flatten, compact, groupBy agree with lodash", () => {
    fc.assert(
      fc.property(collection, fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 8 }), (c, a) => {
        expect(shim.keys(c)).toEqual(lodash.keys(c));
        expect(shim.values(c)).toEqual(lodash.values(c));
        expect(shim.isEmpty(c)).toEqual(lodash.isEmpty(c));
        expect(shim.uniq(a)).toEqual(lodash.uniq(a));
        expect(shim.difference(a, [0, 1])).toEqual(lodash.difference(a, [0, 1]));
        expect(shim.flatten([a, [a]])).toEqual(lodash.flatten([a, [a]]));
        expect(shim.compact(a)).toEqual(lodash.compact(a));
        expect(shim.groupBy(a, (v: number) => v % 3)).toEqual(lodash.groupBy(a, (v: number) => v % 3));
      }),
    );
  });
});
