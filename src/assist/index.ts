/* Editor support: highlighting, analysis, completion and hover, as editor-neutral data. */
export { analyze } from "./analyze.js";
export { complete } from "./complete.js";
export { exampleExpression } from "./example.js";
export { hover } from "./hover.js";
export type {
  Analysis,
  AssistMode,
  AssistOptions,
  CompletionKind,
  CompletionOption,
  CompletionResult,
  HighlightClass,
  HighlightToken,
  HoverResult,
  ValuePosition,
} from "./types.js";
