import { ENDPOINTS, FILTER_PARAMS, type FilterParam } from "../../catalog/endpoints.js";
import { findEndpoint, normalizeEndpointId } from "../../catalog/resolve.js";
import { suggest } from "../../catalog/suggest.js";
import { checkFilter } from "../../compile.js";
import { makeDiagnostic, type Diagnostic, type Span } from "../../diagnostics/diagnostic.js";
import { messages } from "../../diagnostics/messages.js";
import type { TaskLimits } from "../../task/check-task.js";
import { LineIndex } from "./lines.js";
import { locate, type FileReport } from "./located.js";
import { checkMessages } from "./messages.js";

/*
 * `.dfsq` files: one filter expression, after a header of `#` lines. dfsq's grammar has no
 * comments, so the header is read here and blanked out (each of its characters but line breaks
 * turned into a space) before compiling: the compiler's spans are then the file's offsets, and its
 * quick fixes edit the file as they stand.
 *
 *   # endpoint: backlinks/referring_domains
 *   # param: backlinks_filters
 *   # anything else after a `#` is a comment
 *   rank > 100 and dofollow
 */

/** The header lines dfsq reads, `# name: value`. */
export const DIRECTIVES = ["endpoint", "param"] as const;
type Directive = (typeof DIRECTIVES)[number];

export interface DfsqFileOptions extends TaskLimits {
  /** The endpoint when the header names none (from the config's mapping or `--endpoint`). */
  readonly endpoint?: string | undefined;
  readonly now?: string | undefined;
}

interface Header {
  /** The file with its header blanked out. */
  readonly expression: string;
  readonly directives: ReadonlyMap<Directive, { readonly value: string; readonly span: Span }>;
  readonly diagnostics: readonly Diagnostic[];
}

const DIRECTIVE_LINE = /^([ \t]*#[ \t]*)([A-Za-z_][\w-]*)([ \t]*:[ \t]*)(.*?)[ \t]*$/;

function readHeader(text: string, lines: LineIndex): Header {
  const directives = new Map<Directive, { value: string; span: Span }>();
  const diagnostics: Diagnostic[] = [];
  let headerEnd = 0;
  for (const { start, end } of lines.lines()) {
    const line = text.slice(start, end);
    if (line.trim() !== "" && !line.trimStart().startsWith("#")) break;
    headerEnd = end;
    const m = DIRECTIVE_LINE.exec(line);
    if (m === null) continue;
    const [, lead = "", key = "", colon = "", value = ""] = m;
    const keyStart = start + lead.length;
    const valueStart = keyStart + key.length + colon.length;
    if ((DIRECTIVES as readonly string[]).includes(key)) {
      directives.set(key as Directive, { value, span: { start: valueStart, end: valueStart + value.length } });
      continue;
    }
    // `# Note: …` is a comment; `# endpont: …` is a typo that would silently check less.
    const close = suggest(key.toLowerCase(), DIRECTIVES, 1);
    if (close.length === 0) continue;
    const span = { start: keyStart, end: keyStart + key.length };
    diagnostics.push(
      makeDiagnostic(text, "unknown_directive", span, checkMessages.unknownDirective(key), {
        hint: messages.didYouMean(close),
        suggestions: close,
        fixes: [{ title: checkMessages.write(close[0]!), edits: [{ span, insert: close[0]! }] }],
      }),
    );
  }
  const expression = text.slice(0, headerEnd).replace(/[^\r\n]/g, " ") + text.slice(headerEnd);
  return { expression, directives, diagnostics };
}

/** The endpoint a header names, or an `unknown_endpoint` diagnostic on it. */
function headerEndpoint(text: string, named: { value: string; span: Span }): { id?: string; diagnostic?: Diagnostic } {
  const spec = findEndpoint(named.value);
  if (spec !== undefined) return { id: spec.id };
  const close = suggest(normalizeEndpointId(named.value), ENDPOINTS.keys());
  return {
    diagnostic: makeDiagnostic(text, "unknown_endpoint", named.span, messages.unknownEndpoint(named.value), {
      hint: close.length > 0 ? messages.didYouMean(close) : messages.listEndpointsHint(),
      suggestions: close,
      fixes: close.map((id) => ({ title: checkMessages.write(id), edits: [{ span: named.span, insert: id }] })),
    }),
  };
}

function headerParam(text: string, named: { value: string; span: Span }): { param?: FilterParam; diagnostic?: Diagnostic } {
  if ((FILTER_PARAMS as readonly string[]).includes(named.value)) return { param: named.value as FilterParam };
  const close = suggest(named.value, FILTER_PARAMS);
  return {
    diagnostic: makeDiagnostic(text, "unsupported_parameter", named.span, checkMessages.unknownParam(named.value), {
      hint: messages.didYouMean(close.length > 0 ? close : FILTER_PARAMS),
      suggestions: close,
      fixes: close.map((p) => ({ title: checkMessages.write(p), edits: [{ span: named.span, insert: p }] })),
    }),
  };
}

/** Checks a `.dfsq` file. */
export function checkDfsqFile(text: string, options: DfsqFileOptions): FileReport {
  const lines = new LineIndex(text);
  const header = readHeader(text, lines);
  const diagnostics = [...header.diagnostics];
  const endpointLine = header.directives.get("endpoint");
  const paramLine = header.directives.get("param");
  const endpoint = endpointLine === undefined ? { id: options.endpoint } : headerEndpoint(text, endpointLine);
  const param = paramLine === undefined ? {} : headerParam(text, paramLine);
  if (endpoint.diagnostic !== undefined) diagnostics.push(endpoint.diagnostic);
  if (param.diagnostic !== undefined) diagnostics.push(param.diagnostic);
  const { endpoint: _mapped, ...compile } = options;
  const result = checkFilter(header.expression, {
    ...compile,
    ...(endpoint.id === undefined ? {} : { endpoint: endpoint.id }),
    ...(param.param === undefined ? {} : { param: param.param }),
  });
  diagnostics.push(...result.diagnostics);
  // Problems with the endpoint or the parameter (`no_catalog`, a parameter the endpoint does not
  // take) point at the header line that chose it; without one, at the start of the file.
  const optionSpan = (option: string): Span => (option === "param" ? (paramLine ?? endpointLine) : endpointLine)?.span ?? { start: 0, end: 0 };
  return {
    items: 1,
    diagnostics: diagnostics.map((d) => locate(d, d.option === undefined ? d.span : optionSpan(d.option), lines)),
  };
}
