import type { CheckResults } from "../results.js";

/*
 * `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on
 * the pull request's diff (`::error file=…,line=…::message`).
 */

/** A command's message: `%`, CR and LF escaped, as the runner's toolkit does. */
export const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/** A property value: as data, and `:` and `,`, which end a property. */
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function githubReport(results: CheckResults): string {
  const lines: string[] = [];
  for (const f of results.files) {
    for (const d of f.diagnostics) {
      const properties = [
        ["file", f.file],
        ["line", String(d.line)],
        ["col", String(d.column)],
        ["endLine", String(d.endLine)],
        ["endColumn", String(d.endColumn)],
        ["title", `dfsq ${d.code}`],
      ]
        .map(([name, value]) => `${name}=${escapeProperty(value!)}`)
        .join(",");
      const message = d.hint === undefined ? d.message : `${d.message}\nhint: ${d.hint}`;
      lines.push(`::${d.severity} ${properties}::${escapeData(message)}`);
    }
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
