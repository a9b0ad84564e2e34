import * as messages from "../../diagnostics/messages.js";
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { makeDiagnostic } from "../../diagnostics/diagnostic.js";
import type { TaskLimits } from "../../task/check-task.js";
import { checkDfsqFile } from "./check-dfsq.js";
import { checkJsonFile, checkJsonLinesFile } from "./check-json.js";
import { LineIndex } from "./lines.js";
import { locate, type FileReport } from "./located.js";

/** One file to check, with everything the command line and the config decided about it. */
export interface FileJob {
  /** Absolute. */
  readonly path: string;
  /** Named on the command line: read whatever it holds. */
  readonly explicit: boolean;
  /** The endpoint of the tasks that name none (the config's mapping, else `--endpoint`). */
  readonly endpoint: string | undefined;
}

/** What holds for every file of a run. Plain data: it is sent to worker threads as it is. */
export interface RunOptions {
  readonly limits: TaskLimits;
  readonly now: string | undefined;
}

export interface FileOutcome {
  /** The file's text (empty when it could not be read). */
  readonly source: string;
  readonly report: FileReport;
}

/** Reads and checks one file, by its kind. Never throws: a file it cannot read is a diagnostic. */
export function checkFile(job: FileJob, run: RunOptions): FileOutcome {
  let source: string;
  try {
    source = readFileSync(job.path, "utf8");
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    const diagnostic = makeDiagnostic("", "unreadable_file", { start: 0, end: 0 }, messages.unreadableFile(why));
    return { source: "", report: { items: 1, diagnostics: [locate(diagnostic, diagnostic.span, new LineIndex(""))] } };
  }
  const options = { ...run.limits, ...(run.now === undefined ? {} : { now: run.now }), endpoint: job.endpoint };
  switch (extname(job.path).toLowerCase()) {
    case ".dfsq":
      return { source, report: checkDfsqFile(source, options) };
    case ".jsonl":
      return { source, report: checkJsonLinesFile(source, { ...options, explicit: job.explicit }) };
    default:
      return { source, report: checkJsonFile(source, { ...options, explicit: job.explicit }) };
  }
}
