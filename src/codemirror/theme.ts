import { EditorView } from "@codemirror/view";

/*
 * The default look of dfsq's classes, as a base theme: any `EditorView.theme` that styles the same
 * classes wins. Colours meet WCAG AA (4.5:1) on white and on a #1e1e1e-like dark background.
 */
export const dfsqTheme = EditorView.baseTheme({
  "&light .cm-dfsq-field": { color: "#0b5394" },
  "&light .cm-dfsq-operator": { color: "#7a3e00" },
  "&light .cm-dfsq-keyword": { color: "#8b1a8b", fontWeight: "600" },
  "&light .cm-dfsq-string": { color: "#1c6b1c" },
  "&light .cm-dfsq-number": { color: "#a3154f" },
  "&light .cm-dfsq-time": { color: "#5b3fa8" },
  "&light .cm-dfsq-punctuation": { color: "#4a4a4a" },
  "&light .cm-dfsq-error": { color: "#b00020", textDecoration: "underline wavy #b00020" },
  "&dark .cm-dfsq-field": { color: "#8cc4ff" },
  "&dark .cm-dfsq-operator": { color: "#ffb86b" },
  "&dark .cm-dfsq-keyword": { color: "#e9a6f2", fontWeight: "600" },
  "&dark .cm-dfsq-string": { color: "#9be39b" },
  "&dark .cm-dfsq-number": { color: "#ff9ec4" },
  "&dark .cm-dfsq-time": { color: "#c3b1ff" },
  "&dark .cm-dfsq-punctuation": { color: "#c8c8c8" },
  "&dark .cm-dfsq-error": { color: "#ff8a80", textDecoration: "underline wavy #ff8a80" },
  ".cm-dfsq-info": { whiteSpace: "pre-wrap", maxWidth: "min(32em, 80vw)", fontSize: "90%" },
  ".cm-dfsq-hover": { padding: "4px 8px", whiteSpace: "pre-wrap", maxWidth: "min(40em, 90vw)", fontSize: "90%" },
  ".cm-dfsq-code": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", fontSize: "95%", padding: "0 0.2em", borderRadius: "3px" },
  "&light .cm-dfsq-code": { backgroundColor: "rgb(0 0 0 / 0.06)" },
  "&dark .cm-dfsq-code": { backgroundColor: "rgb(255 255 255 / 0.1)" },
  ".cm-dfsq-hint": { display: "block", opacity: "0.85", fontStyle: "italic" },
  ".cm-completionIcon-operator:after": { content: "'≶'" },
  ".cm-completionIcon-punctuation:after": { content: "'( )'", fontSize: "80%" },
});
