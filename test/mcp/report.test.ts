import { describe, expect, it } from "vitest";
import { checkFilter } from "../../src/compile.js";
import { applyFix, countText, diagnosticsJson, diagnosticsText } from "../../src/mcp/report.js";

const bare = (severity: "error" | "warning") => ({ code: "unknown_field", field: "f", severity, message: "m", span: { start: 0, end: 0 }, line: 1, column: 1 }) as const;

describe("the report an agent reads", () => {
  it("applies a fix's edits together, wherever they are", () => {
    const fix = { title: "t", edits: [{ span: { start: 0, end: 1 }, insert: "xx" }, { span: { start: 4, end: 5 }, insert: "yy" }] };
    expect(applyFix("abcdef", fix)).toBe("xxbcdyyf");
  });

  it("spells out every fix of a diagnostic as the corrected input, which compiles", () => {
    const source = "rank > 10 and domain = seo";
    const r = checkFilter(source, { endpoint: "backlinks/referring_domains" });
    const [diagnostic] = diagnosticsJson([{ input: "filters", source, diagnostics: r.diagnostics }]);
    expect(diagnostic).toMatchObject({ code: "unquoted_text", line: 1, column: 24, span: { start: 23, end: 26 } });
    expect(diagnostic!.fixes!.length).toBeGreaterThan(0);
    for (const fix of diagnostic!.fixes!) expect(checkFilter(fix.result, { endpoint: "backlinks/referring_domains" }).ok).toBe(true);
    expect(diagnosticsText([{ input: "filters", source, diagnostics: r.diagnostics }])).toContain(`= fix (${diagnostic!.fixes![0]!.title}): ${diagnostic!.fixes![0]!.result}`);
  });

  it("locates a diagnostic by its JSON path or its argument, never by a made-up line and column", () => {
    const fromJson = { code: "invalid_filter", severity: "error", message: "m", span: { start: 0, end: 0 }, line: 1, column: 1, path: ["filters", 2] } as const;
    const fromOption = { code: "unknown_endpoint", severity: "error", message: "m", span: { start: 0, end: 0 }, line: 1, column: 1, option: "endpoint" } as const;
    const [json, option] = diagnosticsJson([{ input: "task", source: "", diagnostics: [fromJson, fromOption] }]);
    expect(json).toEqual({ input: "task", code: "invalid_filter", severity: "error", message: "m", path: ["filters", 2] });
    expect(option).toEqual({ input: "task", code: "unknown_endpoint", severity: "error", message: "m", option: "endpoint" });
  });

  it("counts errors and warnings", () => {
    const d = bare;
    expect(countText([{ input: "a", source: "", diagnostics: [d("error"), d("warning"), d("error")] }])).toBe("2 errors and 1 warning");
    expect(countText([{ input: "a", source: "", diagnostics: [d("warning")] }])).toBe("1 warning");
    expect(countText([])).toBe("");
  });
});
