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

  it("with a file, names it and quotes the source even for a diagnostic with a JSON path", () => {
    const source = '{\n  "filters": ["rank", "~", 1]\n}';
    const [d] = checkFilter("a >").diagnostics;
    const placed = { ...d!, span: { start: 24, end: 27 }, line: 2, column: 23, path: ["filters", 1], option: "endpoint" };
    const text = formatDiagnostics(source, [placed], { file: "tasks/t.json" });
    expect(text).toContain(' --> tasks/t.json:2:23 at ["filters"][1]\n');
    expect(text).toContain('2 |   "filters": ["rank", "~", 1]\n  |                       ^^^\n');
    expect(formatDiagnostics(source, [placed])).toContain("--> option endpoint");
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
});
