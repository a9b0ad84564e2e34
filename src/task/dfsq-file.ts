import { FILTER_PARAMS, type FilterParam } from "../catalog/endpoints.js";
import { suggest } from "../catalog/suggest.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import { makeDiagnostic, type Diagnostic, type DiagnosticExtras, type Span } from "../diagnostics/diagnostic.js";
import * as hints from "../diagnostics/hints.js";
import * as messages from "../diagnostics/messages.js";

/*
 * A `.dfsq` file: one filter (or order-by) expression, after header lines that say what it is for.
 *
 *   # endpoint: backlinks/referring_domains
 *   # param: backlinks_filters
 *   dofollow and rank > 100
 *
 * The header is the leading run of blank lines and lines starting with `#`. `# endpoint: <id>` and
 * `# param: <p>` set those options (`# param: order_by` makes the file an order-by); any other `#`
 * line is a comment, unless its key is a near miss of one of those (`# endpont:`), which is flagged,
 * since a silently ignored endpoint would silently turn off the field checks. The language has no
 * comments: a `#` after the expression has begun is the expression's own error.
 *
 * One reader for every tool that opens such files (`dfsq check`, the language server), so that
 * they agree on what a file means.
 */

/** A header value and where it is written (the value alone, trimmed). */
export interface HeaderValue {
  readonly value: string;
  readonly span: Span;
}

export interface DfsqFile {
  /** The text to compile: the file with its header lines blanked to spaces and every line break
   * kept, so that each offset, line and column into it is the file's own. */
  readonly expression: string;
  readonly endpoint?: HeaderValue;
  /** As written: a filter parameter or `order_by`. */
  readonly param?: HeaderValue;
  /** `orderBy` when the header says `# param: order_by` (the assist's `AssistMode`). */
  readonly mode: "filter" | "orderBy";
  /** The header's lines, without their line breaks (an editor greys them as comments). */
  readonly headerLines: readonly Span[];
  /** Problems of the header itself. */
  readonly diagnostics: readonly Diagnostic[];
}

const HEADER_KEYS = ["endpoint", "param"] as const;
type HeaderKey = (typeof HEADER_KEYS)[number];
const ORDER_BY = "order_by";
const PARAMS: readonly string[] = [...FILTER_PARAMS, ORDER_BY];

/** `# key: value`: the key, and the value up to the end of the line. */
const KEY_LINE = /^([ \t]*#[ \t]*)([A-Za-z_][A-Za-z0-9_-]*)([ \t]*:)(.*)$/;
const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/y;

/** Each line's span without its line break, in order. */
function lines(text: string): Span[] {
  const out: Span[] = [];
  LINE.lastIndex = 0;
  while (LINE.lastIndex < text.length || out.length === 0) {
    const start = LINE.lastIndex;
    const match = LINE.exec(text)!;
    const body = match[0].replace(/[\r\n]+$/, "");
    out.push({ start, end: start + body.length });
    if (match[0].length === 0) break;
  }
  return out;
}

/** Reads a `.dfsq` file's header and blanks it out of the expression. Never throws. */
export function readDfsqFile(text: string): DfsqFile {
  const diagnostics: Diagnostic[] = [];
  const headerLines: Span[] = [];
  const values: Partial<Record<HeaderKey, HeaderValue>> = {};
  const report = (code: DiagnosticCode, span: Span, message: string, extras?: DiagnosticExtras) =>
    diagnostics.push(makeDiagnostic(text, code, span, message, extras));

  for (const line of lines(text)) {
    // A byte order mark is whitespace to the lexer; it must not hide the first header line.
    const start = line.start === 0 && text.startsWith("\ufeff") ? 1 : line.start;
    const content = text.slice(start, line.end);
    if (content.trim() === "") continue;
    if (!/^[ \t]*#/.test(content)) break;
    headerLines.push(line);
    const match = KEY_LINE.exec(content);
    if (match === null) continue;
    const [, lead, rawKey, colon, rest] = match as unknown as [string, string, string, string, string];
    const keyStart = start + lead.length;
    const keySpan = { start: keyStart, end: keyStart + rawKey.length };
    const key = rawKey.toLowerCase();
    if (!(HEADER_KEYS as readonly string[]).includes(key)) {
      const close = suggest(key, HEADER_KEYS, 1);
      if (close.length > 0) {
        report("unknown_header", keySpan, messages.headerUnknownKey(rawKey), {
          hint: messages.didYouMean(close),
          suggestions: close,
          fixes: close.map((k) => ({ title: `write # ${k}:`, edits: [{ span: keySpan, insert: k }] })),
        });
      }
      continue;
    }
    const valueStart = keySpan.end + colon.length + (rest.length - rest.trimStart().length);
    const value = rest.trim();
    const span = value === "" ? keySpan : { start: valueStart, end: valueStart + value.length };
    if (value === "") {
      report("invalid_header", span, messages.headerEmpty(key));
    } else if (values[key as HeaderKey] !== undefined) {
      report("invalid_header", keySpan, messages.headerRepeated(key));
    } else if (key === "param" && !PARAMS.includes(value)) {
      const close = suggest(value, PARAMS);
      report("invalid_header", span, messages.headerUnknownParam(value), {
        hint: close.length > 0 ? messages.didYouMean(close) : hints.headerParams(PARAMS),
        suggestions: close,
        fixes: close.map((p) => ({ title: `write ${p}`, edits: [{ span, insert: p }] })),
      });
    } else {
      values[key as HeaderKey] = { value, span };
    }
  }

  let expression = text;
  if (headerLines.length > 0) {
    const end = headerLines[headerLines.length - 1]!.end;
    // Code unit for code unit, so that astral characters in a comment keep their two offsets.
    expression = text.slice(0, end).replace(/[^\r\n]/g, " ") + text.slice(end);
  }
  return {
    expression,
    ...(values.endpoint === undefined ? {} : { endpoint: values.endpoint }),
    ...(values.param === undefined ? {} : { param: values.param }),
    mode: values.param?.value === ORDER_BY ? "orderBy" : "filter",
    headerLines,
    diagnostics,
  };
}

/** The options the header sets, to spread over the caller's defaults (the header wins). */
export function dfsqFileOptions(file: DfsqFile): { endpoint?: string; param?: FilterParam; mode: "filter" | "orderBy" } {
  const param = file.param?.value;
  return {
    ...(file.endpoint === undefined ? {} : { endpoint: file.endpoint.value }),
    ...(param === undefined || param === ORDER_BY ? {} : { param: param as FilterParam }),
    mode: file.mode,
  };
}

/**
 * Diagnostics about the `endpoint` or `param` option, moved onto the header line that set it: they
 * are then about text, with a span, and an unknown endpoint's "did you mean" becomes a quick fix.
 * Diagnostics about options the header did not set stay as they are (the caller's to place).
 */
export function placeOptionDiagnostics(file: DfsqFile, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => {
    const at = d.option === "endpoint" ? file.endpoint : d.option === "param" ? (file.param ?? file.endpoint) : undefined;
    if (at === undefined) return d;
    const replaceable = d.option === "endpoint" && d.code === "unknown_endpoint" ? (d.suggestions ?? []) : [];
    return makeDiagnostic(file.expression, d.code, at.span, d.message, {
      severity: d.severity,
      hint: d.hint,
      suggestions: d.suggestions,
      fixes: [...(d.fixes ?? []), ...replaceable.map((id) => ({ title: `write ${id}`, edits: [{ span: at.span, insert: id }] }))],
    });
  });
}
