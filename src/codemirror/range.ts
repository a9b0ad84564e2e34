import type { Text } from "@codemirror/state";

const LINE_BREAK = /[\n\r]/;
const SPACE = /\s/;

/**
 * The range to underline for a span. A zero-width span (dfsq's "expected something here") is
 * widened to the character after it; at the end of a line or of the text, to the last
 * non-blank character before it, so that `rank >` underlines the `>` that wants a value. Only
 * empty or blank text keeps a zero-width range (CodeMirror draws it as a point).
 */
export function underlineRange(doc: Text, start: number, end: number): { from: number; to: number } {
  const length = doc.length;
  const from = Math.max(0, Math.min(start, length));
  const to = Math.max(from, Math.min(end, length));
  if (from < to) return { from, to };
  const next = doc.sliceString(from, from + 1);
  if (next !== "" && !LINE_BREAK.test(next)) return { from, to: from + 1 };
  let p = from;
  while (p > 0 && SPACE.test(doc.sliceString(p - 1, p))) p--;
  return p > 0 ? { from: p - 1, to: p } : { from, to };
}
