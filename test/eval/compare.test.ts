import { describe, expect, it } from "vitest";
import { known, order, sameJson, sameValue, timeOf } from "../../src/eval/compare.js";

describe("timeOf", () => {
  it.each([
    ["2024-01-31 10:00:00 +00:00", Date.UTC(2024, 0, 31, 10)],
    ["2024-01-31T10:00:00Z", Date.UTC(2024, 0, 31, 10)],
    ["2024-01-31T12:00:00+02:00", Date.UTC(2024, 0, 31, 10)],
    ["2024-01-31", Date.UTC(2024, 0, 31)],
  ])("%s is an instant", (text, ms) => {
    expect(timeOf(text)).toBe(ms);
  });

  it.each(["2024-02-30", "2024-01-31x", "seo", "10", "", "2024", `2024-01-31${" ".repeat(100)}`, "x2024-01-31"])(
    "%j is not a time",
    (text) => {
      expect(timeOf(text)).toBeUndefined();
    },
  );
});

describe("sameValue", () => {
  it.each<[unknown, unknown, boolean]>([
    [1, 1, true],
    [0, -0, true],
    [1, "1", false],
    ["1", 1, false],
    [true, "true", false],
    [true, 1, false],
    ["seo", "seo", true],
    ["seo", "SEO", false],
    ["2024-01-31", "2024-01-31 00:00:00 +00:00", true],
    ["2024-01-31T02:00:00+02:00", "2024-01-31 00:00:00 +00:00", true],
    ["2024-01-31", "2024-01-31 00:00:01 +00:00", false],
    [["a"], "a", false],
    [{ a: 1 }, { a: 1 }, true],
  ])("%j = %j is %s", (a, b, expected) => {
    expect(sameValue(a, known(b))).toBe(expected);
  });
});

describe("sameJson", () => {
  it("compares structure, key order aside, with times as instants", () => {
    expect(sameJson({ a: [1, { b: "x" }], c: null }, { c: null, a: [1, { b: "x" }] })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson(["2024-01-31"], ["2024-01-31 00:00:00 +00:00"])).toBe(true);
  });

  it("ends on deep and on cyclic values", () => {
    let a: unknown = 1;
    let b: unknown = 1;
    for (let i = 0; i < 100_000; i++) {
      a = [a];
      b = [b];
    }
    expect(sameJson(a, b)).toBe(true);
    const x: Record<string, unknown> = {};
    x.self = x;
    const y: Record<string, unknown> = {};
    y.self = y;
    expect(sameJson(x, y)).toBe(true);
  });
});

describe("order", () => {
  it.each<[unknown, unknown, number | undefined]>([
    [1, 2, -1],
    [2, 2, 0],
    [2.5, 2, 1],
    ["a", "b", -1],
    ["B", "a", -1],
    ["é", "z", 1],
    ["10", "9", -1],
    ["2024-01-31", "2024-01-31 00:00:00 +00:00", 0],
    ["2024-01-31T12:00:00+02:00", "2024-01-31 11:00:00 +00:00", -1],
    ["2024-01-31", "seo", -1],
    [10, "9", undefined],
    ["9", 10, undefined],
    [true, false, undefined],
    [[1], 1, undefined],
    [Number.NaN, 1, undefined],
  ])("order(%j, %j) is %s", (a, b, expected) => {
    expect(order(a, known(b))).toBe(expected);
  });
});
