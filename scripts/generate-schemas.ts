// Writes the JSON Schemas the package ships (schema/filters.json, schema/order-by.json) from the
// zod schemas of src/validate/schemas.ts, through src/schema. Run: npm run schema:generate.
// test/schema/generated.test.ts fails when they are stale.
import { writeFileSync } from "node:fs";
import { schemaFiles } from "./schemas.js";

for (const [path, text] of Object.entries(schemaFiles())) {
  const target = new URL(`../${path}`, import.meta.url);
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
