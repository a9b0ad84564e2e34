import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { grammarDiagramSource } from "../../scripts/grammar-diagram.js";
import { grammarRecordingSource } from "../../scripts/grammar-recording.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("generated files are fresh (npm run generate)", () => {
  it("docs/grammar.html matches the grammar", () => {
    expect(read("docs/grammar.html")).toBe(grammarDiagramSource());
  });

  it("src/syntax/grammar.generated.ts is the grammar as Chevrotain records it now", () => {
    expect(read("src/syntax/grammar.generated.ts")).toBe(grammarRecordingSource());
  });
});
