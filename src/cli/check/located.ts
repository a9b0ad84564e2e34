import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import type { LineIndex } from "./lines.js";

/**
 * A diagnostic placed in a file: `span`, `line` and `column` are the file's (offsets into its
 * text), and `endLine`/`endColumn` where the span ends (the column just past its last character).
 * A JSON `path`, when there is one, still names the value within the file.
 */
export type LocatedDiagnostic = Diagnostic & {
  readonly endLine: number;
  readonly endColumn: number;
};

/** What one file gave: `items` tasks and filters were checked (0: the file was not one dfsq reads). */
export interface FileReport {
  readonly items: number;
  readonly diagnostics: readonly LocatedDiagnostic[];
}

export const SKIPPED: FileReport = { items: 0, diagnostics: [] };

/**
 * `diagnostic` at `span` of the file. The `option` it may name (the endpoint, the parameter) is
 * dropped: in a file, the problem is where the span points, not on the command line.
 */
export function locate(diagnostic: Diagnostic, span: Span, lines: LineIndex): LocatedDiagnostic {
  const { option: _option, ...rest } = diagnostic;
  const start = lines.position(span.start);
  const end = lines.position(span.end);
  return { ...rest, span, line: start.line, column: start.column, endLine: end.line, endColumn: end.column } as LocatedDiagnostic;
}
