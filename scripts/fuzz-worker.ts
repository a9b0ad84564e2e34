/*
 * One worker thread of the fuzz campaign (scripts/fuzz.ts). It runs jobs, a batch of inputs for
 * one target each, and writes the index of the input it is on into shared memory before each,
 * so that when an input kills it (heap exhausted) or hangs it, the main thread knows which.
 * Findings are posted at once; the job's counts when it is done.
 */
import { parentPort, workerData } from "node:worker_threads";
import { campaignTargets, Crash, describeError } from "./fuzz-targets.js";
import { batchOf, render, type Finding, type Job, type WorkerMessage } from "./fuzz-job.js";

const port = parentPort!;
const targets = campaignTargets();
/** [index of the input being run, or -1 between inputs] */
const progress = new Int32Array(workerData.progress as SharedArrayBuffer);

function post(message: WorkerMessage): void {
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker port, not a window
  port.postMessage(message);
}

port.on("message", (job: Job) => {
  const target = targets[job.target]!;
  const inputs = batchOf(target, job);
  let slowest: Finding | undefined;
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index];
    Atomics.store(progress, 0, index);
    const start = performance.now();
    let wrong: string[] = [];
    let crash: string | undefined;
    try {
      wrong = target.run(input);
    } catch (e) {
      crash = e instanceof Crash ? e.message : `the fuzz target itself threw ${describeError(e)}`;
    }
    const ms = performance.now() - start;
    if (crash !== undefined) post({ type: "finding", kind: "crash", finding: { index, message: crash, ms, repro: render(input) } });
    if (wrong.length > 0) post({ type: "finding", kind: "wrong", finding: { index, message: wrong.slice(0, 3).join(" | "), ms, repro: render(input) } });
    if (ms > job.slowMs) post({ type: "finding", kind: "slow", finding: { index, message: `${ms.toFixed(0)} ms`, ms, repro: "" } });
    if (slowest === undefined || ms > slowest.ms) slowest = { index, message: `${ms.toFixed(0)} ms`, ms, repro: "" };
  }
  Atomics.store(progress, 0, -1);
  if (slowest !== undefined) slowest = { ...slowest, repro: render(inputs[slowest.index]) };
  post({ type: "done", inputs: inputs.length, slowest });
});
