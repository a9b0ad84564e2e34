import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/* The language server's libraries load with `dfsq lsp` only, from a file of their own: every other command's cold start is as before. */

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

describe("the language server's file", () => {
  const chunks = readdirSync(new URL("chunks/", DIST)).filter((f) => f.endsWith(".js"));
  const server = "chunks/cli-lsp-server.js";

  it("holds the server libraries, and imports nothing but Node's built-ins", () => {
    const code = read(server);
    expect(code).toMatch(SERVER_LIBRARY);
    const imports = [...code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?"([^"]+)"/g)].map((m) => m[1]!);
    expect(imports.filter((i) => !i.startsWith("node:"))).toEqual([]);
  });

  it("is what the lsp command loads", () => {
    const command = chunks.find((f) => /^cli-lsp-(?!server)/.test(f))!;
    expect(read(`chunks/${command}`)).toContain('import("./cli-lsp-server.js")');
  });

  it.each(["compile", "print", "validate", "eval", "fields", "run", "lsp"])("is not loaded with dfsq %s's own files", (command) => {
    const entry = chunks.find((f) => f.startsWith(`cli-${command}-`) && !f.startsWith("cli-lsp-server"))!;
    const loaded = [...staticClosure("cli.js"), ...staticClosure(`chunks/${entry}`)];
    expect(loaded.length).toBeGreaterThan(1);
    expect(loaded).not.toContain(server);
    expect(loaded.filter((f) => SERVER_LIBRARY.test(read(f)))).toEqual([]);
  });
});
