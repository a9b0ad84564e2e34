import { formatDiagnostics } from "../../../diagnostics/format.js";
import type { CheckResults } from "../results.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** The text report: each problem as compilers print it (`--> file:line:column`, the source line,
 * carets, the hint), then one line of totals. */
export function textReport(results: CheckResults, color: boolean): string {
  // Each block ends with a newline; a blank line parts it from the next and from the totals.
  const blocks = results.files.map((f) => `${formatDiagnostics(f.source, f.diagnostics, { color, file: f.file })}\n`);
  const checked = `${plural(results.items, "task or filter", "tasks and filters")} in ${plural(results.filesChecked, "file")}`;
  const problems = results.errors + results.warnings;
  const summary =
    problems === 0
      ? `dfsq check: no problems in ${checked}`
      : `dfsq check: ${plural(results.errors, "error")} and ${plural(results.warnings, "warning")} in ${plural(results.files.length, "file")} (${checked} checked)`;
  return `${blocks.join("")}${summary}\n`;
}
