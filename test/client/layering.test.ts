import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
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

/*
 * The allowed folder dependencies are a table in docs/architecture.md (the one place they are
 * written): every import between folders of src/ must be in it.
 */
const DOC = fileURLToPath(new URL("../../docs/architecture.md", import.meta.url));

function allowedTable(): Map<string, Set<string>> {
  const doc = readFileSync(DOC, "utf8");
  const body = doc.slice(doc.indexOf("<!-- layering:start -->"), doc.indexOf("<!-- layering:end -->"));
  const table = new Map<string, Set<string>>();
  for (const [, folder, allowed] of body.matchAll(/^\| (\w+) \|([\w, ]*)\|$/gm)) {
    if (folder === "folder") continue;
    table.set(folder!, new Set(allowed!.split(",").map((name) => name.trim()).filter((name) => name !== "")));
  }
  return table;
}

/** The folder of src/ a file is in; a root file (`compile.ts`) is a folder of its own. */
function layerOf(file: string): string {
  const path = relative(SRC, file).replaceAll("\\", "/");
  return path.includes("/") ? path.slice(0, path.indexOf("/")) : path.replace(/\.ts$/, "");
}

/** Every relative module a file names: imports (type-only too), re-exports, dynamic imports. */
function importsOf(text: string): string[] {
  const specifiers = [
    ...text.matchAll(/\b(?:import|export)\b[^"';]*?\bfrom\s*["']([^"']+)["']/g),
    ...text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...text.matchAll(/^import\s+["']([^"']+)["']/gm),
  ].map((m) => m[1]!);
  return specifiers.filter((s) => s.startsWith("."));
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly target: string;
}

function edges(): Edge[] {
  return files(SRC).flatMap((file) =>
    importsOf(readFileSync(file, "utf8")).map((specifier) => {
      const target = resolve(dirname(file), specifier.replace(/\.js$/, ".ts"));
      return { from: layerOf(file), to: layerOf(target), file: relative(SRC, file), target: relative(SRC, target).replaceAll("\\", "/") };
    }),
  );
}

describe("layering table (docs/architecture.md)", () => {
  const table = allowedTable();
  const all = edges();

  it("has a row for every folder of src/, and names only folders that exist", () => {
    const layers = new Set(files(SRC).map(layerOf));
    expect([...layers].filter((layer) => !table.has(layer)).toSorted()).toEqual([]);
    const named = [...table.entries()].flatMap(([folder, allowed]) => [folder, ...allowed]);
    expect(named.filter((layer) => !layers.has(layer))).toEqual([]);
  });

  it("allows every import between folders", () => {
    const outside = all
      .filter(({ from, to }) => from !== to && !table.get(from)?.has(to))
      .map(({ from, to, file, target }) => `${from} -> ${to} (${file} imports ${target})`);
    expect(outside).toEqual([]);
  });

  it("lists no dependency the code does not have, so the table stays today's", () => {
    const used = new Set(all.map(({ from, to }) => `${from} -> ${to}`));
    const unused = [...table.entries()].flatMap(([from, allowed]) => [...allowed].map((to) => `${from} -> ${to}`)).filter((edge) => !used.has(edge));
    expect(unused).toEqual([]);
  });

  it("nothing in src/ imports the root barrel src/index.ts", () => {
    expect(all.filter(({ target }) => target === "index.ts").map(({ file }) => file)).toEqual([]);
  });

  it("reads every form of import", () => {
    const text = 'import type { A } from "./a.js";\nexport { b } from "../b.js";\nimport "./c.js";\nconst d = await import("./d.js");\nimport {\n  e,\n} from "./e.js";';
    expect(importsOf(text).toSorted()).toEqual(["../b.js", "./a.js", "./c.js", "./d.js", "./e.js"]);
  });
});
