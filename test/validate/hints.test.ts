import { describe, expect, it } from "vitest";
import { printFilter, printOrderBy } from "../../src/print/print-filter.js";
import { validateFilter, validateOrderBy } from "../../src/validate/validate.js";
import { dfsq } from "../helpers/cli.js";
import { dfsqError } from "../helpers/errors.js";

/* Raw arrays written the way people write dfsq text or SQL get a hint with the API's spelling. */

const hintOf = (value: unknown) => validateFilter(value).diagnostics.map((d) => [d.code, d.path, d.hint]);

describe("raw filter hints", () => {
  it.each([
    [[["a", "=", 1], "AND", ["b", "=", 2]], [1], '`"and"`'],
    [[["a", "=", 1], "Or", ["b", "=", 2]], [1], '`"or"`'],
    [[["a", "=", 1], "&&", ["b", "=", 2]], [1], '`"and"`'],
  ])("%j: the connective in lowercase", (value, path, hint) => {
    expect(hintOf(value)).toEqual([["invalid_filter", path, `write ${hint}`]]);
  });

  it("conditions written into one array: one array each", () => {
    const [[code, path, hint]] = hintOf(["a", "=", 1, "AND", ["b", "=", 2]]) as [[string, unknown, string]];
    expect([code, path]).toEqual(["invalid_filter", []]);
    expect(hint).toContain('[["a", "=", 1], "and", ["b", "=", 2]]');
  });

  it.each([
    [["rank", "between", [1, 5]], '[["rank", ">=", 1], "and", ["rank", "<=", 5]]'],
    [["rank", "BETWEEN", [1, 5]], '[["rank", ">=", 1], "and", ["rank", "<=", 5]]'],
    [["first_seen", "not between", ["2024-01-01", "2024-02-01"]], '[["first_seen", "<", "2024-01-01"], "or", ["first_seen", ">", "2024-02-01"]]'],
  ])("%j: between is dfsq text, with the arrays the API wants", (value, arrays) => {
    const [[code, path, hint]] = hintOf(value) as [[string, unknown, string]];
    expect([code, path]).toEqual(["invalid_filter", [1]]);
    expect(hint).toContain("is dfsq text");
    expect(hint).toContain(arrays);
  });

  it.each([
    [["a", "NOT_IN", [1]], '`"not_in"`'],
    [["a", "not in", [1]], '`"not_in"`'],
    [["a", "LIKE", "%x%"], '`"like"`'],
    [["a", "!=", 1], '`"<>"`'],
    [["a", "==", 1], '`"="`'],
  ])("%j: the operator as the API spells it", (value, hint) => {
    expect(hintOf(value)).toEqual([["invalid_filter", [1], `write ${hint}`]]);
  });

  it("no hint where nothing is meant", () => {
    expect(hintOf(["a", "gt", 1])).toEqual([["invalid_filter", [1], undefined]]);
    expect(hintOf([["a", "=", 1], "xor", ["b", "=", 2]])).toEqual([["invalid_filter", [1], undefined]]);
  });

  it("the printer gives the same hints", () => {
    expect(dfsqError(() => printFilter([["a", "=", 1], "AND", ["b", "=", 2]])).diagnostics[0]?.hint).toBe('write `"and"`');
  });
});

describe("raw order-by hints", () => {
  it.each([
    [["rank,DESC"], 'write `"rank,desc"`'],
    [["rank,Asc"], 'write `"rank,asc"`'],
    [["rank, desc"], 'write `"rank,desc"`'],
    [["rank desc"], 'write `"rank,desc"`'],
    [["rank DESC"], 'write `"rank,desc"`'],
    [["rank"], 'add the direction: `"rank,asc"` or `"rank,desc"`'],
  ])("%j", (value, hint) => {
    expect(validateOrderBy(value).diagnostics.map((d) => [d.code, d.path, d.hint])).toEqual([["invalid_order_by", [0], hint]]);
    expect(dfsqError(() => printOrderBy(value)).diagnostics[0]?.hint).toBe(hint);
  });

  it("dfsq print --order-by shows the hint", () => {
    const r = dfsq(["print", "--order-by", '["rank,DESC"]']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('hint: write `"rank,desc"`');
  });
});
