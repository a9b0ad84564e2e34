import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** The compiler runs in browsers: only the CLI (and, later, Node-only helpers) may touch node:. */
const SRC = fileURLToPath(new URL("../src", import.meta.url));
const NODE_ONLY = ["cli/"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("browser safety", () => {
  const compilerFiles = files(SRC).filter((f) => !NODE_ONLY.some((dir) => relative(SRC, f).startsWith(dir)));

  it("covers the compiler", () => {
    expect(compilerFiles.map((f) => relative(SRC, f))).toContain("compile.ts");
  });

  it.each(compilerFiles.map((f) => [relative(SRC, f), f]))("%s imports nothing from node:", (_name, file) => {
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(/from\s+["']node:|require\(["']node:|import\(["']node:/);
    expect(text).not.toMatch(/\bprocess\.|\bBuffer\b/);
  });
});

/** The code `import "dfsq"` loads: dist/index.js and the chunks it imports, transitively. */
function coreBundle(): string {
  const dist = fileURLToPath(new URL("../dist/", import.meta.url));
  const seen = new Set<string>();
  const queue = [join(dist, "index.js")];
  let code = "";
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    code += text;
    for (const m of text.matchAll(/from\s*"(\.\.?\/[^"]+)"/g)) queue.push(join(dirname(file), m[1]!));
  }
  return code;
}

describe("what each entry brings", () => {
  const sources = files(SRC).map((f) => [relative(SRC, f), readFileSync(f, "utf8")] as const);
  const importing = (name: string) =>
    sources.filter(([, text]) => new RegExp(`from\\s+["']${name}["'/]|import\\(["']${name}`).test(text)).map(([path]) => path);

  it("only dfsq/testing imports fast-check (an optional peer of that entry alone)", () => {
    expect(importing("fast-check").every((path) => path.startsWith("testing/"))).toBe(true);
    expect(importing("fast-check").length).toBeGreaterThan(0);
  });

  it("importing dfsq loads neither fast-check nor zod", () => {
    const code = coreBundle();
    expect(code).toContain("compileFilter");
    expect(code).not.toMatch(/from\s*"fast-check"|from\s*"zod/);
  });
});
