import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, hover } from "../../src/assist/index.js";
import { checkFilter, checkOrderBy } from "../../src/compile.js";
import { DiagnosticBag, lineColumn, MAX_DIAGNOSTICS } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnostics } from "../../src/diagnostics/format.js";
import { validateFilter } from "../../src/validate/validate.js";

/* At most 100 diagnostics per input, then one that says how many more there were. */

const HASHES = "# ".repeat(8192);

describe("the diagnostics cap", () => {
  it("keeps 100 of the 8,193 problems of 8,192 stray characters, and counts the rest", () => {
    const d = checkFilter(HASHES).diagnostics;
    expect(d).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(d.slice(0, MAX_DIAGNOSTICS).every((x) => x.code === "unexpected_character")).toBe(true);
    const last = d[MAX_DIAGNOSTICS]!;
    expect([last.code, last.severity, last.span]).toEqual(["too_many_diagnostics", "error", { start: HASHES.length, end: HASHES.length }]);
    expect(last.message).toMatch(/^and 8093 more problems/);
  });

  it("holds in analyze and hover too, and bounds what formatDiagnostics prints", () => {
    expect(analyze(HASHES).diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(hover(HASHES, 0)?.text).toMatch(/unexpected_character/);
    expect(formatDiagnostics(HASHES, checkFilter(HASHES).diagnostics).length).toBeLessThan(60_000);
  });

  it("is a warning when only warnings were left out, so the result stays ok", () => {
    const source = Array.from({ length: 150 }, (_, i) => `f${i} like "x"`).join(" or ");
    const r = checkFilter(source, { maxConditions: 1000 });
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(r.diagnostics.at(-1)).toMatchObject({ code: "too_many_diagnostics", severity: "warning" });
  });

  it("an error past the cap still makes the result fail", () => {
    const warnings = Array.from({ length: 120 }, (_, i) => `f${i} like "x"`).join(" or ");
    const r = checkFilter(`${warnings} or g like 5`, { maxConditions: 1000 });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.some((d) => d.code === "type_mismatch")).toBe(false);
    expect(r.diagnostics.at(-1)).toMatchObject({ code: "too_many_diagnostics", severity: "error" });
  });

  it("caps duplicate sort rules and raw arrays alike", () => {
    expect(checkOrderBy(`${"rank, ".repeat(1000)}rank`, { maxSortRules: 5000 }).diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    const many = Array.from({ length: 300 }, (_, i) => [`f${i}`, "like", 5]).flatMap((c, i) => (i === 0 ? [c] : ["or", c]));
    expect(validateFilter(many, { maxConditions: 1000 }).diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
  });
});

describe("line and column", () => {
  it("are those lineColumn computes, by binary search over line starts", () => {
    const text = fc.array(fc.constantFrom("a", " ", "\n", "\r", "\r\n", "\u2028", "é"), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.nat(50), (source, offset) => {
        const bag = new DiagnosticBag(source);
        bag.report("unexpected_character", { start: offset, end: offset }, "m");
        const [d] = bag.sorted();
        expect({ line: d!.line, column: d!.column }).toEqual(lineColumn(source, offset));
      }),
      { numRuns: 2000 },
    );
  });
});
