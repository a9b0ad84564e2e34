import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The MCP SDK is bundled into `dfsq mcp`'s chunks only: `dfsq compile` and the library never load
 * it (test/global-setup.ts builds dist/ first).
 */

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
/** A string only the SDK's stdio server holds. */
const SDK_MARKER = "StdioServerTransport already started";

/** `file` and every file it imports statically, transitively (what loading it loads). */
function loadedBy(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const m of readFileSync(file, "utf8").matchAll(/(?:\bimport|\bfrom)\s*"(\.[^"]+)"/g)) loadedBy(resolve(dirname(file), m[1]!), seen);
  return seen;
}

const chunk = (prefix: string) => resolve(DIST, "chunks", readdirSync(`${DIST}chunks`).find((f) => f.startsWith(prefix) && f.endsWith(".js"))!);
const holdsSdk = (files: Iterable<string>) => [...files].filter((f) => readFileSync(f, "utf8").includes(SDK_MARKER));

describe("where the MCP SDK is bundled", () => {
  it("into the chunks dfsq mcp loads", () => {
    expect(holdsSdk(loadedBy(chunk("cli-mcp-")))).not.toEqual([]);
  });

  it("into none that dfsq compile loads", () => {
    const files = loadedBy(resolve(DIST, "cli.js"));
    loadedBy(chunk("cli-compile-"), files);
    expect(holdsSdk(files)).toEqual([]);
  });

  it("into none of the library's entry points", () => {
    const files = new Set<string>();
    for (const entry of ["index", "client", "validate", "eval", "codemirror"]) loadedBy(resolve(DIST, `${entry}.js`), files);
    expect(holdsSdk(files)).toEqual([]);
  });
});
