import { describe, expect, it } from "vitest";
import { compileFilter } from "../../src/compile.js";
import { evaluateExpr } from "../../src/eval/evaluate-ast.js";
import { evaluateFilter } from "../../src/eval/evaluate.js";
import { dfsqError } from "../helpers/errors.js";
import { parseSource } from "./parse-source.js";

const NOW = "2024-06-15T12:00:00Z";
const evaluate = (source: string, item: unknown) => evaluateExpr(parseSource(source), item, { now: NOW });

describe("evaluateExpr", () => {
  it.each<[source: string, item: unknown, expected: boolean]>([
    ["rank > 5", { rank: 6 }, true],
    ["not rank > 5", { rank: 6 }, false],
    ["not not rank > 5", { rank: 6 }, true],
    ["rank between 1 and 3", { rank: 1 }, true],
    ["rank between 1 and 3", { rank: 3 }, true],
    ["rank between 1 and 3", { rank: 3.5 }, false],
    ["rank not between 1 and 3", { rank: 0 }, true],
    ["rank not between 1 and 3", { rank: 2 }, false],
    ["rank between 3 and 1", { rank: 2 }, false],
    ["dofollow", { dofollow: true }, true],
    ["dofollow", { dofollow: "true" }, false],
    ["not dofollow", { dofollow: false }, true],
    ["a and b or c", { a: true, b: false, c: true }, true],
    ["a and (b or c)", { a: false, b: true, c: true }, false],
    ["first_seen > now - 7d", { first_seen: "2024-06-10 00:00:00 +00:00" }, true],
    ["first_seen > now - 7d", { first_seen: "2024-06-08T12:00:00Z" }, false],
    ["first_seen >= today", { first_seen: "2024-06-15T00:00:00Z" }, true],
    ["first_seen = 2024-06-10T14:00:00+02:00", { first_seen: "2024-06-10 12:00:00 +00:00" }, true],
    ["first_seen in (2024-06-01, today)", { first_seen: "2024-06-15" }, true],
    ["first_seen between 2024-06-01 and today", { first_seen: "2024-06-15 00:00:00 +00:00" }, true],
    ["pos_1 > pos_2", { pos_1: 3, pos_2: 2 }, true],
    ["pos_1 > pos_2", { pos_1: 3 }, false],
    ['domain like "%seo%"', { domain: "myseo.net" }, true],
    ['domain ~ "^my"', { domain: "myseo.net" }, true],
    ['tags has "a"', { tags: ["a"] }, true],
    ['tags not has "a"', { tags: ["a"] }, false],
    ["lost is null", {}, true],
    ["lost is not null", {}, false],
  ])("%s on %j is %s", (source, item, expected) => {
    expect(evaluate(source, item)).toBe(expected);
  });

  it("reads `not` as negation, so a missing field differs from the pushed-down arrays", () => {
    // docs/semantics.md: `not (rank > 5)` is sent as `rank <= 5`, which a missing rank fails.
    const source = "not (rank > 5)";
    expect(evaluate(source, {})).toBe(true);
    expect(evaluateFilter(compileFilter(source), {})).toBe(false);
    expect(evaluate("rank not between 1 and 3", {})).toBe(true);
    expect(evaluateFilter(compileFilter("rank not between 1 and 3"), {})).toBe(false);
  });

  it("resolves relative times against options.now", () => {
    const ast = parseSource("first_seen > now - 1d");
    const item = { first_seen: "2024-06-14 13:00:00 +00:00" };
    expect(evaluateExpr(ast, item, { now: NOW })).toBe(true);
    expect(evaluateExpr(ast, item, { now: Date.UTC(2024, 5, 16) })).toBe(false);
    expect(evaluateExpr(ast, item, { now: new Date(Date.UTC(2024, 5, 15)) })).toBe(true);
  });

  it("throws DfsqError for an invalid regex, an invalid clock, a time out of range and an invalid node", () => {
    expect(dfsqError(() => evaluate('a ~ "(?=x)"', { a: "x" })).diagnostics[0]!.code).toBe("invalid_regex");
    const relative = parseSource("t > now");
    expect(dfsqError(() => evaluateExpr(relative, {}, { now: "not a time" })).diagnostics[0]!.code).toBe("invalid_date");
    expect(dfsqError(() => evaluate("t > 9999-12-31 + 2d", {})).diagnostics[0]!.code).toBe("invalid_date");
    const invalid = { kind: "invalid", span: { start: 0, end: 0 } } as const;
    expect(dfsqError(() => evaluateExpr(invalid, {})).diagnostics[0]!.code).toBe("invalid_filter");
    const badValue = { kind: "condition", field: { kind: "field", path: "a", quoted: false, span: invalid.span }, op: "=", operand: invalid, span: invalid.span, opSpan: invalid.span } as const;
    expect(dfsqError(() => evaluateExpr(badValue, {})).diagnostics[0]!.code).toBe("invalid_filter");
  });

  it("iterates long chains", () => {
    // 1,000 conditions: about as many as the 16 KiB input cap lets through.
    const ast = parseSource(Array.from({ length: 1000 }, (_, i) => `n <> ${i}`).join(" and "));
    expect(evaluateExpr(ast, { n: 1000 })).toBe(true);
    expect(evaluateExpr(ast, { n: 999 })).toBe(false);
  });
});
