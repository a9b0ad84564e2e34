import { describe, expect, it } from "vitest";
import { checkFilter } from "../../src/compile.js";
import { formatDiagnostics, formatPath } from "../../src/diagnostics/format.js";
import { dfsqError } from "../helpers/errors.js";
import { printFilter } from "../../src/print/print-filter.js";

describe("formatDiagnostics", () => {
  it("points at the right line of a multi-line source", () => {
    const source = "a > 1\nand b >\nand c";
    const text = formatDiagnostics(source, checkFilter(source).diagnostics);
    expect(text).toContain(" --> 3:1\n");
    expect(text).toContain("3 | and c\n");
  });

  it("shows a window of a long line with the caret still under the problem", () => {
    const source = `${"a > 1 and ".repeat(30)}b > and c`;
    const text = formatDiagnostics(source, checkFilter(source).diagnostics, { width: 60 });
    const lines = text.split("\n");
    const code = lines.find((l) => l.startsWith("1 | "))!;
    const caret = lines[lines.indexOf(code) + 1]!;
    expect(code.length).toBeLessThan(80);
    expect(code.slice(caret.indexOf("^"), caret.indexOf("^") + 3)).toBe("and");
  });

  it("colours only when asked", () => {
    const d = checkFilter("a >").diagnostics;
    expect(formatDiagnostics("a >", d)).not.toContain("\u001b[");
    expect(formatDiagnostics("a >", d, { color: true })).toContain("\u001b[31m");
  });

  it("names the JSON path for diagnostics about arrays", () => {
    const e = dfsqError(() => printFilter([["a", "=", 1], "and", ["b", "like", 2]]));
    expect(formatDiagnostics("", e.diagnostics)).toContain("--> at [2][2]");
  });

  it("spells paths as JavaScript does", () => {
    expect(formatPath([2, 0])).toBe("[2][0]");
    expect(formatPath(["filters", 1])).toBe('["filters"][1]');
    expect(formatPath([])).toBe("the top level");
  });

  it.each([
    ["ESC in a string", 'a = "x\u001b[2Jy" bad', "bad"],
    ["BEL and a bidi override", "a = \u0007 and \u202eb", "\\x07"],
    ["a bidi override", "a = 1 and \u202eb", "\\u202e"],
    ["C1 (one-byte CSI) and DEL", 'f = "\u009b\u007f" and g = @', "@"],
    ["an isolate and a line separator", 'f = "\u2066\u2028" and h ! i', "!"],
  ])("escapes control characters from the source (%s), carets still under the problem", (_, source, under) => {
    const text = formatDiagnostics(source, checkFilter(source).diagnostics);
    // Nothing but printable text and newlines reaches the terminal.
    expect([...text].filter((c) => c !== "\n" && /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.test(c))).toEqual([]);
    const lines = text.split("\n");
    const last = lines.findIndex((l) => l.startsWith("1 | "));
    const caret = lines[last + 1]!;
    const at = caret.indexOf("^");
    expect(lines[last]!.slice(at, at + under.length)).toBe(under);
  });

  it("escapes control characters in messages, hints, codes and paths", () => {
    const made = { code: "x\u001b]0;t\u0007", severity: "error", message: "m\u009b31m", span: { start: 0, end: 0 }, line: 1, column: 1 };
    const text = formatDiagnostics("", [
      { ...made, hint: "h\u202e" },
      { ...made, path: ["\u202ek", 1] },
      { ...made, option: "o\u0007" },
    ] as never);
    expect(text).toContain("x\\x1b]0;t\\x07");
    expect(text).toContain("m\\x9b31m");
    expect(text).toContain("h\\u202e");
    expect(text).toContain('["\\u202ek"][1]');
    expect(text).toContain("option o\\x07");
    expect([..."\u0007\u001b\u009b\u202e"].filter((c) => text.includes(c))).toEqual([]);
  });

  it.each<[string, () => unknown]>([
    ["a source that is not a string", () => formatDiagnostics(undefined as never, [])],
    ["diagnostics that are not an array", () => formatDiagnostics("", null as never)],
    ["an element that is not a diagnostic", () => formatDiagnostics("", [{}] as never)],
    ["a column of 0", () => formatDiagnostics("a", [{ code: "c", severity: "error", message: "m", span: { start: 0, end: 0 }, line: 1, column: 0 }] as never)],
    ["a width that is not a number", () => formatDiagnostics("", [], { width: "wide" as never })],
    ["a revoked proxy", () => formatDiagnostics("", revoked())],
  ])("answers %s with DfsqError invalid_argument", (_, call) => {
    expect(dfsqError(call).diagnostics.map((d) => d.code)).toEqual(["invalid_argument"]);
  });
});

function revoked(): never {
  const { proxy, revoke } = Proxy.revocable([], {});
  revoke();
  return proxy as never;
}

