import { describe, expect, it } from "vitest";
import * as built from "../dist/index.js";
import * as source from "../src/index.js";

/* The package root: what it exports, and that the built bundle behaves like the sources. */

describe("public API", () => {
  it("exports the documented functions and classes", () => {
    expect(Object.keys(source).toSorted()).toEqual(
      ["BuiltFilter", "DfsqError", "analyze", "checkFilter", "checkOrderBy", "compileFilter", "compileOrderBy", "complete", "field", "fieldsOf", "filter", "formatDiagnostics", "hover", "listEndpoints", "orderBy", "printFilter", "printOrderBy", "where", "whereFor"].toSorted(),
    );
  });

  it("the built dist/index.js exports the same names and compiles the same", () => {
    expect(Object.keys(built).toSorted()).toEqual(Object.keys(source).toSorted());
    const text = 'referring_domains > 10 and (domain like "%seo%" or rank > 200)';
    expect(built.compileFilter(text)).toEqual(source.compileFilter(text));
    expect(() => built.compileFilter("rank >")).toThrow(built.DfsqError);
  });
});
