import { z } from "zod";
import type { Diagnostic, Fix } from "../diagnostics/diagnostic.js";
import { formatDiagnostics } from "../diagnostics/format.js";

/*
 * Diagnostics as an agent reads them. Two renderings of the same data: `text`, the compiler's
 * caret report with each quick fix spelled out as the corrected input (a model fixes text by
 * rewriting it, not by applying offsets), and `json`, one object per diagnostic for programs.
 * Clients differ in which one reaches the model: on an error some show only the text, on success
 * some show only the structured content. So each is complete on its own.
 */

/** A quick fix as an agent can use it: the whole input with the fix applied. */
export const FixOutput = z.object({
  title: z.string(),
  result: z.string().describe("the input with this fix applied"),
});

export const DiagnosticOutput = z.object({
  input: z.string().describe("which input the problem is in: filters, order_by, task, …"),
  code: z.string().describe("stable; see dfsq's docs"),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  span: z.object({ start: z.number().int(), end: z.number().int() }).optional().describe("UTF-16 offsets into the input text"),
  path: z.array(z.union([z.string(), z.number()])).optional().describe("where in a JSON input"),
  option: z.string().optional().describe("the argument at fault, when it is not the input text (endpoint, param)"),
  hint: z.string().optional(),
  suggestions: z.array(z.string()).optional(),
  fixes: z.array(FixOutput).optional(),
});
export type DiagnosticOutput = z.infer<typeof DiagnosticOutput>;

/** Diagnostics about one input: its name, the text their spans point into ("" for JSON). */
export interface InputDiagnostics {
  readonly input: string;
  readonly source: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** `source` with the fix's edits applied (they do not overlap; applied from the end). */
export function applyFix(source: string, fix: Fix): string {
  let text = source;
  for (const edit of fix.edits.toSorted((a, b) => b.span.start - a.span.start)) {
    text = text.slice(0, edit.span.start) + edit.insert + text.slice(edit.span.end);
  }
  return text;
}

function toOutput(input: string, source: string, d: Diagnostic): DiagnosticOutput {
  // Where: a JSON path, an argument, or a place in the text; never a made-up 1:1.
  const where =
    d.path !== undefined
      ? { path: [...d.path] }
      : d.option !== undefined
        ? { option: d.option }
        : { line: d.line, column: d.column, span: { start: d.span.start, end: d.span.end } };
  return {
    input,
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...where,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    ...(d.suggestions === undefined ? {} : { suggestions: [...d.suggestions] }),
    ...(d.fixes === undefined ? {} : { fixes: d.fixes.map((fix) => ({ title: fix.title, result: applyFix(source, fix) })) }),
  };
}

/** One object per diagnostic, input by input. */
export function diagnosticsJson(groups: readonly InputDiagnostics[]): DiagnosticOutput[] {
  return groups.flatMap((g) => g.diagnostics.map((d) => toOutput(g.input, g.source, d)));
}

/** The lines an agent acts on, under the compiler's own hint: each fix's result, else the candidates. */
function actionLines(source: string, d: Diagnostic): string[] {
  if (d.fixes !== undefined) return d.fixes.map((fix) => `  = fix (${fix.title}): ${applyFix(source, fix)}`);
  const suggestions = d.suggestions ?? [];
  // Most hints already say "did you mean …"; repeat the candidates only when the hint does not.
  if (suggestions.length === 0 || d.hint?.includes(suggestions[0]!) === true) return [];
  return [`  = suggestions: ${suggestions.join(", ")}`];
}

/** The caret report, input by input, each fix spelled out as the corrected input. */
export function diagnosticsText(groups: readonly InputDiagnostics[]): string {
  const blocks: string[] = [];
  for (const g of groups) {
    if (g.diagnostics.length === 0) continue;
    const lines = [`${g.input}:`];
    for (const d of g.diagnostics) {
      lines.push(formatDiagnostics(g.source, [d]).trimEnd(), ...actionLines(g.source, d));
    }
    blocks.push(lines.join("\n"));
  }
  return blocks.join("\n\n");
}

const counted = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "2 errors and 1 warning" */
export function countText(groups: readonly InputDiagnostics[]): string {
  const all = groups.flatMap((g) => g.diagnostics);
  const errors = all.filter((d) => d.severity === "error").length;
  const warnings = all.length - errors;
  return [errors > 0 ? counted(errors, "error") : "", warnings > 0 ? counted(warnings, "warning") : ""].filter(Boolean).join(" and ");
}
