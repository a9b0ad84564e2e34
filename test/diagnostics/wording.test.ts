import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The words of dfsq's diagnostics live in src/diagnostics/messages.ts (what is wrong) and
 * hints.ts (how to fix it). Everywhere else passes facts to them: a string with words in it,
 * given as a diagnostic's message or hint, is wording written in a second place.
 */

const src = fileURLToPath(new URL("../../src", import.meta.url));

/** Where words may be written, and why. */
const WORDING = new Set([
  "diagnostics/messages.ts",
  "diagnostics/hints.ts",
  "diagnostics/wording.ts",
  // The RE2 checker's reasons (a port of RE2's own parser errors), which messages.invalidRegex
  // wraps: a self-contained validator with its own vocabulary, written once.
  "values/re2-syntax.ts",
  // DataForSEO's own status messages, as its docs give them (the API's words, not dfsq's).
  "client/status-codes.ts",
]);
/** The MCP server's text for the model (tool titles and descriptions), and the few hints it
 * re-words in terms of its tools. */
const WORDING_FOLDERS = ["mcp/"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** A string or template literal with at least two words in it. */
const WORDS = String.raw`(?:"[^"\n]*[a-z]{2,} [a-z]{2,}[^"\n]*"|'[^'\n]*[a-z]{2,} [a-z]{2,}[^'\n]*'|\x60[^\x60\n]*[a-z]{2,} [a-z]{2,}[^\x60\n]*\x60)`;
/** Reporting a diagnostic with words given in place, or setting its message or hint to them. */
const WRITTEN_IN_PLACE = new RegExp(
  String.raw`\b(?:makeDiagnostic|report|reportAt|invalid|problem|mistake|invalidArgument|badArgument|addIssue)\([^;]*?${WORDS}|\b(?:message|hint|reason|title):\s*${WORDS}`,
);

function offenders(): string[] {
  return files(src).flatMap((file) => {
    const name = relative(src, file);
    if (WORDING.has(name) || WORDING_FOLDERS.some((folder) => name.startsWith(folder))) return [];
    return readFileSync(file, "utf8")
      .split("\n")
      .map((line, i) => ({ line: line.trim(), at: `${name}:${i + 1}` }))
      .filter(({ line }) => !line.startsWith("*") && !line.startsWith("//") && WRITTEN_IN_PLACE.test(line))
      .map(({ line, at }) => `${at}: ${line}`);
  });
}

describe("the wording of diagnostics", () => {
  it("is written in diagnostics/messages.ts and hints.ts only", () => {
    expect(offenders()).toEqual([]);
  });

  it("finds wording written in place (the check can fail)", () => {
    expect(WRITTEN_IN_PLACE.test('bag.report("invalid_filter", span, "this is wrong");')).toBe(true);
    expect(WRITTEN_IN_PLACE.test("return { message: `a page target is ${x}`, hint };")).toBe(true);
    expect(WRITTEN_IN_PLACE.test('bag.report("invalid_filter", span, messages.groupLength(3));')).toBe(false);
  });
});
