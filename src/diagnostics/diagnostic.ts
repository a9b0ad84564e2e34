import { DIAGNOSTIC_SEVERITY, type DiagnosticCode, type Severity } from "./codes.js";

/** Half-open range of UTF-16 offsets into the source: `source.slice(start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A path into a JSON value, e.g. `[2, 0]` for the first element of the third element. */
export type JsonPath = readonly (string | number)[];

/**
 * Where a node came from in a JSON value, as a list linked from the leaf up. Children share their
 * parent's links, so 10,000 nested groups cost 10,000 links instead of 50 million path slots;
 * `toJsonPath` spells one out when a diagnostic needs it.
 */
export interface JsonLocation {
  readonly parent: JsonLocation | undefined;
  readonly key: string | number;
}

/** The JSON value itself (the empty path). */
export const JSON_ROOT: JsonLocation = Object.freeze({ parent: undefined, key: "" });

export function childLocation(parent: JsonLocation, key: string | number): JsonLocation {
  return { parent, key };
}

export function toJsonPath(location: JsonLocation | undefined): JsonPath {
  const keys: (string | number)[] = [];
  for (let l = location; l !== undefined && l !== JSON_ROOT; l = l.parent) keys.push(l.key);
  return keys.toReversed();
}

/** Replace `span` of the source with `insert`. */
export interface TextEdit {
  readonly span: Span;
  readonly insert: string;
}

/**
 * A quick fix: edits that, applied together to the source, resolve the diagnostic. `title` says
 * what it does ("quote it", "write `\\b`"); editors show it, the CLI prints it under the hint.
 * Only diagnostics about source text carry fixes (a JSON path names no text to edit).
 */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/**
 * One problem found in the input. `line` and `column` are 1-based and derived from `span` when the
 * diagnostic is made; diagnostics about raw JSON arrays carry a `path` and a zero span instead.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly line: number;
  readonly column: number;
  readonly hint?: string;
  /** "Did you mean" candidates, best first, for editors that offer quick fixes. */
  readonly suggestions?: readonly string[];
  /** Quick fixes, best first; where absent, editors may offer `suggestions` as replacements of `span`. */
  readonly fixes?: readonly Fix[];
  readonly path?: JsonPath;
  /** Set when the problem is in an option (`endpoint`, `param`, `catalog`), not in the source. */
  readonly option?: string;
}

export interface DiagnosticExtras {
  readonly hint?: string | undefined;
  readonly suggestions?: readonly string[] | undefined;
  readonly fixes?: readonly Fix[] | undefined;
  readonly severity?: Severity | undefined;
  readonly path?: JsonPath | undefined;
  readonly option?: string | undefined;
}

/** 1-based line and column (in UTF-16 code units) of `offset` in `source`. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, source.length);
  for (let i = 0; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function makeDiagnostic(
  source: string,
  code: DiagnosticCode,
  span: Span,
  message: string,
  extras: DiagnosticExtras = {},
): Diagnostic {
  const { line, column } = lineColumn(source, span.start);
  const diagnostic: {
    -readonly [K in keyof Diagnostic]: Diagnostic[K];
  } = {
    code,
    severity: extras.severity ?? DIAGNOSTIC_SEVERITY[code],
    message,
    span,
    line,
    column,
  };
  if (extras.hint !== undefined) diagnostic.hint = extras.hint;
  if (extras.suggestions !== undefined && extras.suggestions.length > 0) {
    diagnostic.suggestions = extras.suggestions;
  }
  if (extras.fixes !== undefined && extras.fixes.length > 0) diagnostic.fixes = extras.fixes;
  if (extras.path !== undefined) diagnostic.path = extras.path;
  if (extras.option !== undefined) diagnostic.option = extras.option;
  return diagnostic;
}

/**
 * Collects the diagnostics of one run over one source. Phases push into it and never throw, so a
 * run reports every problem it can find, not only the first.
 */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  #errors = 0;

  constructor(readonly source: string) {}

  report(code: DiagnosticCode, span: Span, message: string, extras?: DiagnosticExtras): void {
    const diagnostic = makeDiagnostic(this.source, code, span, message, extras);
    if (diagnostic.severity === "error") this.#errors++;
    this.items.push(diagnostic);
  }

  /** Reports at an AST node: its span, and its JSON path when it was read from arrays. */
  reportAt(
    code: DiagnosticCode,
    node: { readonly span: Span; readonly at?: JsonLocation | undefined },
    message: string,
    extras?: DiagnosticExtras,
  ): void {
    this.report(code, node.span, message, node.at === undefined ? extras : { ...extras, path: toJsonPath(node.at) });
  }

  add(diagnostic: Diagnostic): void {
    if (diagnostic.severity === "error") this.#errors++;
    this.items.push(diagnostic);
  }

  get errorCount(): number {
    return this.#errors;
  }

  /** Diagnostics in source order (stable for equal offsets). */
  sorted(): Diagnostic[] {
    // toSorted is stable, so diagnostics at one offset keep the order they were reported in.
    return this.items.length < 2 ? this.items.slice() : this.items.toSorted((a, b) => a.span.start - b.span.start);
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
