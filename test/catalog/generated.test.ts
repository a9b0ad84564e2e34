import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogsSource, enumsSource, fieldTypesSource } from "../../scripts/catalogs.js";

const data = fileURLToPath(new URL("../../data/dataforseo", import.meta.url));
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("generated catalog files are fresh (npm run catalog:generate)", () => {
  it("src/catalog/catalogs.generated.ts matches data/dataforseo", () => {
    expect(read("src/catalog/catalogs.generated.ts")).toBe(catalogsSource(data));
  });
  it("src/catalog/fields.generated.ts matches data/dataforseo and the endpoint registry", () => {
    expect(read("src/catalog/fields.generated.ts")).toBe(fieldTypesSource(data));
  });
});

describe("generated value sets are fresh (npm run catalog:generate)", () => {
  it("src/catalog/enums.generated.ts matches data/dataforseo/enums.json", () => {
    expect(read("src/catalog/enums.generated.ts")).toBe(enumsSource(data));
  });
});
