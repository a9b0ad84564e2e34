import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/*
 * The grammar is written twice: grammar/dfsq.ebnf (normative) and the production in the comment
 * above each parser rule. This test keeps the two identical.
 */

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const normalize = (text: string) => text.replace(/\(\*[\s\S]*?\*\)/g, "").replace(/\s+/g, " ").trim();
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function ebnfProductions(): Map<string, string> {
  const text = read("grammar/dfsq.ebnf").replace(/\(\*[\s\S]*?\*\)/g, "");
  const map = new Map<string, string>();
  for (const m of text.matchAll(/^([a-z_]+)\s+=([\s\S]*?);\s*$/gm)) map.set(m[1]!, normalize(`${m[1]} =${m[2]} ;`));
  return map;
}

function parserProductions(): Map<string, string> {
  const text = read("src/syntax/parser.ts");
  const map = new Map<string, string>();
  for (const m of text.matchAll(/((?:[ \t]*\/\/.*\n)+)[ \t]*(\w+) = this\.RULE\(\s*"(\w+)"/g)) {
    const comment = m[1]!
      .split("\n")
      .map((line) => line.replace(/^\s*\/\/\s?/, ""))
      .join(" ")
      .replace(/\(one token:[^)]*\)/, "");
    map.set(snake(m[3]!), normalize(comment));
  }
  return map;
}

describe("grammar/dfsq.ebnf and the parser agree", () => {
  const ebnf = ebnfProductions();
  const parser = parserProductions();

  it("finds the rules", () => {
    expect(parser.size).toBeGreaterThanOrEqual(9);
  });

  it.each([...parser.keys()])("rule %s carries its production from the EBNF", (rule) => {
    expect(ebnf.has(rule), `grammar/dfsq.ebnf has no production ${rule}`).toBe(true);
    expect(parser.get(rule)).toBe(ebnf.get(rule));
  });
});
