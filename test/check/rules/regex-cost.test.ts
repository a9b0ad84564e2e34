import { describe, expect, it } from "vitest";
import { checkFilter } from "../../../src/compile.js";
import { compileMatcher } from "../../../src/eval/evaluate.js";
import { validateFilter } from "../../../src/validate/validate.js";
import { MAX_REGEX_PROGRAM } from "../../../src/values/pattern-cost.js";
import { expectDiagnostics } from "../../helpers/diagnostics.js";
import { dfsqError } from "../../helpers/errors.js";

/*
 * regex_too_complex: what RE2 accepts but dfsq refuses, because matching it could cost a
 * thousand steps or more per character. The sizes are Go's estimates (re2Program); the property
 * tests compare them with re2js's own programs.
 */

describe("regex_too_complex", () => {
  it("refuses the pattern that took 3 s per 100 KB", () => {
    const [d] = expectDiagnostics('a regex "[a-z]{0,1000}(\\\\pL)+?\\\\b"', ["regex_too_complex"]);
    // Escapes in the literal: the span is the whole literal.
    expect(d?.span).toEqual({ start: 8, end: 34 });
  });

  it.each([
    ['url regex "[a-z]{0,1000}x"', "{0,1000}"],
    ['url regex "(?:[a-z]{0,50}){0,20}"', "{0,20}"],
    ['url ~ "a{1000}b"', "{1000}"],
    ['url !~ "^.{0,500}$"', "{0,500}"],
    ['url regex "((a{10}){10}){10}"', "{10}"],
  ])("%s points at %s, the repeat that makes it large", (source, text) => {
    const [d] = expectDiagnostics(source, [["regex_too_complex", text]]);
    expect(d?.hint).toContain(text);
  });

  it("points at the whole pattern when no repeat makes up half of it", () => {
    const words = Array.from({ length: 200 }, (_, i) => `x${i}`).join("|");
    const source = `url regex "${words}|a{400}"`;
    expectDiagnostics(source, [["regex_too_complex", source.slice(10)]]);
  });

  it.each([
    "a{1000}",
    "^.{0,499}$",
    "[a-z]{0,497}(\\\\pL)+?\\\\b",
    "(?:[a-z]{0,9}){0,50}",
    "(?i)\\\\b(seo|backlinks|keyword research)\\\\b",
    "^https?://(www\\\\.)?[a-z0-9-]{1,63}\\\\.(com|org)/",
  ])("accepts %s", (pattern) => {
    expectDiagnostics(`url regex "${pattern}"`, []);
  });

  it("reports a pattern RE2 refuses as invalid only", () => {
    expectDiagnostics('url regex "a{1001}"', ["invalid_regex"]);
    expectDiagnostics('url regex "(?:a{1000}){2}(?=x)"', ["invalid_regex"]);
  });

  it("reports both caps for a pattern over 1000 characters that is also too large", () => {
    expectDiagnostics(`url regex "${"a".repeat(1001)}"`, ["regex_too_long", "regex_too_complex"]);
  });

  it("names the limit in the message", () => {
    const [d] = checkFilter('url regex "[a-z]{0,1000}x"').diagnostics;
    expect(d?.message).toContain(String(MAX_REGEX_PROGRAM));
  });
});

describe("regex_too_complex on raw arrays", () => {
  const filter = [["url", "regex", "^ok"], "and", ["title", "not_regex", "[a-z]{0,1000}(\\pL)+?\\b"]];

  it("validateFilter reports it at the pattern's path", () => {
    const r = validateFilter(filter);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([["regex_too_complex", [2, 2]]]);
  });

  it("the evaluator refuses it before testing any item, whatever its length", () => {
    const error = dfsqError(() => compileMatcher(filter));
    expect(error.diagnostics.map((d) => [d.code, d.path])).toEqual([["regex_too_complex", [2, 2]]]);
    // Over the API's 1000 characters, which only the compiler refuses, and still too large.
    const long = dfsqError(() => compileMatcher(["url", "regex", `${"(?i)".repeat(300)}x{1000}y`]));
    expect(long.diagnostics.map((d) => d.code)).toEqual(["regex_too_complex"]);
    expect(compileMatcher(["url", "regex", `${"(?i)".repeat(300)}x{999}`])({ url: "x".repeat(999) })).toBe(true);
  });
});
