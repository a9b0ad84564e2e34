/*
 * The fuzz campaign, on demand: `npm run fuzz -- --budget 600 --seed 7`. Runs every target of
 * fuzz-targets.ts in turn (each gets an equal share of the time), in a worker thread with a
 * bounded heap and a watchdog, so that an input that exhausts memory or hangs is recorded as a
 * crash and the campaign goes on. Prints a table per target (inputs, crashes, slow calls, wrong
 * results, the slowest call) and writes the findings, with the inputs that caused them, to the
 * output directory. It reports; it does not fail: exit code 0 whatever it finds.
 *
 * Options: --budget <seconds> (default 60), --seed <n> (default: from the clock), --slow <ms>
 * (a call slower than this is reported, default 100), --hang <ms> (a call this long is stopped,
 * default 20000), --batch <n> (inputs per job, default 25), --only <text> (targets whose name
 * contains it), --out <dir> (default fuzz-results), --heap <MB> (a worker's heap, default 1024).
 * --replay <target>:<seed>:<count>:<unbiased>:<index> runs one input of a report again, in this
 * process, and prints what it found and the stack of what it threw.
 */
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { batchOf, render, type Finding, type FindingKind, type Job, type WorkerMessage } from "./fuzz-job.js";
import { campaignTargets, Crash } from "./fuzz-targets.js";

const { values: args } = parseArgs({
  options: {
    budget: { type: "string", default: "60" },
    seed: { type: "string" },
    slow: { type: "string", default: "100" },
    hang: { type: "string", default: "20000" },
    batch: { type: "string", default: "25" },
    only: { type: "string" },
    out: { type: "string", default: "fuzz-results" },
    heap: { type: "string", default: "1024" },
    replay: { type: "string" },
  },
});

const budgetMs = Number(args.budget) * 1000;
const baseSeed = args.seed === undefined ? Date.now() % 2 ** 31 : Number(args.seed);
const slowMs = Number(args.slow);
const hangMs = Number(args.hang);
const batch = Math.max(1, Number(args.batch));
const heapMb = Number(args.heap);
const outDir = resolve(args.out);
for (const [name, value] of Object.entries({ budgetMs, baseSeed, slowMs, hangMs, batch, heapMb })) {
  if (!Number.isFinite(value) || value < 0) {
    console.error(`fuzz: --${name.replace(/Ms|Mb/, "")} must be a non-negative number`);
    process.exit(2);
  }
}

const all = campaignTargets();

if (args.replay !== undefined) {
  const [target, seed, count, unbiased, index] = args.replay.split(":");
  const job: Job = { target: Number(target), seed: Number(seed), count: Number(count), unbiased: unbiased === "true", slowMs: 0 };
  const input = batchOf(all[job.target]!, job)[Number(index)];
  console.log(`${all[job.target]!.name}\n${render(input)}\n`);
  const start = performance.now();
  try {
    console.log(all[job.target]!.run(input));
  } catch (e) {
    console.log(e instanceof Crash ? e.error : e);
  }
  console.log(`${(performance.now() - start).toFixed(1)} ms`);
  process.exit(0);
}
const chosen = all.map((t, i) => ({ target: t, index: i })).filter(({ target }) => args.only === undefined || target.name.includes(args.only));
if (chosen.length === 0) {
  console.error(`fuzz: no target's name contains ${JSON.stringify(args.only)}; the targets are:\n${all.map((t) => `  ${t.name}`).join("\n")}`);
  process.exit(2);
}

interface Stats {
  readonly name: string;
  inputs: number;
  timeMs: number;
  crashes: number;
  slow: number;
  wrong: number;
  slowest: (Finding & { readonly job: Job }) | undefined;
  /** The first findings of each kind of message, with their jobs, for the report. */
  readonly findings: { kind: FindingKind; job: Job; finding: Finding }[];
  readonly seen: Map<string, number>;
}

const stats: Stats[] = chosen.map(({ target }) => ({ name: target.name, inputs: 0, timeMs: 0, crashes: 0, slow: 0, wrong: 0, slowest: undefined, findings: [], seen: new Map() }));

/** Findings kept per distinct message, per target: enough to reproduce, not a flood. */
const KEEP_PER_MESSAGE = 3;

/** Groups messages that differ only in the values they quote (JSON, code, numbers). */
const messageKey = (kind: FindingKind, message: string) =>
  `${kind}: ${message
    .split(" | ")[0]!
    .replace(/"(?:[^"\\]|\\.)*"|`[^`]*`|\{.*\}|\[.*\]/g, "…")
    .replace(/ in …$| on …$|: …$/, "")
    .replace(/\d+(\.\d+)?/g, "#")
    .slice(0, 110)}`;

function record(s: Stats, kind: FindingKind, job: Job, finding: Finding): void {
  if (kind === "crash") s.crashes++;
  else if (kind === "wrong") s.wrong++;
  else s.slow++;
  if (kind === "slow") return;
  const key = messageKey(kind, finding.message);
  const n = s.seen.get(key) ?? 0;
  s.seen.set(key, n + 1);
  if (n < KEEP_PER_MESSAGE) s.findings.push({ kind, job, finding });
}

function noteSlowest(s: Stats, job: Job, finding: Finding): void {
  if (s.slowest === undefined || finding.ms > s.slowest.ms) s.slowest = { ...finding, job };
}

/** The worker, bundled once: Node 20 cannot load TypeScript, and a bundle loads in one read. */
async function bundleWorker(): Promise<{ file: string; dispose: () => void }> {
  const cache = resolve(fileURLToPath(new URL("../node_modules/.cache", import.meta.url)));
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, "fuzz-"));
  const file = join(dir, "worker.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("./fuzz-worker.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: file,
    packages: "external",
    logLevel: "warning",
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Runner {
  worker: Worker;
  progress: Int32Array;
}

function startWorker(file: string): Runner {
  const shared = new SharedArrayBuffer(4);
  const worker = new Worker(pathToFileURL(file), {
    workerData: { progress: shared },
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  return { worker, progress: new Int32Array(shared) };
}

type JobEnd = { readonly kind: "done"; readonly inputs: number } | { readonly kind: "died"; readonly at: number; readonly why: string };

/** Runs one job; resolves when the worker is done with it, or has died or hung on an input. */
function runJob(runner: Runner, job: Job, s: Stats): Promise<JobEnd> {
  return new Promise((done) => {
    let finished = false;
    let lastIndex = -2;
    let since = performance.now();
    const finish = (end: JobEnd) => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      runner.worker.off("message", onMessage);
      runner.worker.off("error", onError);
      runner.worker.off("exit", onExit);
      done(end);
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.type === "finding") {
        record(s, message.kind, job, message.finding);
        if (message.kind !== "slow") noteSlowest(s, job, { ...message.finding });
        return;
      }
      if (message.slowest !== undefined) noteSlowest(s, job, message.slowest);
      finish({ kind: "done", inputs: message.inputs });
    };
    const at = () => Atomics.load(runner.progress, 0);
    const onError = (error: Error) => finish({ kind: "died", at: at(), why: `${error.name}: ${error.message}`.slice(0, 200) });
    const onExit = (code: number) => finish({ kind: "died", at: at(), why: `the worker exited with code ${code}` });
    const watchdog = setInterval(() => {
      const index = at();
      if (index !== lastIndex) {
        lastIndex = index;
        since = performance.now();
      } else if (index >= 0 && performance.now() - since > hangMs) {
        finish({ kind: "died", at: index, why: `no answer after ${hangMs} ms (stopped)` });
        void runner.worker.terminate();
      }
    }, 100);
    runner.worker.on("message", onMessage);
    runner.worker.on("error", onError);
    runner.worker.on("exit", onExit);
    Atomics.store(runner.progress, 0, -1);
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker, not a window
    runner.worker.postMessage(job);
  });
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function reproduce(job: Job, index: number): string {
  return `replay: npm run fuzz -- --replay ${job.target}:${job.seed}:${job.count}:${job.unbiased}:${index}`;
}

async function main(): Promise<void> {
  const { file, dispose } = await bundleWorker();
  let runner = startWorker(file);
  const started = performance.now();
  let jobs = 0;
  try {
    while (performance.now() - started < budgetMs) {
      // The target that has had the least time goes next, so each gets an equal share.
      const next = stats.reduce((best, s, i) => (s.timeMs < stats[best]!.timeMs ? i : best), 0);
      const s = stats[next]!;
      const job: Job = { target: chosen[next]!.index, seed: (baseSeed + jobs * 7919) % 2 ** 31, count: batch, unbiased: jobs % 2 === 1, slowMs };
      jobs++;
      const jobStart = performance.now();
      const end = await runJob(runner, job, s);
      const ms = performance.now() - jobStart;
      s.timeMs += ms;
      if (end.kind === "done") {
        s.inputs += end.inputs;
        continue;
      }
      // The worker died on input `end.at`: count what it ran, show that input, start afresh.
      const index = Math.max(0, end.at);
      s.inputs += index + 1;
      let repro: string;
      try {
        repro = render(batchOf(all[job.target]!, job)[index]);
      } catch (e) {
        repro = `(the input could not be made again: ${e instanceof Error ? e.message : "?"})`;
      }
      const finding: Finding = { index, message: end.why, ms, repro };
      record(s, "crash", job, finding);
      noteSlowest(s, job, finding);
      await runner.worker.terminate();
      runner = startWorker(file);
    }
  } finally {
    await runner.worker.terminate();
    dispose();
  }
  report(performance.now() - started, jobs);
}

function report(elapsedMs: number, jobs: number): void {
  mkdirSync(outDir, { recursive: true });
  const rows = stats.map((s) => `| ${s.name} | ${s.inputs} | ${s.crashes} | ${s.slow} | ${s.wrong} | ${s.slowest === undefined ? "–" : s.slowest.ms.toFixed(0)} |`);
  const total = stats.reduce((n, s) => n + s.inputs, 0);
  const table = [
    `fuzz campaign: seed ${baseSeed}, ${(elapsedMs / 1000).toFixed(0)} s, ${jobs} jobs, ${total} inputs; slow = over ${slowMs} ms`,
    "",
    "| entry point | inputs | crashes | slow | wrong | slowest (ms) |",
    "|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
  const details: string[] = [];
  for (const s of stats) {
    const file = join(outDir, `${slug(s.name)}.txt`);
    const lines = [`# ${s.name}`, ""];
    for (const [key, n] of s.seen) lines.push(`${n} × ${key}`);
    for (const { kind, job, finding } of s.findings) {
      lines.push("", `## ${kind}: ${finding.message}`, reproduce(job, finding.index), finding.repro);
    }
    writeFileSync(file, `${lines.join("\n")}\n`);
    if (s.slowest !== undefined) {
      writeFileSync(join(outDir, `${slug(s.name)}.slowest.txt`), `${s.slowest.ms.toFixed(1)} ms\n${reproduce(s.slowest.job, s.slowest.index)}\n${s.slowest.repro}\n`);
    }
    const kinds = [...s.seen].slice(0, 8).map(([key, n]) => `    ${n} × ${key}`);
    if (kinds.length > 0) details.push(`  ${s.name}:`, ...kinds);
  }
  writeFileSync(join(outDir, "summary.md"), `${table}\n`);
  console.log(table);
  if (details.length > 0) console.log(`\nwhat was found (inputs and details in ${outDir}):\n${details.join("\n")}`);
}

await main();
