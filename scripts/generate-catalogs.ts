// Writes src/catalog/catalogs.generated.ts, src/catalog/fields.generated.ts and
// src/catalog/enums.generated.ts from the vendored catalogs and value sets in data/dataforseo.
// With --from <dir>, first refreshes data/dataforseo from <dir> (a newer copy of the shared
// research notes). Run: npm run catalog:generate [-- --from <dir>].
// test/catalog/generated.test.ts fails when the generated files are stale.
import { cpSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { catalogsSource, enumsSource, fieldTypesSource } from "./catalogs.js";

const data = fileURLToPath(new URL("../data/dataforseo", import.meta.url));
const from = process.argv.indexOf("--from");
if (from > 0) {
  const dir = process.argv[from + 1];
  if (dir === undefined) throw new Error("--from needs a directory");
  cpSync(dir, data, { recursive: true });
  console.log(`copied ${dir} to ${data}`);
}
for (const [path, text] of [
  ["../src/catalog/catalogs.generated.ts", catalogsSource(data)],
  ["../src/catalog/fields.generated.ts", fieldTypesSource(data)],
  ["../src/catalog/enums.generated.ts", enumsSource(data)],
] as const) {
  const target = new URL(path, import.meta.url);
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
