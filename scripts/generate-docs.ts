// Writes the generated files: src/syntax/cst.generated.ts (CST types) and docs/grammar.html
// (railroad diagrams), both drawn from the parser. Run: npm run generate.
// test/syntax/generated.test.ts fails when either is stale.
import { writeFileSync } from "node:fs";
import { cstTypesSource } from "./cst-types.js";
import { grammarDiagramSource } from "./grammar-diagram.js";

const outputs: [string, () => string][] = [
  ["../src/syntax/cst.generated.ts", cstTypesSource],
  ["../docs/grammar.html", grammarDiagramSource],
];
for (const [path, make] of outputs) {
  const target = new URL(path, import.meta.url);
  writeFileSync(target, make());
  console.log(`wrote ${target.pathname}`);
}
