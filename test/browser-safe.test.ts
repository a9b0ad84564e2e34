import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
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
