import type { Span } from "../../../diagnostics/diagnostic.js";
import { LineIndex } from "../lines.js";
import type { FileResult } from "../results.js";

export interface Region {
  readonly line: number;
  readonly column: number;
  /** The line and column just past the end (the column after the last character). */
  readonly endLine: number;
  readonly endColumn: number;
}

/** Lines and columns of the spans of a file's quick fixes (the diagnostics carry their own). */
export function fixRegions(file: FileResult): (span: Span) => Region {
  let lines: LineIndex | undefined;
  return (span) => {
    lines ??= new LineIndex(file.source);
    const start = lines.position(span.start);
    const end = lines.position(span.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };
}
