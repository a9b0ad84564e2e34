// Writes docs/grammar.html: railroad diagrams drawn from the parser itself. Run: npm run generate.
// test/syntax/generated.test.ts fails when it is stale.
import { writeFileSync } from "node:fs";
import { grammarDiagramSource } from "./grammar-diagram.js";

const outputs: [string, () => string][] = [["../docs/grammar.html", grammarDiagramSource]];
for (const [path, make] of outputs) {
  const target = new URL(path, import.meta.url);
  writeFileSync(target, make());
  console.log(`wrote ${target.pathname}`);
}
