import { parentPort, workerData } from "node:worker_threads";
import { checkFile, type FileJob, type FileOutcome, type RunOptions } from "./check-file.js";

/*
 * A worker thread of `dfsq check` (built as dist/check-worker.js): checks its share of the files
 * and posts back their outcomes, in order. The text of a file goes back only when there is
 * something to show in it.
 */

export interface WorkerInput {
  readonly jobs: readonly FileJob[];
  readonly run: RunOptions;
}

const { jobs, run } = workerData as WorkerInput;
const outcomes: FileOutcome[] = jobs.map((job) => {
  const outcome = checkFile(job, run);
  return outcome.report.diagnostics.length > 0 ? outcome : { source: "", report: outcome.report };
});
// A worker thread's port, not a window: there is no target origin.
// oxlint-disable-next-line unicorn/require-post-message-target-origin
parentPort!.postMessage(outcomes);
