import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Alternative, EmbeddedActionsParser, Terminal } from "chevrotain";
import { describe, expect, it } from "vitest";
import { CHEVROTAIN_STUBS } from "../../scripts/esbuild-plugins.mjs";
// @ts-expect-error: a plain .mjs module without declarations
import * as shim from "../../scripts/shims/lodash-es.mjs";
import { dumpRule, restoreRule } from "../../src/syntax/chevrotain-internals.js";
import { recordedGrammar } from "../../src/syntax/grammar.generated.js";
import { tokenTypesByName, Comma } from "../../src/syntax/tokens.js";

/*
 * Pins each Chevrotain internal that src/syntax/chevrotain-internals.ts lists: when Chevrotain
 * changes, these fail here, by name, rather than as a slower or subtly different parser.
 * test/syntax/parser.test.ts checks the behaviour (the parser parses as Chevrotain's own).
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const chevrotain = join(root, "node_modules/chevrotain");

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith(".js") ? [path] : [];
  });
}

/** The names Chevrotain's other modules import from the one at `path` (under node_modules/chevrotain). */
function importedFrom(path: string): Set<string> {
  const base = path.split("/").at(-1)!.replace(/\./g, "\\.");
  const from = new RegExp(`import \\{([^}]*)\\} from "[^"]*/${base}"`, "g");
  return new Set(
    jsFiles(join(chevrotain, "lib/src"))
      .filter((file) => file !== join(chevrotain, path))
      .flatMap((file) => [...readFileSync(file, "utf8").matchAll(from)].flatMap((m) => m[1]!.split(",").map((n) => n.trim().split(/\s+as\s+/)[0]!).filter(Boolean))),
  );
}

describe("the Chevrotain internals dfsq relies on", () => {
  it("were checked against this version: 11.2.0", () => {
    const pkg = JSON.parse(readFileSync(join(chevrotain, "package.json"), "utf8")) as { version: string };
    const ours = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
    expect(pkg.version).toBe("11.2.0");
    expect(ours.devDependencies.chevrotain).toBe("11.2.0");
  });

  it("1: the recording hook is a method of the parser's prototype", () => {
    const proto = EmbeddedActionsParser.prototype as unknown as Record<string, unknown>;
    expect(typeof proto.topLevelRuleRecord).toBe("function");
  });

  it("1: a production keeps its children in `_definition`, behind `definition`", () => {
    const terminal = new Terminal({ terminalType: Comma });
    const alternative = new Alternative({ definition: [terminal] });
    expect(Object.keys(alternative)).toContain("_definition");
    expect(alternative.definition).toEqual([terminal]);
    expect(Object.keys(terminal)).toEqual(expect.arrayContaining(["terminalType", "idx"]));
  });

  it("1: every recorded rule rebuilds to itself", () => {
    for (const rule of Object.values(recordedGrammar().rules)) expect(dumpRule(restoreRule(rule, tokenTypesByName())!)).toEqual(rule);
  });

  it("2: the Lexer is the module the build replaces, and the stub gives what Chevrotain reads of it", () => {
    const lexer = join(chevrotain, "lib/src/scan/lexer_public.js");
    expect(readFileSync(lexer, "utf8")).toContain("export class Lexer");
    const readers = jsFiles(join(chevrotain, "lib/src"))
      .filter((file) => file !== lexer && /from "(\.\.?\/)+(scan\/)?lexer_public\.js"/.test(readFileSync(file, "utf8")))
      .map((file) => [...readFileSync(file, "utf8").matchAll(/import \{([^}]*)\} from "[^"]*lexer_public\.js"/g)].flatMap((m) => m[1]!.split(",").map((n) => n.trim()).filter(Boolean)));
    // What the stub in scripts/esbuild-plugins.mjs exports.
    expect(new Set(readers.flat())).toEqual(new Set(["Lexer", "LexerDefinitionErrorType"]));
  });

  it("3: the lodash shim exports every lodash-es function Chevrotain imports", () => {
    const used = new Set(
      jsFiles(join(chevrotain, "lib/src")).flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/import \{([^}]*)\} from "lodash-es"/g)].flatMap((m) =>
          m[1]!
            .split(",")
            .map((n) => n.trim().split(/\s+as\s+/)[0]!)
            .filter(Boolean),
        ),
      ),
    );
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((name) => typeof (shim as Record<string, unknown>)[name] !== "function")).toEqual([]);
  });

  it.each(Object.entries(CHEVROTAIN_STUBS))("4: the stub of %s exports what Chevrotain imports from it", (path, { exports }) => {
    expect(statSync(join(chevrotain, path)).isFile()).toBe(true);
    expect(importedFrom(path)).toEqual(new Set(exports));
  });

  it("4: the parser skips the grammar checks, and runs only these four of the recorder's methods", () => {
    const parser = readFileSync(join(root, "src/syntax/parser.ts"), "utf8");
    expect(parser).toMatch(/skipValidations: true/);
    const recorder = readFileSync(join(chevrotain, "lib/src/parse/parser/traits/gast_recorder.js"), "utf8");
    const methods = [...recorder.matchAll(/^ {4}([A-Za-z_]+)\(.*\) \{$/gm)].map((m) => m[1]!);
    expect(methods.length).toBeGreaterThan(10);
    const others = jsFiles(join(chevrotain, "lib/src"))
      .filter((file) => !file.endsWith("gast_recorder.js"))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const calledElsewhere = methods.filter((name) => new RegExp(`\\.${name}\\b`).test(others));
    expect(calledElsewhere.toSorted()).toEqual(["disableRecording", "enableRecording", "initGastRecorder", "topLevelRuleRecord"]);
  });
});
