import type { LocatedDiagnostic } from "./located.js";

/** One file with problems: its text (for the source lines of the text format) and its diagnostics. */
export interface FileResult {
  /** As shown: relative to the working directory, with `/`. */
  readonly file: string;
  readonly source: string;
  readonly diagnostics: readonly LocatedDiagnostic[];
}

/** What a `dfsq check` run found. */
export interface CheckResults {
  /** The files with diagnostics, in path order. */
  readonly files: readonly FileResult[];
  /** Files read as tasks or filters (files a walk found but dfsq does not recognise are not). */
  readonly filesChecked: number;
  /** Tasks and saved filters checked. */
  readonly items: number;
  readonly errors: number;
  readonly warnings: number;
  /** The working directory, which `file` is relative to (SARIF names it as the source root). */
  readonly cwd: string;
}
