import {
  DfsqError,
  checkFilter,
  checkOrderBy,
  formatDiagnostics,
  printFilter,
  printOrderBy,
  type CompileOptions,
  type Diagnostic,
} from "../../src/index.js";

export type PrintKind = "auto" | "filter" | "orderBy";

/** The outcome of turning pasted JSON into dfsq text. */
export interface Printed {
  readonly kind: "filter" | "orderBy";
  /** The dfsq text, when the array could be printed. */
  readonly text?: string;
  /** Problems, formatted with carets (against `text`) or JSON paths. */
  readonly report: string;
  readonly errors: boolean;
}

const SORT_RULE = /^[^,]+,\s*(?:asc|desc)$/i;

/** An array of `"field,asc|desc"` strings reads as an order-by; anything else as a filter. */
export function detectKind(value: unknown): "filter" | "orderBy" {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && SORT_RULE.test(v)) ? "orderBy" : "filter";
}

/**
 * Prints pasted JSON as dfsq text, then compiles that text with the endpoint's catalog (as the
 * client checks ready arrays), so that unknown fields and other warnings show too. Null for blank
 * input.
 */
export function printJson(input: string, kind: PrintKind, options: CompileOptions): Printed | null {
  if (input.trim() === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch (e) {
    return { kind: kind === "orderBy" ? "orderBy" : "filter", report: `not JSON: ${(e as Error).message}`, errors: true };
  }
  const resolved = kind === "auto" ? detectKind(value) : kind;
  let text: string;
  try {
    text = resolved === "orderBy" ? printOrderBy(value) : printFilter(value);
  } catch (e) {
    if (!(e instanceof DfsqError)) throw e;
    return { kind: resolved, report: formatDiagnostics("", e.diagnostics, { color: false }), errors: true };
  }
  // An order-by's fields are those of `filters`, whichever filter parameter is picked.
  const checked = resolved === "orderBy" ? checkOrderBy(text, { ...options, param: "filters" }) : checkFilter(text, options);
  const diagnostics: readonly Diagnostic[] = checked.diagnostics;
  return {
    kind: resolved,
    text,
    report: diagnostics.length === 0 ? "" : formatDiagnostics(text, diagnostics, { color: false }),
    errors: !checked.ok,
  };
}
