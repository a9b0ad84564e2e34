import { analyze, type Analysis, type AssistOptions } from "../assist/index.js";
import type { FilterParam } from "../catalog/endpoints.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { code } from "../diagnostics/wording.js";
import { dfsqFileOptions, placeOptionDiagnostics, readDfsqFile, type DfsqFile } from "../task/dfsq-file.js";
import type { DfsqSettings } from "./settings.js";

/** One version of one open document, read and analysed once for every request about it. */
export interface DocumentAnalysis {
  readonly file: DfsqFile;
  /** What `analyze`, `complete` and `hover` are given: the header's options over the settings. */
  readonly options: AssistOptions;
  readonly analysis: Analysis;
  /** Every problem to show, in file coordinates: the header's, then the analysis's. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The assist options of a file: its header's endpoint and param over the workspace settings. */
export function optionsOf(file: DfsqFile, settings: DfsqSettings): AssistOptions {
  const header = dfsqFileOptions(file);
  const mode = file.param === undefined && settings.param === "order_by" ? "orderBy" : header.mode;
  // An order-by has no filter parameter: a default one from the settings would only be checked
  // against the endpoint for nothing.
  const param = mode === "orderBy" ? undefined : (header.param ?? (settings.param === "order_by" ? undefined : (settings.param as FilterParam | undefined)));
  const endpoint = header.endpoint ?? settings.endpoint;
  return {
    mode,
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(param === undefined ? {} : { param }),
    ...(settings.now === undefined ? {} : { now: settings.now }),
  };
}

/**
 * A diagnostic about an option the settings gave (the header gave none): it concerns no text, so it
 * is shown at the start of the file, saying which setting it is about.
 */
function fromSettings(expression: string, d: Diagnostic): Diagnostic {
  if (d.option === undefined) return d;
  return makeDiagnostic(expression, d.code, { start: 0, end: 0 }, `${code(`dfsq.${d.option}`)} setting: ${d.message}`, {
    severity: d.severity,
    hint: d.hint,
    suggestions: d.suggestions,
  });
}

export function analyzeDocument(text: string, settings: DfsqSettings): DocumentAnalysis {
  const file = readDfsqFile(text);
  const options = optionsOf(file, settings);
  const analysis = analyze(file.expression, options);
  const placed = placeOptionDiagnostics(file, analysis.diagnostics).map((d) => fromSettings(file.expression, d));
  return { file, options, analysis, diagnostics: [...file.diagnostics, ...placed] };
}
