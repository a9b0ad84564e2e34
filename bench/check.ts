// `dfsq check` over 10,000 saved tasks, as a repository would hold them: many small files (one
// task, a .dfsq filter, a few tasks) and a few big ones (a saved request of 100 tasks, the most one
// POST takes, and JSON Lines files of 2,900), across three endpoints, one task in a hundred with a problem. The fixture is written
// into a temporary directory; each run is one `node dist/cli.js check` process, start-up included.
// Part of `npm run bench` (bench/run.ts); alone: npm run bench:check.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

const ENDPOINTS = [
  {
    id: "backlinks/referring_domains",
    filter: (i: number) => [["rank", ">", i % 500], "and", [["referring_domains", ">=", 10], "or", ["backlinks_spam_score", "<", 30]], "and", ["first_seen", ">", "2024-01-01 00:00:00 +00:00"]],
    dfsq: (i: number) => `rank > ${i % 500} and (referring_domains >= 10 or backlinks_spam_score < 30) and first_seen > 2024-01-01`,
    orderBy: ["rank,desc"],
  },
  {
    id: "backlinks/backlinks",
    filter: (i: number) => [["dofollow", "=", true], "and", ["page_from_rank", ">", i % 100], "and", ["url_from", "like", "%blog%"]],
    dfsq: (i: number) => `dofollow and page_from_rank > ${i % 100} and url_from like "%blog%"`,
    orderBy: ["page_from_rank,desc"],
  },
  {
    id: "dataforseo_labs/google/ranked_keywords",
    filter: (i: number) => [["keyword_data.keyword_info.search_volume", ">", 100 + i], "and", ["ranked_serp_element.serp_item.rank_group", "<=", 10]],
    dfsq: (i: number) => `keyword_data.keyword_info.search_volume > ${100 + i} and ranked_serp_element.serp_item.rank_group <= 10`,
    orderBy: ["keyword_data.keyword_info.search_volume,desc"],
  },
] as const;

type Endpoint = (typeof ENDPOINTS)[number];

/** The n-th task (for `e`, by default one of the three in turn); one in a hundred has an operator
 * the API does not have. */
function task(n: number, e: Endpoint = ENDPOINTS[n % ENDPOINTS.length]!): Record<string, unknown> {
  const filters = n % 100 === 99 ? [e.filter(n)[0], "and", ["rank", "~", 1]] : e.filter(n);
  return { target: `site-${n}.example.com`, limit: 100, filters, order_by: e.orderBy };
}

export interface CheckFixture {
  readonly dir: string;
  readonly tasks: number;
  readonly files: number;
  /** Tasks with a planted error. */
  readonly errors: number;
}

/** Writes the 10,000-task fixture into a new temporary directory. */
export function writeCheckFixture(): CheckFixture {
  const dir = mkdtempSync(join(tmpdir(), "dfsq-check-bench-"));
  let n = 0;
  let files = 0;
  let errors = 0;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    files++;
  };
  const next = (e?: Endpoint) => {
    const t = task(n, e);
    if (n % 100 === 99) errors++;
    n++;
    return t;
  };
  // 1,500 files of one task each, naming their endpoint.
  for (let i = 0; i < 1500; i++) {
    const endpoint = ENDPOINTS[n % ENDPOINTS.length]!.id;
    write(`tasks/${endpoint}/${i % 30}/task-${i}.json`, `${JSON.stringify({ endpoint, ...next() }, null, 2)}\n`);
  }
  // 500 .dfsq filters.
  for (let i = 0; i < 500; i++) {
    const e = ENDPOINTS[n % ENDPOINTS.length]!;
    write(`filters/${i % 20}/filter-${i}.dfsq`, `# endpoint: ${e.id}\n# saved filter ${i}\n${e.dfsq(n)}\n`);
    n++;
  }
  // 40 arrays of 50 tasks, their endpoint mapped by the config.
  write("dfsq.config.json", JSON.stringify({ endpoints: { "batches/**": "backlinks/referring_domains" } }));
  files--;
  for (let i = 0; i < 40; i++) {
    const tasks = Array.from({ length: 50 }, () => next(ENDPOINTS[0]));
    write(`batches/batch-${i}.json`, `${JSON.stringify(tasks, null, 2)}\n`);
  }
  // Two saved requests of 100 tasks (the most one POST takes) and two JSON Lines files of 2,900.
  for (let i = 0; i < 2; i++) {
    const tasks = Array.from({ length: 100 }, () => next(ENDPOINTS[i]));
    write(`big/request-${i}.json`, `${JSON.stringify({ endpoint: ENDPOINTS[i]!.id, tasks }, null, 2)}\n`);
  }
  for (let i = 0; i < 2; i++) {
    const lines = Array.from({ length: 2900 }, () => JSON.stringify({ endpoint: ENDPOINTS[2].id, ...next(ENDPOINTS[2]) }));
    write(`big/tasks-${i}.jsonl`, `${lines.join("\n")}\n`);
  }
  // What a walk must skip: ignored output and dependencies.
  writeFileSync(join(dir, ".gitignore"), "out/\n");
  for (let i = 0; i < 200; i++) {
    mkdirSync(join(dir, "out"), { recursive: true });
    writeFileSync(join(dir, "out", `task-${i}.json`), JSON.stringify(task(i)));
    mkdirSync(join(dir, "node_modules", "pkg"), { recursive: true });
    writeFileSync(join(dir, "node_modules", "pkg", `task-${i}.json`), JSON.stringify(task(i)));
  }
  return { dir, tasks: n, files, errors };
}

export interface CheckMeasurement {
  readonly tasks: number;
  readonly files: number;
  readonly runs: number;
  /** Wall time of the whole process, start-up included: the median, and each run. */
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  /** The process's own CPU time (user + system), the median: what the run costs when it has a core
   * to itself, which the wall time shows only on a quiet machine. */
  readonly medianCpuMs: number;
}

const median = (values: readonly number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Makes the child tell its CPU time (all its threads') on its last line of standard error. The
 * hook is loaded in its worker threads too: only the main thread tells. */
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  'import { isMainThread } from "node:worker_threads"; if (isMainThread) process.on("exit", () => { const u = process.cpuUsage(); process.stderr.write(`cpu ${(u.user + u.system) / 1000}\\n`); });',
)}`;

/**
 * Times `dfsq check` over the fixture, `runs` times. Throws when a run does not check every task or
 * reports other than the planted errors: a fast wrong answer is no measurement.
 */
export function measureCheck(runs = 7): CheckMeasurement {
  const fixture = writeCheckFixture();
  try {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ["--import", REPORT_CPU, join(root, "dist/cli.js"), "check", "--format", "json"], { cwd: fixture.dir, encoding: "utf8", maxBuffer: 1 << 28 });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      const said = /^cpu ([\d.]+)\n$/.exec(r.stderr);
      if (said === null) throw new Error(`dfsq check said more than its CPU time on standard error: ${r.stderr}`);
      cpu.push(Number(said[1]));
      const found = r.stdout === "" ? [] : (JSON.parse(r.stdout) as { code: string; severity: string }[]);
      const errors = found.filter((d) => d.severity === "error");
      if (r.status !== 1 || errors.length !== fixture.errors || errors.some((d) => d.code !== "invalid_filter")) {
        throw new Error(`dfsq check found ${errors.length} errors (status ${r.status}), expected ${fixture.errors}: ${r.stderr}`);
      }
    }
    const text = spawnSync(process.execPath, [join(root, "dist/cli.js"), "check"], { cwd: fixture.dir, encoding: "utf8", maxBuffer: 1 << 28 }).stdout;
    const expected = `(${fixture.tasks.toLocaleString("en-US")} tasks and filters in ${fixture.files.toLocaleString("en-US")} files checked)`;
    if (!text.includes(expected)) throw new Error(`dfsq check did not say ${expected}: ${text.slice(-300)}`);
    return { tasks: fixture.tasks, files: fixture.files, runs, medianMs: median(times), runsMs: times, medianCpuMs: median(cpu) };
  } finally {
    rmSync(fixture.dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--standalone")) {
  const m = measureCheck();
  console.log(
    `dfsq check of ${m.tasks.toLocaleString("en-US")} saved tasks in ${m.files.toLocaleString("en-US")} files: median ${m.medianMs.toFixed(0)} ms of ${m.runs} runs (${m.runsMs.map((ms) => ms.toFixed(0)).join(", ")} ms), CPU ${m.medianCpuMs.toFixed(0)} ms; budget 2000 ms`,
  );
}
