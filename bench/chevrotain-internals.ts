// What each Chevrotain internal of src/syntax/chevrotain-internals.ts buys, measured: the parser
// bundled as dist/ bundles it, once as shipped and once without each internal, each run in fresh
// processes (interleaved, so that the machine's drift weighs on all alike). Cold start is the
// wall time of import + one parse; steady is a parse of the README example once warm; size is the
// gzipped browser bundle of `compileFilter`. `node scripts/tsrun.mjs bench/chevrotain-internals.ts`.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { withNativeLodash, withoutChevrotainLexer, withoutUnusedChevrotain } from "../scripts/esbuild-plugins.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const src = (path: string) => JSON.stringify(join(root, "src", path));
const EXAMPLE = 'referring_domains > 10 and (domain like "%seo%" or rank > 200)';

/** How each variant makes its parser (the entry's imports are in scope). */
const VARIANTS = {
  "as shipped": "new DfsqParser()",
  "1: rules recorded, not rebuilt": "new DfsqParser({ recording: { ...recordedGrammar(), rules: {} } })",
  "lookahead decisions worked out, not read from the file": "new DfsqParser({ lookahead: new Ll1Lookahead(tokenTypesByName(), {}) })",
  "Chevrotain's LLk lookahead instead of ll1-lookahead.ts": "new DfsqParser({ lookahead: new LLkLookaheadStrategy({ maxLookahead: 1 }) })",
} as const;

function entry(make: string): string {
  return `
import { LLkLookaheadStrategy } from "chevrotain";
import { DfsqParser } from ${src("syntax/parser.ts")};
import { Ll1Lookahead } from ${src("syntax/ll1-lookahead.ts")};
import { recordedGrammar } from ${src("syntax/grammar.generated.ts")};
import { tokenTypesByName } from ${src("syntax/tokens.ts")};
import { scan } from ${src("syntax/lexer.ts")};
const t0 = performance.now();
const parser = ${make};
const parse = () => { parser.input = scan(${JSON.stringify(EXAMPLE)}).tokens; const ast = parser.filter(); parser.input = []; return ast; };
parse();
if (process.argv[2] === "startup") console.log(performance.now() - t0);
if (process.argv[2] === "steady") {
  for (let i = 0; i < 20000; i++) parse();
  const t = performance.now();
  for (let i = 0; i < 50000; i++) parse();
  console.log(((performance.now() - t) * 1000) / 50000);
}
`;
}

const dir = mkdtempSync(join(tmpdir(), "dfsq-internals-"));

async function bundle(name: string, contents: string, plugins: Plugin[]): Promise<string> {
  const file = join(dir, `${name.replace(/\W+/g, "-")}.mjs`);
  await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    outfile: file,
    logLevel: "silent",
    plugins,
  });
  return file;
}

async function gzippedKb(plugins: Plugin[]): Promise<number> {
  const out = await build({
    stdin: { contents: `export { compileFilter } from ${src("index.ts")};`, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
    plugins,
  });
  return gzipSync(out.outputFiles[0]!.contents, { level: 9 }).length / 1024;
}

const SHIPPED: Plugin[] = [withoutChevrotainLexer, withoutUnusedChevrotain, withNativeLodash];
/** Without the stubs of 4, which leave out the grammar recorder that variant 1 needs. */
const WITH_RECORDER: Plugin[] = [withoutChevrotainLexer, withNativeLodash];
const files: Record<string, string> = {};
for (const [name, make] of Object.entries(VARIANTS)) files[name] = await bundle(name, entry(make), name.startsWith("1:") ? WITH_RECORDER : SHIPPED);
files["2: Chevrotain's Lexer bundled"] = await bundle("lexer", entry(VARIANTS["as shipped"]), [withoutUnusedChevrotain, withNativeLodash]);
files["3: lodash-es bundled"] = await bundle("lodash", entry(VARIANTS["as shipped"]), [withoutChevrotainLexer, withoutUnusedChevrotain]);
files["4: Chevrotain's checks, CST visitors and recorder bundled"] = await bundle("unused", entry(VARIANTS["as shipped"]), WITH_RECORDER);
// ONLY=1 keeps "as shipped" and the variants whose names start with "1" (a longer run of a few).
const only = process.env.ONLY;
if (only !== undefined) for (const name of Object.keys(files)) if (name !== "as shipped" && !name.startsWith(only)) delete files[name];
if (process.env.TWICE) files["as shipped, again"] = await bundle("again", entry(VARIANTS["as shipped"]), SHIPPED);

function wallMs(file: string, arg = ""): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [file, arg], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const sign = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(1)}`;
const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const ROUNDS = Number(process.env.ROUNDS ?? 25);
const cold: Record<string, number[]> = Object.fromEntries(Object.keys(files).map((k) => [k, []]));
for (let i = 0; i < ROUNDS; i++) for (const [name, file] of Object.entries(files)) cold[name]!.push(wallMs(file));
// The part of a cold start the internals touch, timed inside each fresh process: building the
// parser and its first parse (far less noisy than the whole process's wall time).
const startup: Record<string, number[]> = Object.fromEntries(Object.keys(files).map((k) => [k, []]));
for (let i = 0; i < ROUNDS; i++) {
  for (const [name, file] of Object.entries(files)) startup[name]!.push(Number(spawnSync(process.execPath, [file, "startup"], { encoding: "utf8" }).stdout));
}
const steadyRuns: Record<string, number[]> = Object.fromEntries(Object.keys(files).map((k) => [k, []]));
for (let i = 0; i < Number(process.env.STEADY_ROUNDS ?? 7); i++) {
  for (const [name, file] of Object.entries(files)) steadyRuns[name]!.push(Number(spawnSync(process.execPath, [file, "steady"], { encoding: "utf8" }).stdout));
}
const steady = Object.fromEntries(Object.entries(steadyRuns).map(([k, v]) => [k, median(v)]));
const sizes = {
  "as shipped": await gzippedKb(SHIPPED),
  "2: Chevrotain's Lexer bundled": await gzippedKb([withoutUnusedChevrotain, withNativeLodash]),
  "3: lodash-es bundled": await gzippedKb([withoutChevrotainLexer, withoutUnusedChevrotain]),
  "4: Chevrotain's checks, CST visitors and recorder bundled": await gzippedKb(WITH_RECORDER),
} as Record<string, number>;

const base = cold["as shipped"]!;
console.log(`${ROUNDS} fresh processes per variant, Node ${process.version}\n`);
console.log("| variant | cold start (median) | over as shipped (median of paired differences) | parser built + first parse | steady parse | compileFilter bundle |");
console.log("|---|---|---|---|---|---|");
for (const name of Object.keys(files)) {
  const diff = median(cold[name]!.map((ms, i) => ms - base[i]!));
  const size = sizes[name] === undefined ? "" : `${sizes[name].toFixed(1)} KB gz`;
  console.log(
    `| ${name} | ${median(cold[name]!).toFixed(1)} ms | ${sign(diff)} ms | ${median(startup[name]!).toFixed(2)} ms | ${steady[name]!.toFixed(2)} µs | ${size} |`,
  );
}
