import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkFilter, checkOrderBy } from "../../src/compile.js";
import { DIAGNOSTIC_CODES, DIAGNOSTIC_SEVERITY, SEVERITY_OVERRIDES } from "../../src/diagnostics/codes.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { validateFilter, validateOrderBy } from "../../src/validate/validate.js";
import { validateTask } from "../../src/validate/validate-task.js";

/*
 * docs/language.md lists every diagnostic code with an input that produces it. This runs each
 * input given there and checks that it does, so the table cannot drift from the compiler.
 */

const doc = readFileSync(new URL("../../docs/language.md", import.meta.url), "utf8");
const section = doc.slice(doc.indexOf("### Every code"));

interface Row {
  readonly code: string;
  readonly severity: string;
  readonly example: string | undefined;
  readonly options: Record<string, unknown>;
  readonly todo: string;
}

/** A table cell's code span, unescaped (`\|` is a pipe inside a table). */
const span = (cell: string): string | undefined => {
  const m = /^(`+) ?(.*?) ?\1$/.exec(cell.trim());
  return m === null ? undefined : m[2]!.replaceAll("\\|", "|");
};

const rows: Row[] = section
  .split("\n")
  .filter((line) => line.startsWith("| `"))
  .map((line) => {
    const cells = line.slice(1, -1).split(/(?<!\\)\|/);
    const options = span(cells[3] ?? "");
    return {
      code: span(cells[0]!)!,
      severity: cells[1]!.trim(),
      example: span(cells[2]!),
      options: options === undefined ? {} : JSON.parse(options),
      todo: (cells[4] ?? "").trim(),
    };
  });

/** Runs an example as the table writes it: text, `order-by:`, or `filters JSON:` and the like. */
function diagnosticsOf(example: string, options: Record<string, unknown>): readonly Diagnostic[] {
  const prefixed = /^(order-by|filters JSON|order_by JSON|task JSON): (.*)$/s.exec(example);
  if (prefixed === null) return checkFilter(example, options).diagnostics;
  const [, kind, body] = prefixed as unknown as [string, string, string];
  switch (kind) {
    case "order-by":
      return checkOrderBy(body, options).diagnostics;
    case "filters JSON":
      return validateFilter(JSON.parse(body), options).diagnostics;
    case "order_by JSON":
      return validateOrderBy(JSON.parse(body), options).diagnostics;
    default:
      return validateTask(JSON.parse(body), options).diagnostics;
  }
}

describe("docs/language.md: every diagnostic code", () => {
  it("has a row per code, in the order of src/diagnostics/codes.ts", () => {
    expect(rows.map((r) => r.code)).toEqual(DIAGNOSTIC_CODES);
  });

  it.each(rows.map((r) => [r.code, r] as const))("%s: its severity", (code, row) => {
    expect(row.severity.split(" / ")[0]).toBe(DIAGNOSTIC_SEVERITY[code as keyof typeof DIAGNOSTIC_SEVERITY]);
  });

  it("shows two severities for exactly the codes whose severity may vary (SEVERITY_OVERRIDES)", () => {
    expect(rows.filter((r) => r.severity.includes(" / ")).map((r) => r.code)).toEqual(
      DIAGNOSTIC_CODES.filter((code) => Object.hasOwn(SEVERITY_OVERRIDES, code)),
    );
  });

  it.each(rows.map((r) => [r.code, r] as const))("%s: says what to do", (_, row) => {
    expect(row.todo.length).toBeGreaterThan(10);
  });

  it.each(rows.filter((r) => r.example !== undefined).map((r) => [r.code, r] as const))("%s: its example produces it", (code, row) => {
    expect(diagnosticsOf(row.example!, row.options).map((d) => d.code)).toContain(code);
  });

  it("gives an input for most codes (the rest need a file, a catalog or a JavaScript call)", () => {
    expect(rows.filter((r) => r.example === undefined).map((r) => r.code)).toEqual([
      "input_too_long",
      "catalogs_not_loaded",
      "regex_too_long",
      "like_too_long",
      "invalid_catalog",
      "invalid_interpolation",
      "invalid_argument",
      "too_many_diagnostics",
      "invalid_header",
      "unknown_header",
      "invalid_json",
      "unreadable_file",
      "invalid_config",
    ]);
  });
});
