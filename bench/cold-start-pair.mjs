// Cold start of two builds of dfsq, paired: `import { compileFilter } from "dfsq"` and one compile
// in fresh processes, each checkout's run beside the other's and beside a bare `node -e 0`, 41
// rounds, medians of the differences. For comparing a change with the commit before it, where
// the bench's own cold start (bench/run.ts) moves with the machine between runs:
//   git worktree add /tmp/old <commit> && ln -s "$PWD/node_modules" /tmp/old/node_modules
//   (cd /tmp/old && node scripts/build.mjs --js-only) && node scripts/build.mjs --js-only
//   node bench/cold-start-pair.mjs /tmp/old .
import { spawnSync } from "node:child_process";

const dirs = process.argv.slice(2);
const ROUNDS = Number(process.env.ROUNDS ?? 41);
const code = `import { compileFilter } from "dfsq"; compileFilter('referring_domains > 10 and (domain like "%seo%" or rank > 200)');`;
const times = Object.fromEntries([...dirs, "bare"].map((d) => [d, []]));
for (let i = 0; i < ROUNDS; i++) {
  for (const dir of [...dirs, "bare"]) {
    const start = process.hrtime.bigint();
    const r = dir === "bare" ? spawnSync(process.execPath, ["-e", "0"]) : spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: dir });
    if (r.status !== 0) throw new Error(String(r.stderr));
    times[dir].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const median = (xs) => xs.toSorted((a, b) => a - b)[xs.length >> 1];
for (const dir of dirs) {
  console.log(`${dir}: ${median(times[dir]).toFixed(1)} ms, over bare Node ${median(times[dir].map((ms, i) => ms - times.bare[i])).toFixed(1)} ms`);
}
