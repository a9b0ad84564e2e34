// Writes src/syntax/cst.generated.ts: the CST node types of the parser, made by Chevrotain from
// the grammar itself, so the CST-to-AST builder is typed against the real rules.
// Run: npm run generate:cst. test/syntax/generated.test.ts fails when the file is stale.
import { writeFileSync } from "node:fs";
import { cstTypesSource } from "./cst-types.js";

const target = new URL("../src/syntax/cst.generated.ts", import.meta.url);
writeFileSync(target, cstTypesSource());
console.log(`wrote ${target.pathname}`);
