import { checkFilter, checkOrderBy } from "../../compile.js";
import type { TaskLimits } from "../../task/check-task.js";
import { dfsqFileOptions, placeOptionDiagnostics, readDfsqFile } from "../../task/dfsq-file.js";
import { LineIndex } from "./lines.js";
import { locate, type FileReport } from "./located.js";

/*
 * `.dfsq` files, read by the one reader the language server uses too (src/task/dfsq-file.ts): a
 * header of `# endpoint:` / `# param:` lines, blanked out so that every span is the file's, then
 * one filter (or, with `# param: order_by`, order-by) expression.
 */

export interface DfsqFileOptions extends TaskLimits {
  /** The endpoint when the header names none (from the config's mapping or `--endpoint`). */
  readonly endpoint?: string | undefined;
  readonly now?: string | undefined;
}

/** Checks a `.dfsq` file. */
export function checkDfsqFile(text: string, options: DfsqFileOptions): FileReport {
  const lines = new LineIndex(text);
  const file = readDfsqFile(text);
  const { mode, ...own } = dfsqFileOptions(file);
  const { endpoint: mapped, ...limits } = options;
  // The header wins over the config's mapping and --endpoint.
  const compileOptions = { ...limits, ...(mapped === undefined ? {} : { endpoint: mapped }), ...own };
  const result = mode === "orderBy" ? checkOrderBy(file.expression, compileOptions) : checkFilter(file.expression, compileOptions);
  // Problems with the endpoint or the parameter point at the header line that chose it; without
  // one, at the start of the file.
  const diagnostics = [...file.diagnostics, ...placeOptionDiagnostics(file, result.diagnostics)];
  return { items: 1, diagnostics: diagnostics.map((d) => locate(d, d.option === undefined ? d.span : { start: 0, end: 0 }, lines)) };
}
