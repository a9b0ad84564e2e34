// Writes what is generated from the parser itself: docs/grammar.html (railroad diagrams) and
// src/syntax/grammar.generated.ts (the recorded grammar the parser starts from). Run: npm run
// generate. test/syntax/generated.test.ts fails when either is stale.
import { writeFileSync } from "node:fs";
import { grammarDiagramSource } from "./grammar-diagram.js";
import { grammarRecordingSource } from "./grammar-recording.js";

const outputs: [string, () => string][] = [
  ["../docs/grammar.html", grammarDiagramSource],
  ["../src/syntax/grammar.generated.ts", grammarRecordingSource],
];
for (const [path, make] of outputs) {
  const target = new URL(path, import.meta.url);
  writeFileSync(target, make());
  console.log(`wrote ${target.pathname}`);
}
