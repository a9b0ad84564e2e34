// Hostile raw values and inputs: what they cost now that the caps apply while walking (issue 12).
// Each figure is the median of repeated calls, in milliseconds; before the caps applied while
// walking, the first three took 0.5 s, 0.55 s and 1.1 s, a cyclic value exhausted the heap in
// print/eval/client, and 8,192 stray characters made 8,193 diagnostics in 0.2–0.4 s.
// Run alone: node scripts/build.mjs --js-only && node scripts/tsrun.mjs bench/hostile.ts
import * as dfsq from "../dist/index.js";
import type * as Eval from "../dist/eval/index.js";
import type * as Validate from "../dist/validate/index.js";

// The built entries, whose declarations live apart from their bundles (dist/eval.js,
// dist/eval/index.d.ts); located from this file, wherever scripts/tsrun.mjs bundles it to.
const { compileMatcher } = (await import(new URL("../dist/eval.js", import.meta.url).href)) as typeof Eval;
const { validateFilter, validateOrderBy } = (await import(new URL("../dist/validate.js", import.meta.url).href)) as typeof Validate;

export interface HostileRow {
  readonly name: string;
  readonly medianMs: number;
}

function flat(n: number): unknown[] {
  const out: unknown[] = [["f0", "=", 0]];
  for (let i = 1; i < n; i++) out.push("and", [`f${i}`, "=", i]);
  return out;
}

function leftNested(n: number): unknown {
  let x: unknown = ["f0", "=", 0];
  for (let i = 1; i < n; i++) x = [x, "and", [`f${i}`, "=", i]];
  return x;
}

function cyclic(): unknown {
  const a: unknown[] = [];
  a.push(a, "and", a);
  return a;
}

/** Median of `runs` timed calls after a few untimed ones; a throw (DfsqError) is an answer too. */
function medianMs(fn: () => unknown, runs = 21): number {
  const call = () => {
    try {
      fn();
    } catch {
      // The refusal is the answer being timed.
    }
  };
  for (let i = 0; i < 3; i++) call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    call();
    times.push(performance.now() - start);
  }
  return times.toSorted((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export function hostile(): HostileRow[] {
  const list = ["f", "in", Array.from({ length: 1_000_000 }, (_, i) => i)];
  const conditions = flat(100_000);
  const nested = leftNested(100_000);
  const rules = Array.from({ length: 100_000 }, (_, i) => `f${i},asc`);
  const hashes = "# ".repeat(8192);
  const hashDiagnostics = dfsq.checkFilter(hashes).diagnostics;
  const cases: [string, () => unknown][] = [
    ["validateFilter, an `in` list of 10^6 values", () => validateFilter(list)],
    ["validateFilter, 10^5 conditions in one flat group", () => validateFilter(conditions)],
    ["validateFilter, 10^5 left-nested conditions", () => validateFilter(nested)],
    ["validateOrderBy, 10^5 rules", () => validateOrderBy(rules)],
    ["printFilter, 10^5 left-nested conditions", () => dfsq.printFilter(nested)],
    ["printFilter, a cyclic group", () => dfsq.printFilter(cyclic())],
    ["compileMatcher, a cyclic group", () => compileMatcher(cyclic())],
    ['checkFilter, "# " × 8192 (101 diagnostics)', () => dfsq.checkFilter(hashes)],
    ['analyze, "# " × 8192', () => dfsq.analyze(hashes)],
    ['hover, "# " × 8192', () => dfsq.hover(hashes, 4)],
    ['formatDiagnostics, "# " × 8192', () => dfsq.formatDiagnostics(hashes, hashDiagnostics)],
    // Linear in the input: four times the input, about four times the time.
    ...([1000, 4000] as const).flatMap((n): [string, () => unknown][] => [
      [`checkFilter, a chain of ${n} betweens`, () => dfsq.checkFilter("f between 1 and 2 between 3 and 4 ".repeat(n), { maxInputLength: Infinity })],
      [`checkOrderBy, one field ${n} times`, () => dfsq.checkOrderBy(`${"rank, ".repeat(n)}rank`, { maxSortRules: Infinity, maxInputLength: Infinity })],
    ]),
  ];
  return cases.map(([name, fn]) => ({ name, medianMs: medianMs(fn) }));
}

export function hostileTable(rows: readonly HostileRow[]): string {
  return `### Hostile input (caps applied while walking)\n\n| | median |\n|---|---|\n${rows.map((r) => `| ${r.name} | ${r.medianMs.toFixed(2)} ms |`).join("\n")}\n`;
}

// scripts/tsrun.mjs gives every bundled module the entry's import.meta.url: the entry's name says
// whether this file was run alone.
if (process.argv[1]?.endsWith("hostile.ts") === true) {
  console.log(hostileTable(hostile()));
}
