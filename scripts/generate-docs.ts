// Writes what is generated from the parser itself: docs/grammar.html (railroad diagrams) and
// src/syntax/grammar.generated.ts (the recorded grammar the parser starts from), and the JSON
// Schema of dfsq.config.json from its zod schema. Run: npm run generate. test/syntax/generated.test.ts
// and test/cli/check-config.test.ts fail when one is stale.
import { writeFileSync } from "node:fs";
import { CONFIG_SCHEMA_PATH, configSchemaSource } from "./config-schema.js";
import { grammarDiagramSource } from "./grammar-diagram.js";
import { grammarRecordingSource } from "./grammar-recording.js";

const outputs: [string, () => string][] = [
  ["../docs/grammar.html", grammarDiagramSource],
  ["../src/syntax/grammar.generated.ts", grammarRecordingSource],
  [`../${CONFIG_SCHEMA_PATH}`, configSchemaSource],
];
for (const [path, make] of outputs) {
  const target = new URL(path, import.meta.url);
  writeFileSync(target, make());
  console.log(`wrote ${target.pathname}`);
}
