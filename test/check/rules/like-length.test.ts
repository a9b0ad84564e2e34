import { describe, expect, it } from "vitest";
import { compileMatcher } from "../../../src/eval/evaluate.js";
import { validateFilter } from "../../../src/validate/validate.js";
import { MAX_LIKE_PATTERN } from "../../../src/values/pattern-cost.js";
import { expectDiagnostics } from "../../helpers/diagnostics.js";
import { dfsqError } from "../../helpers/errors.js";

describe("like_too_long", () => {
  const over = `%${"a_".repeat(MAX_LIKE_PATTERN / 2)}%`;
  const at = `%${"a".repeat(MAX_LIKE_PATTERN - 2)}%`;

  it("refuses a like pattern over the cap in text, for every like operator", () => {
    for (const op of ["like", "not_like", "ilike", "not_ilike"]) {
      expectDiagnostics(`anchor ${op} "${over}"`, [["like_too_long", `"${over}"`]]);
    }
    expectDiagnostics(`anchor like "${at}"`, []);
  });

  it("refuses it on raw arrays, at its path", () => {
    const r = validateFilter([["anchor", "like", "%seo%"], "or", ["anchor", "ilike", "%".repeat(2 ** 20)]]);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([["like_too_long", [2, 2]]]);
  });

  it("the evaluator refuses a 1 MB pattern at once instead of matching it", () => {
    const pattern = `%${"a_".repeat(2 ** 19)}b%`;
    const error = dfsqError(() => compileMatcher(["anchor", "like", pattern]));
    expect(error.diagnostics.map((d) => [d.code, d.path])).toEqual([["like_too_long", [2]]]);
    expect(compileMatcher(["anchor", "like", at])({ anchor: "a".repeat(MAX_LIKE_PATTERN) })).toBe(true);
  });
});
