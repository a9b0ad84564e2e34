import { describe, expect, it } from "vitest";
import { fieldsOf } from "../../src/catalog/api.js";
import { ENDPOINTS, FIELD_TYPES, type FieldType, type OperatorProfile } from "../../src/catalog/endpoints.js";
import { COMPLEMENT } from "../../src/check/complement.js";
import { checkFilter, compileFilter } from "../../src/compile.js";
import { OPERATORS, type Operator } from "../../src/syntax/ast.js";
import { LIST_OPERATORS, PATTERN_OPERATORS } from "../../src/syntax/operators.js";
import { expectTyped } from "../helpers/typed.js";

/*
 * Checks judge what is sent: a `not` in front of a condition turns its operator into the
 * complement, and that complement is what the operator checks see.
 */

const NOW = "2024-06-15T00:00:00Z";

describe("operators under not are judged as sent", () => {
  it("warns about the >= that `not (first_seen < …)` sends on a time field", () => {
    const [d] = expectTyped("backlinks/backlinks", "not (first_seen < 2024-01-01)", [["operator_conflict", "<"]]);
    expect(d?.message).toContain("`>=`");
    expect(compileFilter("not (first_seen < 2024-01-01)", { endpoint: "backlinks/backlinks", now: NOW })).toEqual([
      "first_seen",
      ">=",
      "2024-01-01 00:00:00 +00:00",
    ]);
  });

  it("warns about the not_regex that `not (meta.title regex …)` sends on On-Page", () => {
    const [d] = expectTyped("on_page/pages", 'not (meta.title regex "^Home")', [["operator_conflict", "regex"]]);
    expect(d?.message).toContain("`not_regex`");
  });

  it("judges the <= that `not (fetch_time > …)` sends, not the > that was written", () => {
    const [d] = expectTyped("on_page/resources", "not (fetch_time > 2024-01-01)", [["operator_conflict", ">"]]);
    expect(d?.message).toMatch(/^`<=`/);
  });

  it("refuses what a not makes of an allowed operator when the complement is not allowed", () => {
    // Content Analysis has no ilike; `not … not_ilike` sends ilike.
    expectTyped("content_analysis/search", 'not (content_info.title not_ilike "%a%")', [
      ["operator_not_allowed", "not_ilike"],
    ]);
  });

  it("judges both comparisons of a between, negated or not", () => {
    // between sends >= and <=, both disputed on time fields; negated, it sends < and >, both allowed.
    const d = expectTyped("backlinks/backlinks", "first_seen between 2024-01-01 and 2024-02-01", [
      ["operator_conflict", "first_seen between 2024-01-01 and 2024-02-01"],
      ["operator_conflict", "first_seen between 2024-01-01 and 2024-02-01"],
    ]);
    expect(d.map((x) => x.message.slice(0, 4))).toEqual(["`>=`", "`<=`"]);
    expectTyped("backlinks/backlinks", "not (first_seen between 2024-01-01 and 2024-02-01)", []);
    expectTyped("backlinks/backlinks", "first_seen not between 2024-01-01 and 2024-02-01", []);
    // (A parenthesised leaf's span includes its parentheses.)
    expectTyped("backlinks/backlinks", "not (first_seen not between 2024-01-01 and 2024-02-01)", [
      ["operator_conflict", "(first_seen not between 2024-01-01 and 2024-02-01)"],
      ["operator_conflict", "(first_seen not between 2024-01-01 and 2024-02-01)"],
    ]);
  });
});

/** A value each field type takes, as dfsq text. */
const SCALAR: Record<FieldType, string> = {
  num: "5",
  str: '"a"',
  bool: "true",
  time: "2024-01-01",
  "array.str": '"a"',
  "array.num": "5",
};

function operandFor(type: FieldType, op: Operator): string {
  if (PATTERN_OPERATORS.has(op)) return '"%a%"';
  if (LIST_OPERATORS.has(op)) return `(${SCALAR[type]})`;
  return SCALAR[type];
}

/** For each profile, an endpoint and one plain field (no placeholder) of each type it has. */
function samples(): { profile: OperatorProfile; endpoint: string; type: FieldType; field: string }[] {
  const out: { profile: OperatorProfile; endpoint: string; type: FieldType; field: string }[] = [];
  const seen = new Set<string>();
  for (const spec of ENDPOINTS.values()) {
    for (const info of fieldsOf(spec.id) ?? []) {
      const key = `${spec.profile}:${info.type}`;
      if (seen.has(key) || info.path.includes("$") || !/^[A-Za-z_][\w.]*$/.test(info.path)) continue;
      seen.add(key);
      out.push({ profile: spec.profile, endpoint: spec.id, type: info.type, field: info.path });
    }
  }
  return out;
}

const shape = (source: string, endpoint: string) =>
  checkFilter(source, { endpoint, now: NOW }).diagnostics.map((d) => `${d.severity}:${d.code}`);

describe("every operator under not, on every catalog profile", () => {
  const table = samples();

  it("covers every profile, and every field type somewhere", () => {
    expect(new Set(table.map((s) => s.profile))).toEqual(new Set(["backlinks", "labs", "content_analysis", "on_page", "generic"]));
    expect(new Set(table.map((s) => s.type))).toEqual(new Set(FIELD_TYPES));
  });

  for (const { profile, endpoint, type, field } of table) {
    it(`${profile} ${type} (${endpoint} ${field})`, () => {
      for (const op of OPERATORS) {
        const operand = operandFor(type, op);
        const negated = `not (${field} ${op} ${operand})`;
        const sent = `${field} ${COMPLEMENT[op]} ${operandFor(type, COMPLEMENT[op])}`;
        expect({ negated, diagnostics: shape(negated, endpoint) }).toEqual({ negated, diagnostics: shape(sent, endpoint) });
        const result = checkFilter(negated, { endpoint, now: NOW });
        expect(result.ok ? result.value?.[1] : COMPLEMENT[op]).toBe(COMPLEMENT[op]);
      }
    });
  }
});

describe("rewrites send only operators the checks allowed", () => {
  it("does not merge booleans into an `in` a boolean field does not take", () => {
    const out = compileFilter("dofollow = true or dofollow = false", { endpoint: "backlinks/backlinks", optimize: true });
    expect(out).toEqual([["dofollow", "=", true], "or", ["dofollow", "=", false]]);
  });

  it("still merges where the endpoint takes `in`", () => {
    const out = compileFilter('domain_from = "a.com" or domain_from = "b.com"', { endpoint: "backlinks/backlinks", optimize: true });
    expect(out).toEqual(["domain_from", "in", ["a.com", "b.com"]]);
  });

  it("does not merge time values into an `in` the docs dispute", () => {
    const out = compileFilter("first_seen = 2024-01-01 or first_seen = 2024-02-01", {
      endpoint: "backlinks/backlinks",
      optimize: true,
      now: NOW,
    });
    expect(JSON.stringify(out)).not.toContain('"in"');
  });
});
