import { describe, expect, it } from "vitest";
import { checkFilter, compileFilter } from "../../../src/compile.js";
import { filter } from "../../../src/template/template.js";
import { validateFilter } from "../../../src/validate/validate.js";
import { expectDiagnostics } from "../../helpers/diagnostics.js";

/* `\b` in a string is a backspace: in a regex pattern that is never what is meant. */

const fix = (source: string) => {
  const [d] = checkFilter(source).diagnostics;
  const edits = (d?.fixes?.[0]?.edits ?? []).toSorted((a, b) => b.span.start - a.span.start);
  return edits.reduce((text, e) => text.slice(0, e.span.start) + e.insert + text.slice(e.span.end), source);
};

describe("regex_control_character", () => {
  it.each([
    ['anchor regex "\\bseo\\b"', "\\b"],
    ['anchor ~ "x\\ty\\bz"', "\\b"],
    ["anchor not_regex '\\bseo'", "\\b"],
    ['anchor !~ "^\\b"', "\\b"],
  ])("refuses %s, whose \\b sends a backspace", (source, text) => {
    const [d] = expectDiagnostics(source, [["regex_control_character", text]]);
    expect(d?.severity).toBe("error");
    expect(d?.hint).toContain("\\\\b");
  });

  it("fixes it by doubling the backslashes, which compiles to RE2's word boundary", () => {
    const source = 'anchor regex "\\bseo\\b" and x';
    expect(fix(source)).toBe('anchor regex "\\\\bseo\\\\b" and x');
    expect(compileFilter(fix(source))).toEqual([["anchor", "regex", "\\bseo\\b"], "and", ["x", "=", true]]);
    // Other control escapes in the same pattern are doubled too: RE2 reads \t as a tab either way.
    expect(fix('a ~ "\\b\\t"')).toBe('a ~ "\\\\b\\\\t"');
  });

  it.each(["t", "n", "f", "r"])("only warns for \\%s, which RE2 matches as the character it sends", (letter) => {
    const source = `anchor regex "a\\${letter}b"`;
    const [d] = expectDiagnostics(source, [["regex_control_character", `\\${letter}`]]);
    expect(d?.severity).toBe("warning");
    expect(fix(source)).toBe(`anchor regex "a\\\\${letter}b"`);
  });

  it("refuses \\v, which strings do not have, with a fix that sends RE2 its own \\v", () => {
    const source = 'anchor regex "x\\vy"';
    const [d] = expectDiagnostics(source, [["invalid_escape", "\\v"]]);
    expect(d?.severity).toBe("error");
    expect(d?.hint).toContain("\\\\v");
    expect(fix(source)).toBe('anchor regex "x\\\\vy"');
    expect(compileFilter(fix(source))).toEqual(["anchor", "regex", "x\\vy"]);
  });

  it("takes a control character written as \\u0008 as meant: a warning, no fix", () => {
    const [d] = expectDiagnostics('anchor regex "\\u0008"', [["regex_control_character", "\\u0008"]]);
    expect(d?.severity).toBe("warning");
    expect(d?.fixes).toBeUndefined();
  });

  it("leaves raw strings, escaped backslashes and other operators alone", () => {
    expectDiagnostics('anchor regex r"\\bseo\\b"', []);
    expectDiagnostics('anchor regex "\\\\bseo\\\\b"', []);
    expectDiagnostics('anchor = "\\bseo"', []);
    expectDiagnostics('anchor match "a\\tb"', []);
  });

  it("checks patterns read from arrays: a backspace is an error, other control characters warn", () => {
    const [d] = validateFilter([["rank", ">", 1], "and", ["anchor", "regex", "\bseo\b"]]).diagnostics;
    expect(d).toMatchObject({ code: "regex_control_character", severity: "error", path: [2, 2] });
    expect(d?.fixes).toBeUndefined();
    const [tab] = validateFilter(["anchor", "not_regex", "a\tb"]).diagnostics;
    expect(tab).toMatchObject({ code: "regex_control_character", severity: "warning", path: [2] });
    expect(validateFilter(["anchor", "regex", "\\bseo\\b"]).diagnostics).toEqual([]);
  });

  it("checks interpolated patterns", () => {
    const pattern = "\bseo\b";
    expect(() => filter`anchor regex ${pattern}`).toThrow(/backspace/);
    expect(filter`anchor regex ${"\\bseo\\b"}`).toEqual(["anchor", "regex", "\\bseo\\b"]);
  });
});
