import { expect } from "vitest";
import { checkFilter, checkOrderBy } from "../../src/compile.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { CompileOptions } from "../../src/options.js";

/** A diagnostic as tests state it: its code and, optionally, the exact source it points at. */
export type Expected = string | readonly [code: string, text: string];

function shape(source: string, d: Diagnostic, withText: boolean): Expected {
  return withText ? [d.code, source.slice(d.span.start, d.span.end)] : d.code;
}

/**
 * The one harness for diagnostic tests: compiles `source` and asserts the codes (and, where given
 * as pairs, the text under each span), in source order. Also asserts that every span lies inside
 * the input and that line/column agree with the span. Returns the diagnostics for further checks.
 */
export function expectDiagnostics(
  source: string,
  expected: readonly Expected[],
  options: CompileOptions & { mode?: "filter" | "orderBy" } = {},
): readonly Diagnostic[] {
  const result = options.mode === "orderBy" ? checkOrderBy(source, options) : checkFilter(source, options);
  const withText = expected.some((e) => typeof e !== "string");
  expect(result.diagnostics.map((d) => shape(source, d, withText))).toEqual(
    expected.map((e) => (typeof e === "string" || !withText ? e : [e[0], e[1]])),
  );
  for (const d of result.diagnostics) expectSpanInside(source, d);
  expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === "error"));
  return result.diagnostics;
}

export function expectSpanInside(source: string, d: Diagnostic): void {
  expect(d.span.start).toBeGreaterThanOrEqual(0);
  expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
  expect(d.span.end).toBeLessThanOrEqual(source.length);
  const before = source.slice(0, d.span.start);
  const lines = before.split(/\r\n|\r|\n/);
  expect(d.line).toBe(lines.length);
  expect(d.column).toBe(lines[lines.length - 1]!.length + 1);
}
