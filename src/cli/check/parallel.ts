import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { FileJob, FileOutcome, RunOptions } from "./check-file.js";
import type { WorkerInput } from "./worker.js";

/*
 * Checking in several threads, when asked (--jobs). Not by default: each thread loads the compiler,
 * zod and the catalogs again and warms them up on its own, which for 10,000 saved tasks costs about
 * 1.5 s of CPU more in all (measured: 2.4 s in one thread, 3.9 s in two). That pays only where
 * the cores are idle; on a shared machine two threads were slower than one.
 */

/** Threads are capped here: more would only add start-ups. */
const MAX_THREADS = 64;

/** How many threads to check `jobs` in, for `asked` (--jobs; default 1). */
export function threadsFor(jobs: readonly FileJob[], asked: number | undefined): number {
  return Math.max(1, Math.min(asked ?? 1, jobs.length, MAX_THREADS));
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Checks `jobs` in `threads` worker threads running `entry` (dist/check-worker.js), the files
 * shared out by size, largest first, each to the thread with the fewest bytes so far. Returns the
 * outcomes in the order of `jobs`. Rejects when a worker fails (a bug: the CLI reports it).
 */
export async function checkInThreads(jobs: readonly FileJob[], run: RunOptions, entry: URL, threads: number): Promise<FileOutcome[]> {
  const shares = Array.from({ length: threads }, () => ({ bytes: 0, indexes: [] as number[] }));
  const sized = jobs.map((job, index) => ({ index, bytes: sizeOf(job.path) })).toSorted((a, b) => b.bytes - a.bytes);
  for (const { index, bytes } of sized) {
    const share = shares.reduce((least, s) => (s.bytes < least.bytes ? s : least));
    share.bytes += bytes;
    share.indexes.push(index);
  }
  const outcomes: FileOutcome[] = Array.from({ length: jobs.length });
  await Promise.all(
    shares
      .filter((share) => share.indexes.length > 0)
      .map(async (share) => {
        const input: WorkerInput = { jobs: share.indexes.map((i) => jobs[i]!), run };
        const results = await runWorker(entry, input);
        share.indexes.forEach((jobIndex, i) => (outcomes[jobIndex] = results[i]!));
      }),
  );
  return outcomes;
}

function runWorker(entry: URL, input: WorkerInput): Promise<FileOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: input });
    let answered = false;
    worker.once("message", (outcomes: FileOutcome[]) => {
      answered = true;
      resolve(outcomes);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (!answered) reject(new Error(`dfsq check: a worker thread stopped (exit code ${code}) before it answered`));
    });
  });
}
