import type { Diagnostic } from "./diagnostic.js";

export interface FormatOptions {
  /** ANSI colours (the CLI turns them on for a TTY unless NO_COLOR is set). Default false. */
  readonly color?: boolean;
  /** Columns of source shown around the problem on long lines. Default 100. */
  readonly width?: number;
  /**
   * The file `source` was read from. The location then reads `--> file:line:column`, and every
   * diagnostic is taken as located in `source` by its line, column and span, those with a JSON
   * path too (the path is named after the location): the caller has mapped them into the file.
   */
  readonly file?: string;
}

const ANSI = {
  red: "\u001b[31m",
  yellow: "\u001b[33m",
  cyan: "\u001b[36m",
  bold: "\u001b[1m",
  dim: "\u001b[2m",
  reset: "\u001b[0m",
} as const;

/**
 * Renders diagnostics the way compilers do: a header with severity and code, the source line, and a
 * caret underline under the span, then the hint. Diagnostics about JSON values (with a `path`)
 * name the path instead of quoting source.
 */
export function formatDiagnostics(
  source: string,
  diagnostics: readonly Diagnostic[],
  options: FormatOptions = {},
): string {
  const paint = (style: keyof typeof ANSI, text: string) =>
    options.color ? `${ANSI[style]}${text}${ANSI.reset}` : text;
  const width = Math.max(20, options.width ?? 100);
  const lines = source.split(/\r\n|\r|\n/);
  const out: string[] = [];

  for (const d of diagnostics) {
    const tone = d.severity === "error" ? "red" : "yellow";
    out.push(`${paint(tone, paint("bold", `${d.severity}[${d.code}]`))}: ${paint("bold", d.message)}`);
    if (d.option !== undefined && options.file === undefined) {
      out.push(`  ${paint("cyan", "-->")} option ${d.option}`);
    } else if (d.path !== undefined && options.file === undefined) {
      out.push(`  ${paint("cyan", "-->")} at ${formatPath(d.path)}`);
    } else {
      const lineText = lines[d.line - 1] ?? "";
      const gutter = String(d.line).length;
      const pad = " ".repeat(gutter);
      const where = options.file === undefined ? `${d.line}:${d.column}` : `${options.file}:${d.line}:${d.column}`;
      const path = options.file !== undefined && d.path !== undefined ? ` at ${formatPath(d.path)}` : "";
      out.push(`${pad}${paint("cyan", "-->")} ${where}${path}`);
      const startCol = d.column - 1;
      const spanLen = Math.max(1, Math.min(d.span.end - d.span.start, lineText.length - startCol));
      const { text, caretAt } = window(lineText, startCol, spanLen, width);
      out.push(`${pad} ${paint("cyan", "|")}`);
      out.push(`${paint("cyan", `${d.line} |`)} ${text}`);
      const caretLen = Math.max(1, Math.min(spanLen, text.length - caretAt + 1));
      out.push(
        `${pad} ${paint("cyan", "|")} ${" ".repeat(caretAt)}${paint(tone, "^".repeat(caretLen))}`,
      );
    }
    if (d.hint !== undefined) out.push(`  ${paint("cyan", "=")} ${paint("bold", "hint")}: ${d.hint}`);
    out.push("");
  }
  return out.join("\n");
}

/** JSON path as written in JavaScript: `[2][0]`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0
    ? "the top level"
    : path.map((p) => (typeof p === "number" ? `[${p}]` : `[${JSON.stringify(p)}]`)).join("");
}

/** Cuts a long line down to `width` columns around the span; tabs become spaces so carets align. */
function window(line: string, start: number, length: number, width: number) {
  const flat = line.replace(/\t/g, " ");
  if (flat.length <= width) return { text: flat, caretAt: start };
  const context = Math.max(10, Math.floor((width - Math.min(length, width / 2)) / 2));
  const from = Math.max(0, start - context);
  const to = Math.min(flat.length, from + width);
  const prefix = from > 0 ? "…" : "";
  const suffix = to < flat.length ? "…" : "";
  return { text: prefix + flat.slice(from, to) + suffix, caretAt: start - from + prefix.length };
}
