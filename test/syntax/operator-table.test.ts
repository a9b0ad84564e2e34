import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { COMPLEMENT } from "../../src/check/complement.js";
import { compileFilter } from "../../src/compile.js";
import { printFilter } from "../../src/print/print-filter.js";
import { API_OPERATORS, OPERATORS, type Operator } from "../../src/syntax/operator-table.js";
import { keywords } from "../../src/syntax/tokens.js";

/*
 * The operator table (src/syntax/operator-table.ts) is the one place an operator's facts are
 * written: the parser, `not`, the printer, the catalog's families, the builder and the generators
 * derive from it. These tests hold the derived parts to it, and keep new copies of the facts out.
 */

const SRC = join(import.meta.dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** A file's code without its comments: a comment may name an operator (a grammar rule quoting its token). */
const code = (path: string) => readFileSync(path, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");

/** Files that may still spell an operator's API name, each for its reason. */
const ALLOWED = new Set([
  // The table itself.
  "syntax/operator-table.ts",
  // The scanner's keywords: checked against the table below (deriving them would cost the lexer its literal patterns).
  "syntax/keywords.ts",
  // The type lists as the DataForSEO docs print them, in their order: the docs' data.
  "catalog/operators.ts",
  // Exhaustive switches on the operator (a new operator is a type error there), each saying what it means in its own terms.
  "eval/condition.ts",
  "mcp/read-filter.ts",
  "lower/contradictions.ts",
  // `in`/`not_in` merging names the two operators it makes.
  "lower/rewrite.ts",
  // The raw-array reader's hints for near-miss spellings in JSON; it moves to its own folder in issue 13.
  "arrays/read.ts",
]);

// The names only the API spells this way (`not_like`): a file that writes one in quotes repeats a fact of the table.
const API_ONLY_NAMES = OPERATORS.filter((op) => op.includes("_"));

describe("the operator table", () => {
  it("is the only place outside a short allowed list that spells an operator's API name", () => {
    const spelling = new RegExp(`["'](${API_ONLY_NAMES.join("|")})["']`);
    const files = sourceFiles(SRC)
      .filter((path) => !path.endsWith(".generated.ts") && spelling.test(code(path)))
      .map((path) => relative(SRC, path).replaceAll("\\", "/"));
    expect(files.filter((file) => !ALLOWED.has(file))).toEqual([]);
  });

  const operandOf: Record<(typeof API_OPERATORS)[Operator]["operand"], string> = { value: "1", list: "(1, 2)", pattern: '"%a%"', element: '"a"' };
  const sentOf: Record<(typeof API_OPERATORS)[Operator]["operand"], unknown> = { value: 1, list: [1, 2], pattern: "%a%", element: "a" };
  const cases = OPERATORS.flatMap((op) => [API_OPERATORS[op].text, ...API_OPERATORS[op].aliases].map((spelling) => [op, spelling] as const));

  it.each(cases)("%s: written `%s`, the parser sends it", (op, spelling) => {
    const { operand } = API_OPERATORS[op];
    expect(compileFilter(`f ${spelling} ${operandOf[operand]}`)).toEqual(["f", op, sentOf[operand]]);
  });

  it.each(OPERATORS)("%s: the printer writes its text, and `not` sends its complement", (op: Operator) => {
    const { operand, text, complement } = API_OPERATORS[op];
    expect(printFilter(["f", op, sentOf[operand]])).toBe(`f ${text} ${operandOf[operand]}`);
    expect(compileFilter(`not (f ${text} ${operandOf[operand]})`)).toEqual(["f", complement, sentOf[operand]]);
    expect(COMPLEMENT[COMPLEMENT[op]]).toBe(op);
  });

  it("names every operator keyword the scanner knows", () => {
    const spellings = new Set<string>(OPERATORS.flatMap((op) => [API_OPERATORS[op].text, ...API_OPERATORS[op].aliases]));
    const operatorWords = keywords.map(([word]) => word).filter((word) => OPERATORS.includes(word as Operator) || word.includes("_"));
    expect(operatorWords.filter((word) => !spellings.has(word))).toEqual([]);
  });
});
