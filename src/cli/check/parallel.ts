import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { FileJob, FileOutcome, RunOptions } from "./check-file.js";
import type { WorkerInput } from "./worker.js";

/*
 * Checking in several threads. The work is the tasks, and tasks are bytes: below PARALLEL_BYTES a
 * thread's start-up (loading the compiler, zod and the catalogs again, and warming them up) costs
 * more than it saves.
 */

/** Files of at least this many bytes in all are checked in several threads (about 1,000 tasks). */
export const PARALLEL_BYTES = 512 * 1024;

/** More threads than this gain little: each pays its own start-up and warm-up. */
const MAX_THREADS = 4;

/** How many threads to check `jobs` in: `asked` (from --jobs), else one per core (up to
 * MAX_THREADS) for PARALLEL_BYTES of files or more, else one. */
export function threadsFor(jobs: readonly FileJob[], asked: number | undefined): number {
  if (asked !== undefined) return Math.min(asked, jobs.length, 64);
  const cores = Math.min(availableParallelism(), MAX_THREADS);
  if (cores < 2 || jobs.length < 2) return 1;
  let bytes = 0;
  for (const job of jobs) {
    bytes += sizeOf(job.path);
    if (bytes >= PARALLEL_BYTES) return Math.min(cores, jobs.length);
  }
  return 1;
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
