import { z } from "zod";
import { DIAGNOSTIC_CODES } from "../../../diagnostics/codes.js";
import type { CheckResults } from "../results.js";
import { fixRegions } from "./positions.js";

/*
 * `--format json`: an array with one object per diagnostic. The schema is declared here once and
 * documented in docs/ci.md; fields are added, never renamed or removed. Lines and columns are
 * 1-based, columns count UTF-16 code units, and `endColumn` is the column just past the end.
 */

const position = {
  line: z.int().positive(),
  column: z.int().positive(),
  endLine: z.int().positive(),
  endColumn: z.int().positive(),
};

export const JsonEditSchema = z.object({ ...position, insert: z.string() });

export const JsonFixSchema = z.object({ title: z.string(), edits: z.array(JsonEditSchema) });

export const JsonDiagnosticSchema = z.object({
  /** Relative to the working directory, with `/`. */
  file: z.string(),
  ...position,
  code: z.enum(DIAGNOSTIC_CODES as [string, ...string[]]),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  hint: z.string().nullable(),
  /** The JSON path of the value within the file (JSON files; in a .jsonl file, within its line), else null. */
  path: z.array(z.union([z.string(), z.int()])).nullable(),
  /** Quick fixes, best first (each edit replaces its region with `insert`). */
  fixes: z.array(JsonFixSchema),
});

export const JsonReportSchema = z.array(JsonDiagnosticSchema);
export type JsonDiagnostic = z.infer<typeof JsonDiagnosticSchema>;

export function jsonDiagnostics(results: CheckResults): JsonDiagnostic[] {
  return results.files.flatMap((f) => {
    const region = fixRegions(f);
    return f.diagnostics.map(
      (d): JsonDiagnostic => ({
        file: f.file,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        code: d.code,
        severity: d.severity,
        message: d.message,
        hint: d.hint ?? null,
        path: d.path === undefined ? null : [...d.path],
        fixes: (d.fixes ?? []).map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ ...region(e.span), insert: e.insert })) })),
      }),
    );
  });
}

/** The report: one diagnostic per line, so that it also reads in a log and diffs well. */
export function jsonReport(results: CheckResults): string {
  const lines = jsonDiagnostics(results).map((d) => JSON.stringify(d));
  return lines.length === 0 ? "[]\n" : `[\n${lines.join(",\n")}\n]\n`;
}
