// The benchmark: dfsq against the floor (JSON.parse of its own output) and the peers, in one
// process and one run, plus cold start, bundle size, scaling and (later) editor latency. Prints a
// table and writes bench/results.json. Run: npm run bench. Medians and ratios only: the machines
// are noisy, so absolute numbers mean little and nothing here is asserted in tests.
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { withNativeLodash, withoutChevrotainLexer } from "../scripts/esbuild-plugins.mjs";
import jsep from "jsep";
import { parse as liqeParse } from "liqe";
import { compileExpression } from "filtrex";
import { measure } from "mitata";
import * as dfsq from "../dist/index.js";
import { chainOf, DEEP, EDITOR_300, EIGHT, ENDPOINT, ORDER_BY, README_EXAMPLE, SHORT } from "./corpus.js";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Row {
  readonly name: string;
  readonly medianNs: number;
  readonly ratio?: number;
  readonly note?: string;
}

/**
 * Median time of one call, after warming the function up (JIT tiers, inline caches): the best
 * median of three measurements, so that a stray GC or a noisy neighbour does not decide the
 * ratio. Every contender is measured the same way.
 */
async function median(fn: () => unknown): Promise<number> {
  for (let i = 0; i < 5000; i++) fn();
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const stats = await measure(fn, { min_cpu_time: 200 * 1e6 });
    best = Math.min(best, stats.p50);
  }
  return best;
}

function fmt(ns: number): string {
  return ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`;
}

async function throughput(): Promise<Row[]> {
  const typed = { endpoint: ENDPOINT };
  const rows: Row[] = [];
  for (const [name, fn] of [
    ["compile short (untyped)", () => dfsq.compileFilter(SHORT)],
    ["compile README example (untyped)", () => dfsq.compileFilter(README_EXAMPLE)],
    ["compile 8 conditions (untyped)", () => dfsq.compileFilter(EIGHT.dfsq)],
    ["compile 8 conditions (typed)", () => dfsq.compileFilter(EIGHT.dfsq, typed)],
    ["compile README example (typed)", () => dfsq.compileFilter(README_EXAMPLE, typed)],
    ["compile order-by (untyped)", () => dfsq.compileOrderBy(ORDER_BY)],
    ["compile order-by (typed)", () => dfsq.compileOrderBy(ORDER_BY, typed)],
  ] as const) {
    rows.push({ name, medianNs: await median(fn) });
  }
  return rows;
}

interface PeerBudget {
  readonly untypedOverFloor: number;
  readonly untypedOverJsep: number;
  readonly typedOverUntyped: number;
}

async function peers(): Promise<{ rows: Row[]; budget: PeerBudget }> {
  const output = JSON.stringify(dfsq.compileFilter(EIGHT.dfsq));
  const untyped = await median(() => dfsq.compileFilter(EIGHT.dfsq));
  const typed = await median(() => dfsq.compileFilter(EIGHT.dfsq, { endpoint: ENDPOINT }));
  const floor = await median(() => JSON.parse(output));
  const jsepNs = await median(() => jsep(EIGHT.jsep));
  const liqeNs = await median(() => liqeParse(EIGHT.liqe));
  const filtrexNs = await median(() => compileExpression(EIGHT.filtrex));
  const rows: Row[] = [
    { name: "dfsq compile, 8 conditions", medianNs: untyped, ratio: 1 },
    { name: "JSON.parse of dfsq's output (the floor)", medianNs: floor, ratio: floor / untyped },
    { name: "jsep parse", medianNs: jsepNs, ratio: jsepNs / untyped },
    { name: "liqe parse", medianNs: liqeNs, ratio: liqeNs / untyped },
    { name: "filtrex compile", medianNs: filtrexNs, ratio: filtrexNs / untyped },
  ];
  return {
    rows,
    budget: {
      untypedOverFloor: untyped / floor,
      untypedOverJsep: untyped / jsepNs,
      typedOverUntyped: typed / untyped,
    },
  };
}

function medianOf(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function wallMs(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return medianOf(times);
}

interface ColdStart {
  readonly bareNodeMs: number;
  readonly importAndFirstCompileMs: number;
  readonly overBareMs: number;
  readonly cliCompileMs: number;
}

function coldStart(): ColdStart {
  const runs = 21;
  const bare = wallMs(["-e", "0"], runs);
  const importAndCompile = wallMs(
    ["--input-type=module", "-e", `import { compileFilter } from "dfsq"; compileFilter(${JSON.stringify(README_EXAMPLE)});`],
    runs,
  );
  const cli = wallMs(["dist/cli.js", "compile", README_EXAMPLE], runs);
  return { bareNodeMs: bare, importAndFirstCompileMs: importAndCompile, overBareMs: importAndCompile - bare, cliCompileMs: cli };
}

async function bundleSize(entry: string, contents: string): Promise<{ minified: number; gzipped: number }> {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    mainFields: ["module", "browser", "main"],
    write: false,
    logLevel: "silent",
    metafile: false,
    plugins: [withoutChevrotainLexer, withNativeLodash],
  });
  const code = out.outputFiles[0]!.contents;
  void entry;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

async function sizes(): Promise<Record<string, { minified: number; gzipped: number }>> {
  return {
    core: await bundleSize(
      "core",
      'export { compileFilter, compileOrderBy, checkFilter, checkOrderBy, printFilter, printOrderBy } from "./src/index.ts";',
    ),
  };
}

async function scaling(): Promise<{ rows: Row[]; flatness: number; deepMs: number; deepCodes: string[] }> {
  const rows: Row[] = [];
  const options = { maxConditions: Infinity, maxInputLength: Infinity, chains: "flat" as const };
  for (const n of [10, 100, 1000, 10_000]) {
    const source = chainOf(n);
    const ns = await median(() => dfsq.compileFilter(source, options));
    rows.push({ name: `${n} conditions, per condition`, medianNs: ns / n });
  }
  const perCondition = rows.map((r) => r.medianNs);
  const deep = dfsq.checkFilter(DEEP, { maxInputLength: Infinity });
  const deepNs = await median(() => dfsq.checkFilter(DEEP, { maxInputLength: Infinity }));
  return {
    rows,
    flatness: Math.max(...perCondition) / Math.min(...perCondition),
    deepMs: deepNs / 1e6,
    deepCodes: deep.diagnostics.map((d) => d.code),
  };
}

function table(title: string, rows: Row[]): string {
  const lines = rows.map((r) => `| ${r.name} | ${fmt(r.medianNs)} |${r.ratio === undefined ? "" : ` ${r.ratio.toFixed(2)} |`}`);
  const header = rows.some((r) => r.ratio !== undefined) ? "| | median | ratio to dfsq |\n|---|---|---|" : "| | median |\n|---|---|";
  return `### ${title}\n\n${header}\n${lines.join("\n")}\n`;
}

const machine = {
  node: process.version,
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  date: new Date().toISOString(),
  commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim(),
};

async function editor(): Promise<Row[]> {
  const options = { endpoint: ENDPOINT, now: 0 };
  return [
    { name: `complete at the end of ${EDITOR_300.length} characters`, medianNs: await median(() => dfsq.complete(EDITOR_300, EDITOR_300.length, options)) },
    { name: `complete in the middle of ${EDITOR_300.length} characters`, medianNs: await median(() => dfsq.complete(EDITOR_300, 150, options)) },
    { name: `analyze ${EDITOR_300.length} characters`, medianNs: await median(() => dfsq.analyze(EDITOR_300, options)) },
    { name: "hover on a field", medianNs: await median(() => dfsq.hover(EDITOR_300, 3, options)) },
  ];
}

const results = {
  machine,
  throughput: await throughput(),
  peers: await peers(),
  coldStart: coldStart(),
  size: await sizes(),
  scaling: await scaling(),
  editor: await editor(),
};

const budget: Record<string, readonly [number, number]> = {
  "untyped compile ≤ 5 × JSON.parse": [results.peers.budget.untypedOverFloor, 5],
  "untyped compile faster than jsep (ratio < 1)": [results.peers.budget.untypedOverJsep, 1],
  "typed ≤ 1.5 × untyped": [results.peers.budget.typedOverUntyped, 1.5],
  "import + first compile ≤ 60 ms over bare node": [results.coldStart.overBareMs, 60],
  "core bundle ≤ 60 KB gzipped": [results.size.core!.gzipped / 1024, 60],
  "time per condition flat within 2× (10 → 10,000)": [results.scaling.flatness, 2],
  "complete on 300 characters, median ≤ 1 ms": [results.editor[0]!.medianNs / 1e6, 1],
};

const report = [
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; commit ${machine.commit}`,
  "",
  table("Compile throughput", results.throughput),
  table("Against the floor and the peers (8 conditions)", results.peers.rows),
  `### Cold start (median of 21)\n\n| | ms |\n|---|---|\n| bare \`node -e 0\` | ${results.coldStart.bareNodeMs.toFixed(1)} |\n| import dfsq + first compile | ${results.coldStart.importAndFirstCompileMs.toFixed(1)} |\n| difference | ${results.coldStart.overBareMs.toFixed(1)} |\n| \`dfsq compile\` (CLI) | ${results.coldStart.cliCompileMs.toFixed(1)} |\n`,
  `### Size\n\n| bundle | minified | gzipped |\n|---|---|---|\n${Object.entries(results.size)
    .map(([k, v]) => `| ${k} | ${(v.minified / 1024).toFixed(1)} KB | ${(v.gzipped / 1024).toFixed(1)} KB |`)
    .join("\n")}\n`,
  table("Scaling (flat chains, limits raised)", results.scaling.rows),
  `10,000 nested groups: ${results.scaling.deepMs.toFixed(2)} ms, diagnostics ${results.scaling.deepCodes.join(", ")}\n`,
  table("Editor latency", results.editor),
  "### Budget\n\n| target | measured | limit | |\n|---|---|---|---|\n" +
    Object.entries(budget)
      .map(([name, [value, limit]]) => `| ${name} | ${value.toFixed(2)} | ${limit} | ${value <= limit ? "ok" : "OVER"} |`)
      .join("\n"),
].join("\n");

writeFileSync(new URL("results.json", import.meta.url), `${JSON.stringify({ ...results, budget }, null, 2)}\n`);
console.log(report);
