import type { TextSegment } from "../diagnostics/segments.js";

/** Message segments as DOM nodes: text as text, code in `<code class="cm-dfsq-code">`. */
export function renderSegments(doc: Document, segments: readonly TextSegment[]): Node[] {
  return segments.map((s) => {
    if (s.kind === "text") return doc.createTextNode(s.text);
    const code = doc.createElement("code");
    code.className = "cm-dfsq-code";
    code.textContent = s.text;
    return code;
  });
}
