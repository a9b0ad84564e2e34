import { describe, expect, it } from "vitest";
import { checkFilter } from "../../../src/compile.js";
import { expectDiagnostics } from "../../helpers/diagnostics.js";
import { expectTyped } from "../../helpers/typed.js";

describe("invalid_regex", () => {
  it.each([
    ['url regex "^(?=a)"', "(?="],
    ['url ~ "(a)\\\\1"', '"(a)\\\\1"'],
    ['url not_regex "a(b"', "("],
    ['url !~ "[z-a]"', "z-a"],
  ])("%s", (source, text) => {
    const [d] = expectDiagnostics(source, [["invalid_regex", text]]);
    expect(d?.message).toContain("RE2");
  });

  it("accepts RE2 syntax", () => {
    expectDiagnostics('url regex "^https?://(www\\\\.)?[a-z0-9-]+\\\\.(com|org)/\\\\d{2,4}$"', []);
    expectTyped("backlinks/backlinks", 'url_from regex "(?i)seo"', []);
  });

  it("points inside the literal only when it is written verbatim", () => {
    const [d] = expectDiagnostics('url regex "ab(?!c)"', [["invalid_regex", "(?!"]]);
    expect(d?.column).toBe(14);
  });
});

describe("invalid_regex hints fit the error", () => {
  it.each([
    ['url regex "^(?=a)"', /lookahead or lookbehind/],
    ['url regex "(?<!a)b"', /lookahead or lookbehind/],
    ['url regex r"(a)\\1"', /backreferences/],
    ['url regex "[a-z"', /close it with `\]`.*`\\\[`/],
    ['url regex "(ab"', /close it with `\)`.*`\\\(`/],
    ['url regex "ab)"', /`\\\)` for a literal `\)`/],
    ['url regex "*ab"', /`\\\*` for a literal `\*`/],
    ['url regex "a|+b"', /`\\\+` for a literal `\+`/],
    ['url regex "a++"', /one quantifier/],
    ['url regex "a{2}*"', /one quantifier/],
    ['url regex "a{5,2}"', /smaller count first/],
    ['url regex "a{1001}"', /up to 1000/],
    ['url regex "(a{100}){100}"', /up to 1000/],
  ])("%s", (source, hint) => {
    const [d] = checkFilter(source).diagnostics;
    expect(d?.code).toBe("invalid_regex");
    expect(d?.hint).toMatch(hint);
  });

  it("gives no lookaround hint where there is no lookaround, and no hint where none fits", () => {
    for (const source of ['url regex "[a"', 'url regex "(a"', 'url regex "a**"', 'url regex "\\Z"', 'url regex "[z-a]"']) {
      expect(checkFilter(source).diagnostics[0]?.hint ?? "").not.toMatch(/lookaround|lookahead/);
    }
    expect(checkFilter('url regex "[z-a]"').diagnostics[0]?.hint).toBeUndefined();
    expect(checkFilter('url regex "(?P<n"').diagnostics[0]?.hint).toBeUndefined();
  });
});

describe("regex_too_long", () => {
  it("refuses a pattern over 1000 characters", () => {
    // One class of 999 letters: long, but a single instruction, so only the length is over.
    expectDiagnostics(`url regex "[${"a".repeat(999)}]"`, ["regex_too_long"]);
    expectDiagnostics(`url regex "${"a".repeat(1000)}"`, []);
  });
});
