import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { grammarDiagramSource } from "../../scripts/grammar-diagram.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("generated files are fresh (npm run generate)", () => {
  it("docs/grammar.html matches the grammar", () => {
    expect(read("docs/grammar.html")).toBe(grammarDiagramSource());
  });
});
