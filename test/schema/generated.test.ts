import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaFiles } from "../../scripts/schemas.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { exports: Record<string, unknown> };

describe("the shipped JSON Schemas are fresh (npm run schema:generate)", () => {
  it.each(Object.entries(schemaFiles()))("%s matches src/schema and src/validate/schemas.ts", (path, text) => {
    expect(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8")).toBe(text);
  });

  it.each(Object.keys(schemaFiles()))("package.json exports %s", (path) => {
    expect(pkg.exports[`./${path}`]).toBe(`./${path}`);
  });
});
