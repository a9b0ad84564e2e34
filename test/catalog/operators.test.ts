import { describe, expect, it } from "vitest";
import { FIELD_TYPES, type FieldType, type OperatorProfile } from "../../src/catalog/endpoints.js";
import { judgeOperator } from "../../src/catalog/operators.js";
import { OPERATORS, type Operator } from "../../src/syntax/ast.js";

/*
 * The operator tables of filters-spec.md 2.1, one golden table per API: for each field type,
 * the operators allowed (A), disputed by the docs (W: a warning) and refused (everything else).
 * Asked without an endpoint, the verdict is the type table's alone; endpoint-operators.test.ts
 * covers the endpoints' own lists.
 */

type Table = Record<FieldType, { allowed: Operator[]; disputed?: Operator[] }>;

const NUM: Operator[] = ["<", "<=", ">", ">=", "=", "<>", "in", "not_in"];
const STR: Operator[] = ["match", "not_match", "like", "not_like", "ilike", "not_ilike", "in", "not_in", "=", "<>", "regex", "not_regex"];
const TIME_DISPUTED: Operator[] = ["<=", ">=", "=", "<>", "in", "not_in"];

const TABLES: Record<OperatorProfile, Table> = {
  backlinks: {
    bool: { allowed: ["=", "<>"] },
    num: { allowed: NUM },
    str: { allowed: STR },
    "array.str": { allowed: ["has", "has_not"] },
    "array.num": { allowed: ["has", "has_not"] },
    time: { allowed: ["<", ">"], disputed: TIME_DISPUTED },
  },
  labs: {
    bool: { allowed: ["=", "<>"] },
    num: { allowed: NUM },
    str: { allowed: STR },
    "array.str": { allowed: ["has", "has_not"] },
    "array.num": { allowed: ["has", "has_not"] },
    time: { allowed: ["<", ">"], disputed: TIME_DISPUTED },
  },
  generic: {
    bool: { allowed: ["=", "<>"] },
    num: { allowed: NUM },
    str: { allowed: STR },
    "array.str": { allowed: ["has", "has_not"] },
    "array.num": { allowed: ["has", "has_not"] },
    time: { allowed: ["<", ">"], disputed: TIME_DISPUTED },
  },
  content_analysis: {
    bool: { allowed: ["=", "<>"] },
    num: { allowed: NUM },
    str: { allowed: ["like", "not_like", "=", "<>", "regex", "not_regex", "in", "not_in", "match", "not_match"] },
    "array.str": { allowed: ["has", "has_not"] },
    "array.num": { allowed: ["has", "has_not"] },
    time: { allowed: ["<", ">"], disputed: TIME_DISPUTED },
  },
  on_page: {
    bool: { allowed: ["=", "<>"] },
    num: { allowed: NUM },
    str: { allowed: ["regex", "match", "not_match", "like", "not_like", "in", "not_in", "=", "<>"], disputed: ["not_regex"] },
    "array.str": { allowed: ["has", "has_not"] },
    "array.num": { allowed: [], disputed: ["has", "has_not"] },
    time: { allowed: [], disputed: ["<", ">", "<=", ">=", "=", "<>"] },
  },
};

describe.each(Object.entries(TABLES) as [OperatorProfile, Table][])("%s", (profile, table) => {
  it.each(FIELD_TYPES)("%s", (type) => {
    const verdicts = Object.fromEntries(OPERATORS.map((op) => [op, judgeOperator({ profile }, type, op).kind]));
    const expected = Object.fromEntries(
      OPERATORS.map((op) => [
        op,
        table[type].allowed.includes(op) ? "allowed" : table[type].disputed?.includes(op) ? "conflict" : "not_allowed",
      ]),
    );
    expect(verdicts).toEqual(expected);
  });
});
