import type { Diagnostic } from "./diagnostic.js";

/*
 * Diagnostic messages mark code the way Markdown does, in backquotes: "expected a value after
 * `>`". This is the one place that reads that mark-up, so that every renderer (CodeMirror's
 * tooltips and lint panel, hover, the playground) shows code as code and never a literal
 * backquote. The CLI's formatDiagnostics keeps the backquotes: a terminal has no other way.
 */

/** A run of a message: plain text, or code (shown in a monospace font). */
export interface TextSegment {
  readonly kind: "text" | "code";
  readonly text: string;
}

/**
 * `text` split into plain and code runs. A code span opens with a run of backquotes and closes
 * with a run of the same length (so ``` `` a`b `` ``` holds a backquote), as in CommonMark, which
 * also strips one space on each side when both are there. A backquote run that is never closed is
 * plain text.
 */
export function codeSegments(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let plain = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "`") {
      plain += text[i];
      i++;
      continue;
    }
    const open = runLength(text, i);
    const close = findRun(text, i + open, open);
    if (close < 0) {
      plain += text.slice(i, i + open);
      i += open;
      continue;
    }
    if (plain !== "") out.push({ kind: "text", text: plain });
    plain = "";
    let code = text.slice(i + open, close);
    if (code.length > 2 && code.startsWith(" ") && code.endsWith(" ") && code.trim() !== "") code = code.slice(1, -1);
    out.push({ kind: "code", text: code });
    i = close + open;
  }
  if (plain !== "") out.push({ kind: "text", text: plain });
  return out;
}

function runLength(text: string, at: number): number {
  let n = 0;
  while (text[at + n] === "`") n++;
  return n;
}

/** The start of the next run of exactly `length` backquotes at or after `from`, or -1. */
function findRun(text: string, from: number, length: number): number {
  for (let i = text.indexOf("`", from); i >= 0; i = text.indexOf("`", i)) {
    const n = runLength(text, i);
    if (n === length) return i;
    i += n;
  }
  return -1;
}

/** The segments as plain text, without mark-up: for places that can show nothing else (a button). */
export function plainText(segments: readonly TextSegment[]): string {
  return segments.map((s) => s.text).join("");
}

/** A diagnostic's message and hint as segments, for renderers that can show code. */
export function messageSegments(diagnostic: Pick<Diagnostic, "message" | "hint">): {
  readonly message: readonly TextSegment[];
  readonly hint?: readonly TextSegment[];
} {
  const message = codeSegments(diagnostic.message);
  return diagnostic.hint === undefined ? { message } : { message, hint: codeSegments(diagnostic.hint) };
}
