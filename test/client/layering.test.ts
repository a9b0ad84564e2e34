import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * Data flows one way: the client sits on the compiler, and the compiler never imports the client,
 * so that importing `dfsq` stays small. (test/browser-safe.test.ts keeps src/client free of node:.)
 */
const SRC = fileURLToPath(new URL("../../src", import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("layering", () => {
  // The CLI and the MCP server (dfsq mcp) sit on top of the client.
  const compiler = files(SRC).filter((f) => !/^(client|cli|mcp)\//.test(relative(SRC, f).replaceAll("\\", "/")));

  it.each(compiler.map((f) => [relative(SRC, f), f]))("%s does not import the client", (_name, file) => {
    expect(readFileSync(file, "utf8")).not.toMatch(/from\s+["'][./]*client\//);
  });

  it("the client uses only platform APIs a browser has", () => {
    const offenders = files(join(SRC, "client")).filter((file) =>
      /from\s+["']node:|\brequire\(|\bprocess\b|\bBuffer\b/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
