import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldsOf } from "../../src/catalog/api.js";
import { checkFilter } from "../../src/compile.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { printFilter } from "../../src/print/print-filter.js";
import { filterJsonSchema } from "../../src/schema/index.js";
import type { FieldType } from "../../src/catalog/endpoints.js";
import { OPERATORS, type Operator } from "../../src/syntax/ast.js";
import { PATTERN_OPERATORS } from "../../src/syntax/operators.js";
import { validateFilter } from "../../src/validate/index.js";
import { filterArray } from "../arbitraries/filters.js";
import { validatorOf } from "./ajv.js";

/*
 * The schemas against dfsq, over generated arrays near the line between valid and not:
 * - sound: whatever dfsq accepts without an error, the schema accepts (in particular everything
 *   the compiler outputs);
 * - complete where it can be: whatever the schema accepts, dfsq refuses only for the reasons
 *   docs/schema.md lists as beyond JSON Schema.
 * Two differences by design: JSON Schema has no warnings, so an unknown field on a derived
 * catalog (a warning) is refused; and a filter that validateFilter rewrites to fit the condition
 * limit (filter_rewritten) is refused as given, since the API would refuse it.
 */

/** dfsq's errors that no JSON Schema here expresses (docs/schema.md). */
const BEYOND_JSON_SCHEMA = new Set(["too_many_conditions", "invalid_regex", "list_too_long", "invalid_date"]);
const REFUSED_BY_DESIGN = new Set(["filter_rewritten", "unknown_field"]);

const ENDPOINTS = [
  undefined,
  "backlinks/referring_domains",
  "dataforseo_labs/google/ranked_keywords",
  "on_page/redirect_chains",
  "domain_analytics/technologies/domains_by_technology",
  // No catalog of its fields, and no references.
  "dataforseo_labs/google/historical_search_volume",
] as const;

/** A field path of the catalog with its placeholders filled in, well or badly. */
function catalogField(endpoint: string | undefined): fc.Arbitrary<string> {
  const known = endpoint === undefined ? [] : fieldsOf(endpoint)!.map((f) => f.path);
  const paths = known.length > 0 ? known : ["rank", "domain", "first_seen"];
  return fc
    .tuple(fc.constantFrom(...paths), fc.constantFrom("com", "1", "x_y", "", "a.b"))
    .map(([path, key]) => path.replaceAll(/\$[a-z_]+/g, key));
}

const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -5, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom("10", " 2.5 ", "true", "false", "2024-01-31", "2024-01-31 00:00:00 +00:00", "%seo%", "seo", "(?=x)", "^a+$", "", "$item->"),
  fc.constantFrom("$item->rank", "$item->keyword_data.keyword_info.search_volume", "$item->keyword_data.keyword", "$item->nope"),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
);

const operator = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...OPERATORS) }, { weight: 1, arbitrary: fc.constantFrom("≥", "==", "AND", "") });

/** Values of a field of type `t`, with near misses. */
function valuesOf(t: FieldType): fc.Arbitrary<unknown> {
  switch (t) {
    case "num":
    case "array.num":
      return fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom("10", " 2.5 ", "1e3", "ten"));
    case "bool":
      return fc.oneof(fc.boolean(), fc.constantFrom("true", "false", "yes"));
    case "time":
      return fc.constantFrom("2024-01-31 00:00:00 +00:00", "2024-01-31", "2024-01-31T10:00:00Z", "last week", "2024-02-30");
    case "str":
    case "array.str":
      return fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("%seo%", "seo", "$item->", "10"));
    default:
      return fc.constant(null);
  }
}

/** A value that suits a field of `type` after `op` (most of the time: the pools hold near misses too). */
function suitedValue(type: FieldType, op: Operator, references: readonly string[]): fc.Arbitrary<unknown> {
  if (op === "in" || op === "not_in") return fc.array(valuesOf(type), { minLength: 1, maxLength: 3 });
  if (op === "regex" || op === "not_regex") return fc.constantFrom("^a+$", "seo|sem", "(?=x)", "a".repeat(1001));
  if (PATTERN_OPERATORS.has(op)) return fc.oneof(fc.string({ maxLength: 6 }), fc.constant("%seo%"));
  const reference = references.length === 0 ? [] : [fc.constantFrom(...references).map((r) => `$item->${r}`)];
  return fc.oneof({ weight: 6, arbitrary: valuesOf(type) }, ...reference.map((arbitrary) => ({ weight: 1, arbitrary })), { weight: 1, arbitrary: fc.constant(null) });
}

function rawCondition(endpoint: string | undefined): fc.Arbitrary<unknown> {
  const field = fc.oneof({ weight: 8, arbitrary: catalogField(endpoint) }, { weight: 1, arbitrary: fc.constantFrom("", "rnak", 7) });
  const operand = fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: fc.array(value, { maxLength: 3 }) });
  const fields = endpoint === undefined ? [] : fieldsOf(endpoint)!;
  const suited = fields.map((f) =>
    fc.constantFrom(...f.operators).chain((op) =>
      fc.tuple(fc.constant(f.path.replaceAll(/\$[a-z_]+/g, "com")), fc.constant(op), suitedValue(f.type, op, fields.filter((g) => g.type === f.type && !g.path.includes("$")).map((g) => g.path))),
    ),
  );
  return fc.oneof(
    { weight: 20, arbitrary: fc.tuple(field, operator, operand) },
    ...(suited.length === 0 ? [] : [{ weight: 40, arbitrary: fc.oneof(...suited) }]),
    { weight: 1, arbitrary: fc.tuple(field, operator) },
    { weight: 1, arbitrary: fc.tuple(field, operator, operand, operand) },
  );
}

/** Groups of 1 to 9 operands, mostly one connective, sometimes mixed or misplaced. */
function rawFilter(endpoint: string | undefined): fc.Arbitrary<unknown> {
  const { node } = fc.letrec<{ node: unknown; group: unknown[] }>((tie) => ({
    node: fc.oneof({ depthSize: "small", withCrossShrink: true }, rawCondition(endpoint), tie("group")),
    group: fc
      .tuple(
        fc.array(tie("node"), { minLength: 1, maxLength: 9 }),
        fc.constantFrom("and", "or"),
        fc.oneof({ weight: 12, arbitrary: fc.constant("none") }, { weight: 1, arbitrary: fc.constantFrom("mixed", "trailing", "swapped", "AND") }),
      )
      .map(([operands, word, flaw]) => {
        const items: unknown[] = operands.flatMap((operand, i) => (i === 0 ? [operand] : [flaw === "mixed" && i === 2 ? (word === "and" ? "or" : "and") : flaw === "AND" ? "AND" : word, operand]));
        if (flaw === "trailing") items.push(word);
        if (flaw === "swapped" && items.length >= 3) [items[0], items[1]] = [items[1], items[0]];
        return items;
      }),
  }));
  return fc.oneof({ weight: 8, arbitrary: node }, { weight: 1, arbitrary: rawCondition(endpoint).map((c) => [c]) }, { weight: 1, arbitrary: fc.constantFrom([], {}, "x", null) });
}

const errorCodes = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "error").map((d) => d.code);

describe.each(ENDPOINTS)("the filters schema of %s", (endpoint) => {
  const accepts = validatorOf(filterJsonSchema({ endpoint }));
  const options = { endpoint };

  it("is sound and, but for what docs/schema.md lists, complete over arrays near the line", () => {
    fc.assert(
      fc.property(rawFilter(endpoint), (raw) => {
        const r = validateFilter(raw, options);
        const errors = errorCodes(r.diagnostics);
        const byDesign = endpoint !== undefined && r.diagnostics.some((d) => REFUSED_BY_DESIGN.has(d.code));
        const schemaAccepts = accepts(raw);
        expect(schemaAccepts || errors.length > 0 || byDesign, "dfsq accepts it, the schema does not").toBe(true);
        expect(schemaAccepts ? errors.filter((code) => !BEYOND_JSON_SCHEMA.has(code)) : [], "the schema accepts it, dfsq does not").toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

// Typed compiler output is generated by dfsq/testing: test/testing/schema.prop.test.ts.
describe("the general filters schema", () => {
  const accepts = validatorOf(filterJsonSchema());
  it("accepts what the compiler outputs", () => {
    fc.assert(
      fc.property(filterArray(8), fc.constantFrom("binary" as const, "flat" as const), (written, chains) => {
        // Arrays as written, printed and compiled: the compiler's output for whatever it accepts.
        const r = checkFilter(printFilter(written), { chains });
        fc.pre(r.ok && !r.diagnostics.some((d) => REFUSED_BY_DESIGN.has(d.code)));
        expect(accepts(r.value)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
