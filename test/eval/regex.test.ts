import { describe, expect, it } from "vitest";
import { compileRegex } from "../../src/eval/regex.js";

function test(pattern: string, value: string): boolean {
  const compiled = compileRegex(pattern);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.test(value);
}

describe("compileRegex", () => {
  it.each<[pattern: string, value: string, found: boolean]>([
    ["seo", "best seo tools", true],
    ["^seo", "best seo tools", false],
    ["tools$", "best seo tools", true],
    ["^seo$", "seo", true],
    ["SEO", "seo", false],
    ["(?i)SEO", "seo", true],
    ["a.c", "a\nc", false],
    ["(?s)a.c", "a\nc", true],
    ["^b$", "a\nb", false],
    ["(?m)^b$", "a\nb", true],
    ["\\bseo\\b", "seo-tools", true],
    ["\\bseo\\b", "seotools", false],
    ["\\d{2,4}$", "page 2024", true],
    ["^.$", "😀", true],
    ["\\pL+", "été", true],
    ["", "", true],
  ])("%j finds %j: %s", (pattern, value, expected) => {
    expect(test(pattern, value)).toBe(expected);
  });

  it.each(["(", "a{1001}", "(?<=a)b", "(a)\\1", "a++", "[z-a]", "\\p{Nope}"])("refuses %j with a reason", (pattern) => {
    const compiled = compileRegex(pattern);
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.reason.length).toBeGreaterThan(0);
  });

  it("stays linear on a catastrophic pattern", () => {
    // (a+)+$ backtracks exponentially in a backtracking engine; RE2 runs it in linear time.
    expect(test("(a+)+$", `${"a".repeat(10_000)}!`)).toBe(false);
    expect(test("^(a|aa)+$", `${"a".repeat(10_000)}b`)).toBe(false);
    expect(test("(x+x+)+y", "x".repeat(10_000))).toBe(false);
    expect(test("(a+)+$", "a".repeat(10_000))).toBe(true);
  });

  it("reads lone surrogates as characters", () => {
    expect(test("^.$", "\uD83D")).toBe(true);
    expect(test("b", "a\uDC00b")).toBe(true);
  });
});
