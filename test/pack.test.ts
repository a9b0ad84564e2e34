import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * The package as a stranger installs it: packed with `npm pack`, installed from the tarball into
 * an empty project that has only its runtime dependencies (from the npm cache; CodeMirror and
 * fast-check, the optional peers, linked from this repository), typechecked with skipLibCheck off, and run with `npx dfsq`. The package is
 * assembled in a temporary directory from the JavaScript the test setup built and declarations
 * emitted for it here, so the working dist/ is left alone while other tests read it.
 */

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  exports: Record<string, string | { types?: string }>;
};
const tsc = join(root, "node_modules/typescript/bin/tsc");
let work: string;
let consumer: string;
let tarball: string;

function run(command: string, args: readonly string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_fund: "false", npm_config_audit: "false" } });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "dfsq-pack-"));
  const staged = join(work, "package");
  mkdirSync(staged);
  for (const file of ["package.json", "README.md", "LICENSE"]) cpSync(join(root, file), join(staged, file));
  for (const dir of ["grammar", "schema"]) cpSync(join(root, dir), join(staged, dir), { recursive: true });
  cpSync(join(root, "dist"), join(staged, "dist"), { recursive: true, filter: (src) => !src.endsWith(".d.ts") });
  run(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", join(staged, "dist")], root);
  run("npm", ["pack", "--ignore-scripts", "--pack-destination", work], staged);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!);

  consumer = join(work, "consumer");
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { dfsq: `file:${tarball}` } }));
  run("npm", ["install", "--ignore-scripts", "--no-package-lock", "--prefer-offline"], consumer);
  // The optional peers a user of dfsq/codemirror and dfsq/testing has, linked rather than fetched.
  for (const peer of ["@codemirror", "fast-check"]) symlinkSync(join(root, "node_modules", peer), join(consumer, "node_modules", peer), "dir");
  writeFileSync(
    join(consumer, "index.ts"),
    `import { compileFilter, checkFilter, analyze, type Diagnostic, type FilterArray } from "dfsq";
import { validateFilter, validateTask } from "dfsq/validate";
import { evaluateFilter } from "dfsq/eval";
import { createClient, TaskError } from "dfsq/client";
import { dfsq } from "dfsq/codemirror";
import * as schema from "dfsq/schema";
import * as testing from "dfsq/testing";

const filters: FilterArray = compileFilter("rank > 10");
const result = checkFilter("rank >");
const diagnostics: readonly Diagnostic[] = result.diagnostics;
console.log(filters, diagnostics.length, analyze("rank > 1").tokens.length, validateFilter(filters).ok, validateTask({ filters }).ok);
console.log(evaluateFilter(filters, { rank: 11 }), typeof createClient, typeof TaskError, typeof dfsq, schema, testing);
`,
  );
}, 240_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("the packed package, installed by a stranger", () => {
  it.each([
    ["node16", { module: "node16", moduleResolution: "node16" }],
    ["bundler", { module: "esnext", moduleResolution: "bundler" }],
  ])("typechecks a consumer with skipLibCheck off (moduleResolution %s)", (_name, resolution) => {
    const config = { compilerOptions: { ...resolution, target: "es2022", strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ["index.ts"] };
    writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify(config));
    let output = "";
    try {
      run(process.execPath, [tsc, "-p", "tsconfig.json"], consumer);
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe("");
  });

  it("has no devDependency among its installed packages", () => {
    const installed = readdirSync(join(consumer, "node_modules"));
    expect(installed).not.toContain("chevrotain");
    expect(installed).toContain("zod");
  });

  it("names no devDependency in a declaration any entry reaches", () => {
    const dist = join(consumer, "node_modules/dfsq");
    const todo = Object.values(pkg.exports).flatMap((e) => (typeof e === "object" && e.types ? [resolve(dist, e.types)] : []));
    const seen = new Set<string>();
    const naming: string[] = [];
    for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(file, "utf8");
      if (/["']chevrotain["']/.test(text)) naming.push(file.slice(dist.length + 1));
      for (const [, spec] of text.matchAll(/(?:from|import\()\s*["'](\.[^"']+)["']/g)) {
        const target = resolve(dirname(file), spec!).replace(/\.js$/, ".d.ts");
        todo.push(existsSync(target) ? target : target.replace(/\.d\.ts$/, "/index.d.ts"));
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    expect(naming).toEqual([]);
  });

  it("runs `npx dfsq compile`", () => {
    expect(JSON.parse(run("npx", ["--no-install", "dfsq", "compile", "rank > 1"], consumer))).toEqual(["rank", ">", 1]);
  });

  it("ships source maps without the sources, and a licence", () => {
    const listing = run("tar", ["-tzf", tarball], work);
    expect(listing).toContain("package/LICENSE");
    const maps = listing.split("\n").filter((f) => f.endsWith(".js.map"));
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps) {
      const content = JSON.parse(run("tar", ["-xzOf", tarball, map], work)) as { sourcesContent?: unknown };
      expect(content.sourcesContent).toBeUndefined();
    }
  });
});
