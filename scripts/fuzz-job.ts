/*
 * What the fuzz campaign's main thread and its workers share: the job they exchange, the
 * findings sent back, and how a job's inputs are made, so that either side can make them again
 * from the job alone (the main thread does, to show an input that killed a worker).
 */
import fc from "fast-check";
import { inspect } from "node:util";
import type { Target } from "./fuzz-targets.js";

export interface Job {
  /** Index into campaignTargets(). */
  readonly target: number;
  readonly seed: number;
  readonly count: number;
  /** Without fast-check's bias towards small values, every other job. */
  readonly unbiased: boolean;
  readonly slowMs: number;
}

export interface Finding {
  /** The input's index in its job. */
  readonly index: number;
  readonly message: string;
  readonly ms: number;
  /** The input, as util.inspect shows it (no getter is run, no proxy trap). */
  readonly repro: string;
}

export type FindingKind = "crash" | "wrong" | "slow";

export type WorkerMessage =
  | { readonly type: "finding"; readonly kind: FindingKind; readonly finding: Finding }
  | { readonly type: "done"; readonly inputs: number; readonly slowest: Finding | undefined };

/** The inputs of a job: the same ones every time for the same job. */
export function batchOf(target: Target<unknown>, job: Job): unknown[] {
  return fc.sample(target.input, { seed: job.seed, numRuns: job.count, unbiased: job.unbiased });
}

/** An input shown for a report: shortened, and safe for values whose getters or traps throw. */
export function render(input: unknown): string {
  try {
    return inspect(input, { depth: 6, maxArrayLength: 30, maxStringLength: 400, breakLength: Number.POSITIVE_INFINITY, showProxy: true, getters: false });
  } catch (e) {
    return `(cannot be shown: ${e instanceof Error ? e.message : "?"})`;
  }
}
