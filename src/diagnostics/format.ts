import { describeValue, kindOf, readElements, readProperty } from "../values/guarded.js";
import type { Diagnostic, JsonPath } from "./diagnostic.js";
import { invalidArgument } from "./error.js";
import * as messages from "./messages.js";
import { formatPath } from "./json-path.js";

export { formatPath };

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
 * Whether a terminal must not receive this UTF-16 unit from the input: C0 controls but the tab
 * (ESC starts escape sequences, BEL rings), DEL, C1 controls (0x9b is a one-byte CSI), the
 * bidirectional overrides, embeddings, isolates and marks that reorder what is shown (Trojan
 * Source), and the Unicode line separators. Each is shown as its escape (`\x1b`, `\u202e`).
 */
function isUnsafe(n: number): boolean {
  return (
    (n < 0x20 && n !== 0x09) ||
    (n >= 0x7f && n <= 0x9f) ||
    n === 0x061c ||
    n === 0x200e ||
    n === 0x200f ||
    n === 0x2028 ||
    n === 0x2029 ||
    (n >= 0x202a && n <= 0x202e) ||
    (n >= 0x2066 && n <= 0x2069)
  );
}

function escapeUnit(n: number): string {
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
}

/** `text` with every character a terminal must not receive escaped. */
export function escapeControls(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const n = text.charCodeAt(i);
    if (!isUnsafe(n)) continue;
    out += text.slice(from, i) + escapeUnit(n);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Renders diagnostics the way compilers do: a header with severity and code, the source line, and a
 * caret underline under the span, then the hint. Diagnostics about JSON values (with a `path`)
 * name the path instead of quoting source. Control characters from the input are escaped, and
 * the carets stay under what they point at. Throws DfsqError (`invalid_argument`) when `source`
 * is not a string or `diagnostics` not an array of diagnostics.
 */
export function formatDiagnostics(
  source: string,
  diagnostics: readonly Diagnostic[],
  options: FormatOptions = {},
): string {
  if (typeof source !== "string") throw invalidArgument(messages.takes("formatDiagnostics", messages.things.sourceText, describeValue(source)));
  const list = readDiagnostics(diagnostics);
  const { color, width: givenWidth } = readFormatOptions(options);
  const paint = (style: keyof typeof ANSI, text: string) => (color ? `${ANSI[style]}${text}${ANSI.reset}` : text);
  const width = Math.max(20, givenWidth ?? 100);
  const lines = source.split(/\r\n|\r|\n/);
  const out: string[] = [];

  for (const d of list) {
    const tone = d.severity === "error" ? "red" : "yellow";
    out.push(`${paint(tone, paint("bold", `${escapeControls(d.severity)}[${escapeControls(d.code)}]`))}: ${paint("bold", escapeControls(d.message))}`);
    if (d.option !== undefined && options.file === undefined) {
      out.push(`  ${paint("cyan", "-->")} option ${escapeControls(d.option)}`);
    } else if (d.path !== undefined && options.file === undefined) {
      out.push(`  ${paint("cyan", "-->")} at ${escapeControls(formatPath(d.path))}`);
    } else {
      const lineText = lines[d.line - 1] ?? "";
      const gutter = String(d.line).length;
      const pad = " ".repeat(gutter);
      const where = options.file === undefined ? `${d.line}:${d.column}` : `${escapeControls(options.file)}:${d.line}:${d.column}`;
      const path = options.file !== undefined && d.path !== undefined ? ` at ${escapeControls(formatPath(d.path))}` : "";
      out.push(`${pad}${paint("cyan", "-->")} ${where}${path}`);
      const startCol = Math.min(d.column - 1, lineText.length);
      const spanLen = Math.max(1, Math.min(d.span.end - d.span.start, lineText.length - startCol));
      const { text, caretAt, caretEnd } = window(lineText, startCol, spanLen, width);
      out.push(`${pad} ${paint("cyan", "|")}`);
      out.push(`${paint("cyan", `${d.line} |`)} ${text}`);
      const caretLen = Math.max(1, Math.min(caretEnd - caretAt, text.length - caretAt + 1));
      out.push(
        `${pad} ${paint("cyan", "|")} ${" ".repeat(caretAt)}${paint(tone, "^".repeat(caretLen))}`,
      );
    }
    if (d.hint !== undefined) out.push(`  ${paint("cyan", "=")} ${paint("bold", "hint")}: ${escapeControls(d.hint)}`);
    out.push("");
  }
  return out.join("\n");
}

/**
 * A source line as shown: tabs as spaces and unsafe characters escaped, with the shown column of
 * each source column (`columns[i]`; `columns[line.length]` is the shown length), so a caret under
 * column `i` lands under the same character.
 */
function displayLine(line: string): { text: string; columns: number[] } {
  const columns: number[] = [];
  let text = "";
  for (let i = 0; i < line.length; i++) {
    columns.push(text.length);
    const n = line.charCodeAt(i);
    text += n === 0x09 ? " " : isUnsafe(n) ? escapeUnit(n) : line[i]!;
  }
  columns.push(text.length);
  return { text, columns };
}

/** The parts of one diagnostic the formatter prints, checked. */
interface Shown {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly span: { readonly start: number; readonly end: number };
  readonly line: number;
  readonly column: number;
  readonly hint?: string;
  readonly path?: JsonPath;
  readonly option?: string;
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** `diagnostics`, each read once and checked to be printable, or DfsqError. */
function readDiagnostics(diagnostics: unknown): Shown[] {
  const read = kindOf(diagnostics) === "array" ? readElements(diagnostics as object, Number.MAX_SAFE_INTEGER) : undefined;
  if (read === undefined || !read.ok) {
    throw invalidArgument(messages.takes("formatDiagnostics", messages.things.diagnostics, describeValue(diagnostics)));
  }
  return read.items.map((item, i) => {
    const shown = readDiagnostic(item);
    if (shown === undefined) throw invalidArgument(messages.notADiagnostic("formatDiagnostics", i, describeValue(item)));
    return shown;
  });
}

function readDiagnostic(item: unknown): Shown | undefined {
  if (kindOf(item) !== "object") return undefined;
  const field = (key: string): unknown => {
    const got = readProperty(item as object, key);
    return got.ok ? got.value : Symbol.for("unreadable");
  };
  const [code, severity, message, span, line, column, hint, path, option] = [
    "code", "severity", "message", "span", "line", "column", "hint", "path", "option",
  ].map(field);
  if (typeof code !== "string" || typeof severity !== "string" || typeof message !== "string") return undefined;
  if (!isCount(line) || line < 1 || !isCount(column) || column < 1 || kindOf(span) !== "object") return undefined;
  const start = readProperty(span as object, "start");
  const end = readProperty(span as object, "end");
  if (!start.ok || !end.ok || !isCount(start.value) || !isCount(end.value)) return undefined;
  if ((hint !== undefined && typeof hint !== "string") || (option !== undefined && typeof option !== "string")) return undefined;
  let keys: JsonPath | undefined;
  if (path !== undefined) {
    const read = kindOf(path) === "array" ? readElements(path as object, Number.MAX_SAFE_INTEGER) : undefined;
    if (read === undefined || !read.ok || !read.items.every((k) => typeof k === "string" || typeof k === "number")) return undefined;
    keys = read.items as JsonPath;
  }
  return {
    code,
    severity,
    message,
    span: { start: start.value, end: end.value },
    line,
    column,
    ...(hint === undefined ? {} : { hint }),
    ...(keys === undefined ? {} : { path: keys }),
    ...(option === undefined ? {} : { option }),
  };
}

function readFormatOptions(options: unknown): { color: boolean; width: number | undefined } {
  if (options === undefined) return { color: false, width: undefined };
  if (kindOf(options) !== "object") throw invalidArgument(messages.takes("formatDiagnostics", messages.things.optionsObject, describeValue(options)));
  const color = readProperty(options as object, "color");
  const width = readProperty(options as object, "width");
  if (!color.ok || (color.value !== undefined && typeof color.value !== "boolean")) {
    throw invalidArgument(messages.optionTakes("color", messages.things.boolean));
  }
  if (!width.ok || (width.value !== undefined && (typeof width.value !== "number" || Number.isNaN(width.value)))) {
    throw invalidArgument(messages.optionTakes("width", messages.things.columns));
  }
  return { color: color.value === true, width: width.value as number | undefined };
}


/**
 * Cuts a long line down to `width` columns around the span (only that part is escaped, so a long
 * line costs the same as a short one), and where the caret goes in what is shown.
 */
function window(line: string, start: number, length: number, width: number) {
  let from = 0;
  let to = line.length;
  if (line.length > width) {
    const context = Math.max(10, Math.floor((width - Math.min(length, width / 2)) / 2));
    from = Math.max(0, start - context);
    to = Math.min(line.length, from + width);
  }
  const prefix = from > 0 ? "…" : "";
  const suffix = to < line.length ? "…" : "";
  const shown = displayLine(line.slice(from, to));
  const at = (column: number) => prefix.length + shown.columns[Math.max(0, Math.min(column, to) - from)]!;
  return { text: prefix + shown.text + suffix, caretAt: at(start), caretEnd: at(start + length) };
}
