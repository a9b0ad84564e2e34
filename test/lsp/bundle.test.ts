import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/* The language server's libraries load with `dfsq lsp` only: every other command's cold start is as before. */

const DIST = new URL("../../dist/", import.meta.url);
const read = (file: string) => readFileSync(new URL(file, DIST), "utf8");

/** The files `file` loads before it runs: its static imports, transitively (dynamic imports excluded). */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const dir = file.slice(0, file.lastIndexOf("/") + 1);
  for (const m of read(file).matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?"(\.\/[^"]+)"/g)) {
    staticClosure(new URL(m[1]!, new URL(dir, DIST)).pathname.slice(DIST.pathname.length), seen);
  }
  return seen;
}

/** Text that only the JSON-RPC transport of the server libraries holds. */
const SERVER_LIBRARY = /Content-Length|textDocument\/publishDiagnostics/;

describe("the lsp chunk", () => {
  const chunks = readdirSync(new URL("chunks/", DIST)).filter((f) => f.endsWith(".js"));
  const lsp = chunks.find((f) => f.startsWith("cli-lsp-"))!;

  it("holds the server libraries", () => {
    expect(read(`chunks/${lsp}`)).toMatch(SERVER_LIBRARY);
  });

  it.each(["compile", "print", "validate", "eval", "fields", "run"])("is not loaded by dfsq %s", (command) => {
    const entry = chunks.find((f) => f.startsWith(`cli-${command}-`))!;
    const loaded = [...staticClosure("cli.js"), ...staticClosure(`chunks/${entry}`)];
    expect(loaded.length).toBeGreaterThan(2);
    expect(loaded).not.toContain(`chunks/${lsp}`);
    expect(loaded.filter((f) => SERVER_LIBRARY.test(read(f)))).toEqual([]);
  });
});
