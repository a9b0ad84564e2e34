import { describe, expect, it } from "vitest";
import { analyze, complete, hover } from "../src/assist/index.js";
import { built } from "../src/builder/built-filter.js";
import { BuiltFilter } from "../src/builder/built-filter.js";
import { where } from "../src/builder/where.js";
import { checkFilter, checkOrderBy, compileFilter, compileOrderBy } from "../src/compile.js";
import { DfsqError } from "../src/diagnostics/error.js";
import { compileMatcher, matchItems } from "../src/eval/evaluate.js";
import { printFilter } from "../src/print/print-filter.js";
import { field } from "../src/template/field-name.js";
import { filter, orderBy } from "../src/template/template.js";
import { dfsqError } from "./helpers/errors.js";

/* Wrong types from JavaScript callers get a diagnostic (or DfsqError), never a TypeError. */

/** A tag called with options, whatever a JavaScript caller passes as them. */
const asOptionsTag = (tag: unknown) => tag as (options: unknown) => (strings: unknown, ...values: unknown[]) => unknown;

const codes = (r: { diagnostics: readonly { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe("the calls of issue 12", () => {
  it("compileFilter(undefined) throws invalid_argument instead of compiling the text \"undefined\"", () => {
    expect(codes(dfsqError(() => compileFilter(undefined as never)))).toEqual(["invalid_argument"]);
    expect(codes(checkFilter(undefined as never))).toEqual(["invalid_argument"]);
    expect(codes(checkFilter(42 as never))).toEqual(["invalid_argument"]);
  });

  it("checkOrderBy(undefined) and compileOrderBy(null)", () => {
    expect(codes(checkOrderBy(undefined as never))).toEqual(["invalid_argument"]);
    expect(codes(dfsqError(() => compileOrderBy(null as never)))).toEqual(["invalid_argument"]);
  });

  it("analyze(null) is an analysis with the diagnostic", () => {
    const a = analyze(null as never);
    expect([a.tokens, codes(a), a.value]).toEqual([[], ["invalid_argument"], undefined]);
  });

  it("hover(undefined, 0), complete(s, NaN) and other positions throw invalid_argument", () => {
    for (const call of [
      () => hover(undefined as never, 0),
      () => hover("a > 1", "0" as never),
      () => complete("a > 1", Number.NaN),
      () => complete("a > 1", 1.5),
      () => complete(null as never, 0),
    ]) {
      expect(codes(dfsqError(call))).toEqual(["invalid_argument"]);
    }
    // An offset outside the text counts from its nearest end, as before.
    expect(complete("a ", 99)?.from).toBe(2);
  });

  it('checkFilter("a", { endpoint: 5 }) and { maxInputLength: NaN } are invalid_option at a zero span', () => {
    for (const options of [{ endpoint: 5 }, { maxInputLength: Number.NaN }]) {
      const [d] = checkFilter("a", options as never).diagnostics;
      expect([d?.code, d?.option, d?.span, d?.line, d?.column]).toEqual(["invalid_option", Object.keys(options)[0], { start: 0, end: 0 }, 1, 1]);
    }
  });
});

describe("templates, builders and field names", () => {
  it("a tag called without a template literal is invalid_argument", () => {
    expect(codes(filter.check(["a > ", ""] as never))).toEqual(["invalid_argument"]);
    expect(codes(filter.check({ raw: ["a"] } as never))).toEqual(["invalid_argument"]);
    expect(codes(dfsqError(() => asOptionsTag(orderBy)(5)(["rank"])))).toEqual(["invalid_argument"]);
    // A template's strings are an array with a `raw` array of one more piece than values.
    const strings = Object.assign(["a > ", ""], { raw: ["a > ", ""] });
    expect(filter.check(strings as never, 1).value).toEqual(["a", ">", 1]);
  });

  it("a tag with options of the wrong type reports them", () => {
    const strings = Object.assign(["a > 1"], { raw: ["a > 1"] });
    expect(codes(dfsqError(() => asOptionsTag(filter)(null)(strings)))).toEqual(["invalid_option"]);
  });

  it("field() takes a string", () => {
    for (const name of [1, undefined, Object.create(null), Symbol("f")]) expect(codes(dfsqError(() => field(name as never)))).toEqual(["invalid_argument"]);
  });

  it("the builder refuses what it cannot check", () => {
    expect(codes(dfsqError(() => (where.and as () => unknown)()))).toEqual(["invalid_argument"]);
    expect(codes(dfsqError(() => where.gt(5 as never, 1)))).toEqual(["invalid_argument"]);
    expect(codes(dfsqError(() => where.and({ expr: { kind: "condition" } } as never)))).toEqual(["invalid_interpolation"]);
    expect(codes(dfsqError(() => where.in("f", "abc" as never)))).toEqual(["invalid_interpolation"]);
  });

  it("a BuiltFilter is made by where only: new BuiltFilter(…) and look-alikes are refused", () => {
    expect(codes(dfsqError(() => new BuiltFilter({ kind: "bare" } as never)))).toEqual(["invalid_argument"]);
    const fake = Object.create(BuiltFilter.prototype) as BuiltFilter;
    expect(codes(checkFilter(fake))).toEqual(["invalid_argument"]);
    expect(codes(dfsqError(() => printFilter(fake)))).toEqual(["invalid_filter"]);
    expect(built({ kind: "bare", field: { kind: "field", path: "f", quoted: false, span: { start: 0, end: 0 } }, span: { start: 0, end: 0 } }).toString()).toBe("f");
  });
});

describe("the evaluator", () => {
  it("matchItems takes an array of items", () => {
    for (const items of [undefined, "abc", { length: 2 }]) expect(codes(dfsqError(() => matchItems(["a", "=", 1], items as never)))).toEqual(["invalid_argument"]);
  });

  it("options of the wrong type are DfsqError invalid_option", () => {
    expect(codes(dfsqError(() => compileMatcher(["a", "=", 1], 5 as never)))).toEqual(["invalid_option"]);
  });
});

describe("DfsqError", () => {
  it("takes anything a caller constructs it with", () => {
    for (const [list, message] of [[undefined, undefined], [[{}], Symbol("m")], [null, 5], [[{ code: "x", severity: "error", message: "m", line: 1, column: 1 }], undefined]] as const) {
      const e = new DfsqError(list as never, message as never);
      expect(e).toBeInstanceOf(Error);
      expect(typeof e.message).toBe("string");
    }
  });
});

describe("the clock option", () => {
  it("a Date is read once as its time; a Proxy posing as a Date is invalid_option", () => {
    const at = new Date("2024-01-02T00:00:00Z");
    expect(compileFilter("f > now", { now: at })).toEqual(["f", ">", "2024-01-02 00:00:00 +00:00"]);
    const posing = new Proxy(at, {});
    expect(checkFilter("f > now", { now: posing }).diagnostics.map((d) => [d.code, d.option])).toEqual([["invalid_option", "now"]]);
  });
});
