import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import { DIAGNOSTIC_SEVERITY, type DiagnosticCode } from "../../../diagnostics/codes.js";
import type { CheckResults } from "../results.js";
import { fixRegions, type Region } from "./positions.js";

/*
 * `--format sarif`: a SARIF 2.1.0 log, for GitHub code scanning (upload-sarif) and other viewers.
 * One run, one rule per diagnostic code that appears, one result per diagnostic, located in its
 * file relative to the source root (%SRCROOT%, the working directory).
 */

/** Set by the build (esbuild `define`) from package.json. */
declare const DFSQ_VERSION: string;

const SRCROOT = "%SRCROOT%";

/** A relative path as a URI reference: each segment percent-encoded. */
const uriOf = (file: string) => file.split("/").map(encodeURIComponent).join("/");

const regionOf = (r: Region): Sarif.Region => ({ startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn });

export function sarifLog(results: CheckResults): Sarif.Log {
  const codes = [...new Set(results.files.flatMap((f) => f.diagnostics.map((d) => d.code)))].toSorted();
  const ruleIndex = new Map<DiagnosticCode, number>(codes.map((code, i) => [code, i]));
  const rules: Sarif.ReportingDescriptor[] = codes.map((code) => ({
    id: code,
    name: code,
    defaultConfiguration: { level: DIAGNOSTIC_SEVERITY[code] },
  }));
  const sarifResults: Sarif.Result[] = results.files.flatMap((f) => {
    const artifactLocation: Sarif.ArtifactLocation = { uri: uriOf(f.file), uriBaseId: SRCROOT };
    const region = fixRegions(f);
    return f.diagnostics.map((d): Sarif.Result => {
      const result: Sarif.Result = {
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code)!,
        level: d.severity,
        message: { text: d.hint === undefined ? d.message : `${d.message}\nhint: ${d.hint}` },
        locations: [{ physicalLocation: { artifactLocation, region: regionOf(d) } }],
      };
      if (d.fixes !== undefined && d.fixes.length > 0) {
        result.fixes = d.fixes.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [
            {
              artifactLocation,
              replacements: fix.edits.map((e) => ({ deletedRegion: regionOf(region(e.span)), insertedContent: { text: e.insert } })),
            },
          ],
        }));
      }
      return result;
    });
  });
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "dfsq", version: DFSQ_VERSION, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(results.cwd).href.replace(/\/?$/, "/")}` } },
        results: sarifResults,
      },
    ],
  };
}

export function sarifReport(results: CheckResults): string {
  return `${JSON.stringify(sarifLog(results), null, 2)}\n`;
}
