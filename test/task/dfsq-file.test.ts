import { describe, expect, it } from "vitest";
import { checkFilter, checkOrderBy } from "../../src/compile.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { dfsqFileOptions, placeOptionDiagnostics, readDfsqFile } from "../../src/task/dfsq-file.js";

const at = (text: string, d: Diagnostic) => text.slice(d.span.start, d.span.end);

/** Applies a fix's edits, last first, so earlier spans stay valid. */
function applyFix(text: string, d: Diagnostic, index = 0): string {
  const edits = d.fixes![index]!.edits.toSorted((a, b) => b.span.start - a.span.start);
  return edits.reduce((t, e) => t.slice(0, e.span.start) + e.insert + t.slice(e.span.end), text);
}

describe("readDfsqFile", () => {
  it("reads # endpoint: and # param: and blanks the header, keeping every offset", () => {
    const text = "# endpoint: backlinks/backlinks\n# param: backlinks_filters\nrank > 10\n";
    const file = readDfsqFile(text);
    expect(file.endpoint).toEqual({ value: "backlinks/backlinks", span: { start: 12, end: 31 } });
    expect(file.param?.value).toBe("backlinks_filters");
    expect(at(text, { span: file.param!.span } as Diagnostic)).toBe("backlinks_filters");
    expect(file.expression).toHaveLength(text.length);
    expect(file.expression.trim()).toBe("rank > 10");
    expect(file.expression.split("\n")).toHaveLength(text.split("\n").length);
    expect(file.diagnostics).toEqual([]);
    expect(dfsqFileOptions(file)).toEqual({ endpoint: "backlinks/backlinks", param: "backlinks_filters", mode: "filter" });
  });

  it("compiles the expression with spans into the file, header lines counted", () => {
    const text = "# endpoint: backlinks/backlinks\r\n\r\nrank > and dofollow";
    const file = readDfsqFile(text);
    const result = checkFilter(file.expression, dfsqFileOptions(file));
    const [d] = result.diagnostics;
    expect(d?.code).toBe("unexpected_token");
    expect(at(text, d!)).toBe("and");
    expect([d!.line, d!.column]).toEqual([3, 8]);
  });

  it("keeps the offsets of astral characters in comments (two UTF-16 units each)", () => {
    const text = "# 🔎 anchors\nrank >";
    const file = readDfsqFile(text);
    expect(file.expression).toHaveLength(text.length);
    const d = checkFilter(file.expression).diagnostics[0]!;
    expect(d.span.start).toBe(text.length);
  });

  it("treats other # lines as comments and stops at the first line of the expression", () => {
    const text = "# Note: referring domains\n#\n\nrank > 10\n# endpoint: backlinks/backlinks";
    const file = readDfsqFile(text);
    expect(file.endpoint).toBeUndefined();
    expect(file.diagnostics).toEqual([]);
    expect(file.headerLines.map((l) => text.slice(l.start, l.end))).toEqual(["# Note: referring domains", "#"]);
    // The # after the expression is the language's business.
    expect(checkFilter(file.expression).diagnostics.map((d) => d.code)).toContain("unexpected_character");
  });

  it("reads a header after a byte order mark", () => {
    expect(readDfsqFile("\ufeff# endpoint: backlinks/anchors\nrank > 1").endpoint?.value).toBe("backlinks/anchors");
  });

  it("flags a near miss of a header key, with a fix", () => {
    const text = "# endpont: backlinks/backlinks\nrank > 1";
    const file = readDfsqFile(text);
    expect(file.endpoint).toBeUndefined();
    const [d] = file.diagnostics;
    expect([d?.code, d?.severity, at(text, d!)]).toEqual(["unknown_header", "warning", "endpont"]);
    expect(readDfsqFile(applyFix(text, d!)).endpoint?.value).toBe("backlinks/backlinks");
  });

  it("flags an empty, a repeated and an unknown parameter", () => {
    const text = "# endpoint:\n# param: filtres\n# param: filters\n# param: backlinks_filters\nrank > 1";
    const file = readDfsqFile(text);
    expect(file.diagnostics.map((d) => [d.code, at(text, d)])).toEqual([
      ["invalid_header", "endpoint"],
      ["invalid_header", "filtres"],
      ["invalid_header", "param"],
    ]);
    expect(file.param?.value).toBe("filters");
    expect(readDfsqFile(applyFix(text, file.diagnostics[1]!)).diagnostics.map((d) => d.code)).toEqual(["invalid_header", "invalid_header", "invalid_header"]);
    expect(applyFix(text, file.diagnostics[1]!)).toContain("# param: filters\n# param: filters");
  });

  it("makes # param: order_by an order-by file", () => {
    const file = readDfsqFile("# endpoint: backlinks/backlinks\n# param: order_by\nrank desc");
    expect(dfsqFileOptions(file)).toEqual({ endpoint: "backlinks/backlinks", mode: "orderBy" });
    expect(checkOrderBy(file.expression, dfsqFileOptions(file)).value).toEqual(["rank,desc"]);
  });

  it("handles a file of nothing, or of a header alone", () => {
    expect(readDfsqFile("").expression).toBe("");
    const file = readDfsqFile("# endpoint: backlinks/backlinks");
    expect(file.expression).toBe(" ".repeat(31));
    expect(file.endpoint?.value).toBe("backlinks/backlinks");
  });
});

describe("placeOptionDiagnostics", () => {
  it("moves an unknown endpoint onto its header value, with did-you-mean as fixes", () => {
    const text = "# endpoint: backlinks/backlink\nrank > 1";
    const file = readDfsqFile(text);
    const raw = checkFilter(file.expression, dfsqFileOptions(file)).diagnostics;
    expect(raw[0]?.option).toBe("endpoint");
    const [d] = placeOptionDiagnostics(file, raw);
    expect([d?.code, at(text, d!), d?.option, d?.line, d?.column]).toEqual(["unknown_endpoint", "backlinks/backlink", undefined, 1, 13]);
    const fixed = applyFix(text, d!);
    expect(readDfsqFile(fixed).endpoint?.value).toBe("backlinks/backlinks");
  });

  it("puts a parameter the endpoint does not take on the param line", () => {
    const text = "# endpoint: backlinks/anchors\n# param: relevant_pages_filters\nrank > 1";
    const file = readDfsqFile(text);
    const [d] = placeOptionDiagnostics(file, checkFilter(file.expression, dfsqFileOptions(file)).diagnostics);
    expect([d?.code, at(text, d!)]).toEqual(["unsupported_parameter", "relevant_pages_filters"]);
  });

  it("leaves diagnostics about options the header did not set", () => {
    const file = readDfsqFile("rank > 1");
    const raw = checkFilter(file.expression, { endpoint: "nope/nope" }).diagnostics;
    expect(placeOptionDiagnostics(file, raw)).toEqual(raw);
  });
});
