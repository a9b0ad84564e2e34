import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listEndpoints } from "../../src/catalog/api.js";
import type { FilterParam } from "../../src/catalog/endpoints.js";
import { DfsqError } from "../../src/diagnostics/error.js";
import { filterJsonSchema, orderByJsonSchema } from "../../src/schema/index.js";
import { validateFilter, validateOrderBy } from "../../src/validate/index.js";
import { validatorOf } from "./ajv.js";

/*
 * The JSON Schemas against dfsq's own validator: what dfsq accepts without an error the schema
 * accepts, and what dfsq refuses the schema refuses, except the rules docs/schema.md lists as
 * beyond JSON Schema (tested here too, so that the list stays true).
 */

interface Example {
  readonly endpoint: string;
  readonly param: string;
  readonly value: unknown;
  readonly raw: string;
}

const examples = JSON.parse(readFileSync(new URL("../../data/dataforseo/examples.json", import.meta.url), "utf8")) as Example[];
const paramOf = (e: Example): FilterParam => (e.param === "initial_dataset_filter" ? "initial_dataset_filters" : (e.param as FilterParam));
const errorsOf = (r: { diagnostics: readonly { severity: string; code: string }[] }) => r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);

const shipped = (name: string) => JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), "utf8")) as object;
const filters = validatorOf(shipped("filters.json"));
const orderBy = validatorOf(shipped("order-by.json"));

const typed = new Map<string, (value: unknown) => boolean>();
/** The schema of one endpoint's parameter, compiled once. */
function typedFilters(endpoint: string, param: FilterParam = "filters"): (value: unknown) => boolean {
  const key = `${endpoint} ${param}`;
  let validate = typed.get(key);
  if (validate === undefined) typed.set(key, (validate = validatorOf(filterJsonSchema({ endpoint, param }))));
  return validate;
}

/** Every `pattern` in a schema. */
function patternsOf(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(patternsOf);
  if (typeof schema !== "object" || schema === null) return [];
  return Object.entries(schema).flatMap(([key, value]) => (key === "pattern" && typeof value === "string" ? [value] : patternsOf(value)));
}

describe("every endpoint's schemas", () => {
  const pairs = listEndpoints().flatMap((e) => e.params.map((param) => [e.id, param, e.orderBy && param === "filters"] as const));

  it.each(pairs)("%s %s: its patterns are regular expressions under the u flag validators use", (endpoint, param, sorts) => {
    const patterns = [...patternsOf(filterJsonSchema({ endpoint, param })), ...(sorts ? patternsOf(orderByJsonSchema({ endpoint })) : [])];
    for (const pattern of patterns) expect(() => new RegExp(pattern, "u")).not.toThrow();
  });
});

describe("the shipped schemas", () => {
  it("are draft 2020-12 and compile under ajv's strict mode", () => {
    expect(shipped("filters.json")).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema" });
    expect(shipped("order-by.json")).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema" });
  });
});

describe("DataForSEO's own examples", () => {
  const valid = examples.filter((e) => e.value !== null && e.param !== "order_by");

  it.each(valid.map((e) => [`${e.endpoint} ${e.param} ${JSON.stringify(e.value)}`, e] as const))("%s", (_title, e) => {
    const general = validateFilter(e.value);
    expect(filters(e.value)).toBe(errorsOf(general).length === 0);
    const r = validateFilter(e.value, { endpoint: e.endpoint, param: paramOf(e) });
    // JSON Schema has no warnings: an unknown field on a derived catalog (a warning) is refused.
    const refusedByDfsq = r.diagnostics.some((d) => d.severity === "error" || d.code === "unknown_field");
    expect(typedFilters(e.endpoint, paramOf(e))(e.value)).toBe(!refusedByDfsq);
  });

  it.each(examples.filter((e) => e.value !== null && e.param === "order_by").map((e) => [`${e.endpoint} ${JSON.stringify(e.value)}`, e] as const))(
    "order_by %s",
    (_title, e) => {
      expect(orderBy(e.value)).toBe(true);
      const r = validateOrderBy(e.value, { endpoint: e.endpoint });
      const refusedByDfsq = r.diagnostics.some((d) => d.severity === "error" || d.code === "unknown_field");
      expect(validatorOf(orderByJsonSchema({ endpoint: e.endpoint }))(e.value)).toBe(!refusedByDfsq);
    },
  );

  // The malformed ones are not JSON as printed; read with the bracket the docs lost, some are, and still wrong.
  const malformed = examples.filter((e) => e.value === null);
  const readings = malformed.flatMap((e) =>
    [e.raw, `[${e.raw}`, `${e.raw}]`].flatMap((text) => {
      try {
        return [[text, JSON.parse(text) as unknown] as const];
      } catch {
        return [];
      }
    }),
  );

  it("the malformed ones have readings that are JSON", () => {
    expect(malformed.length).toBeGreaterThan(10);
    expect(readings.length).toBeGreaterThanOrEqual(5);
  });

  it.each(readings)("refuses the malformed %s", (_text, value) => {
    expect(errorsOf(validateFilter(value)).length).toBeGreaterThan(0);
    expect(filters(value)).toBe(false);
  });
});

describe("the general filters schema", () => {
  const bad: readonly (readonly [string, unknown])[] = [
    ["mixed connectives", [["a", "=", 1], "and", ["b", "=", 2], "or", ["c", "=", 3]]],
    ["mixed connectives in a nested group", [["a", "=", 1], "and", [["b", "=", 2], "or", ["c", "=", 3], "and", ["d", "=", 4]]]],
    ["an even-length group", [["a", "=", 1], "and", ["b", "=", 2], "and"]],
    ["a group of one operand and a connective", [["a", "=", 1], "and"]],
    ["a connective at an operand's place", ["and", "and", ["a", "=", 1]]],
    ["an uppercase connective", [["a", "=", 1], "AND", ["b", "=", 2]]],
    ["`in` with a scalar", ["a", "in", 1]],
    ["`not_in` with a string", ["a", "not_in", "x"]],
    ["an empty `in` list", ["a", "in", []]],
    ["null in an `in` list", ["a", "in", [1, null]]],
    ["an unknown operator", ["a", "≥", 1]],
    ["a SQL operator", ["a", "!=", 1]],
    ["a list after `=`", ["a", "=", [1]]],
    ["an object value", ["a", "=", {}]],
    ["a boolean after `>`", ["a", ">", true]],
    ["null after `>`", ["a", ">", null]],
    ["a number after `like`", ["a", "like", 5]],
    ["null after `has`", ["a", "has", null]],
    ["a regex over 1000 characters", ["a", "regex", "a".repeat(1001)]],
    ["an empty field name", ["", "=", 1]],
    ["a field that is not a string", [1, "=", 1]],
    ["a condition of four", ["a", "=", 1, 2]],
    ["a condition of two", ["a", "="]],
    ["the empty array", []],
    ["a wrapped group", [[["a", "=", 1], "and", ["b", "=", 2]]]],
    ["a condition wrapped twice", [[["a", "=", 1]]]],
    ["a wrapped condition inside a group", [[["a", "=", 1]], "and", ["b", "=", 2]]],
    ["a group of nine conditions", Array.from({ length: 17 }, (_, i) => (i % 2 === 1 ? "or" : [`f${i}`, "=", i]))],
    ["an object", { filters: ["a", "=", 1] }],
    ["a string", "rank > 10"],
  ];

  it.each(bad)("refuses %s, as dfsq does", (_name, value) => {
    expect(errorsOf(validateFilter(value)).length).toBeGreaterThan(0);
    expect(filters(value)).toBe(false);
  });

  const good: readonly (readonly [string, unknown])[] = [
    ["a bare condition", ["rank", ">", 10]],
    ["a condition wrapped once", [["rank", ">", 10]]],
    ["a binary group", [["a", "=", 1], "and", ["b", "like", "%x%"]]],
    ["a flat group of eight", Array.from({ length: 15 }, (_, i) => (i % 2 === 1 ? "or" : [`f${i}`, "=", i]))],
    ["nested groups", [["a", "=", 1], "and", [["b", "=", 2], "or", ["c", "in", [1, "x", true]]]]],
    ["`= null` (a warning)", ["a", "=", null]],
    ["a quoted number after `>` (a warning without a catalog, too)", ["a", ">", "10"]],
    ["a field reference (a warning without an endpoint)", ["a", ">", "$item->b"]],
    ["`has` with a number", ["a", "has", 3]],
    ["a regex of 1000 characters", ["a", "regex", "a".repeat(1000)]],
  ];

  it.each(good)("accepts %s, as dfsq does", (_name, value) => {
    expect(errorsOf(validateFilter(value))).toEqual([]);
    expect(filters(value)).toBe(true);
  });

  // What docs/schema.md says JSON Schema cannot check: dfsq refuses these, the schema lets them through.
  const beyond: readonly (readonly [string, unknown, string])[] = [
    ["more than 8 conditions across groups", [Array.from({ length: 9 }, (_, i) => (i % 2 === 1 ? "and" : [`f${i}`, "=", i])), "and", Array.from({ length: 9 }, (_, i) => (i % 2 === 1 ? "and" : [`g${i}`, "=", i]))], "too_many_conditions"],
    ["a pattern RE2 refuses", ["a", "regex", "(?=x)"], "invalid_regex"],
    ["an `in` list over 1000 values (dfsq's cap on hostile input)", ["a", "in", Array.from({ length: 1001 }, (_, i) => i)], "list_too_long"],
  ];

  it.each(beyond)("lets through %s, which dfsq refuses", (_name, value, code) => {
    expect(errorsOf(validateFilter(value))).toContain(code);
    expect(filters(value)).toBe(true);
  });
});

const rd = () => typedFilters("backlinks/referring_domains");

/** The codes of the DfsqError `f` throws. */
function thrownCodes(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    return (e as DfsqError).diagnostics.map((d) => d.code);
  }
  return [];
}

describe("an endpoint's filters schema", () => {

  it.each([
    ["a field of the catalog", ["rank", ">", 10]],
    ["a placeholder path", ["referring_links_tld.com", ">", 10]],
    ["a placeholder path with digits", ["referring_links_types.anchor", ">=", 1]],
    ["a quoted number on a number field (a warning)", ["rank", ">", "10"]],
    ["a time as the API writes it", ["first_seen", ">", "2024-01-31 00:00:00 +00:00"]],
    ["a disputed operator (a warning)", ["first_seen", ">=", "2024-01-31"]],
    ["a string field with like", ["domain", "like", "%seo%"]],
    ["a group", [["rank", ">", 10], "and", ["domain", "in", ["a.com", "b.com"]]]],
  ] as const)("accepts %s", (_name, value) => {
    expect(errorsOf(validateFilter(value, { endpoint: "backlinks/referring_domains" }))).toEqual([]);
    expect(rd()(value)).toBe(true);
  });

  it.each([
    ["an unknown field", ["rnak", ">", 10], "unknown_field"],
    ["a placeholder path without its key", ["referring_links_tld.", ">", 10], "unknown_field"],
    ["a placeholder path with two keys", ["referring_links_tld.co.uk", ">", 10], "unknown_field"],
    ["like on a number field", ["rank", "like", "%1%"], "operator_not_allowed"],
    ["has on a number field", ["rank", "has", 1], "operator_not_allowed"],
    ["text on a number field", ["rank", ">", "ten"], "type_mismatch"],
    ["a boolean on a number field", ["rank", "=", true], "type_mismatch"],
    ["a number on a string field", ["domain", "=", 1], "type_mismatch"],
    ["a number in a string field's list", ["domain", "in", ["a.com", 1]], "type_mismatch"],
    ["a number on a time field", ["first_seen", ">", 1700000000], "type_mismatch"],
    ["a field reference where the endpoint takes none", ["rank", ">", "$item->backlinks"], "field_reference"],
  ] as const)("refuses %s (%s)", (_name, value, code) => {
    const r = validateFilter(value, { endpoint: "backlinks/referring_domains" });
    expect(r.diagnostics.map((d) => d.code)).toContain(code);
    expect(rd()(value)).toBe(false);
  });

  it("lets through a string on a time field that is no date, which dfsq refuses (docs/schema.md)", () => {
    const value = ["first_seen", ">", "2024-02-30"];
    expect(errorsOf(validateFilter(value, { endpoint: "backlinks/referring_domains" }))).toContain("invalid_date");
    expect(rd()(value)).toBe(true);
  });

  it("accepts references to fields of the same type where the endpoint takes them, and no others", () => {
    const endpoint = "dataforseo_labs/google/ranked_keywords";
    const validate = typedFilters(endpoint);
    const same = ["keyword_data.keyword_info.search_volume", ">", "$item->ranked_serp_element.serp_item.etv"];
    const otherType = ["keyword_data.keyword_info.search_volume", ">", "$item->keyword_data.keyword"];
    const unknown = ["keyword_data.keyword_info.search_volume", ">", "$item->nope"];
    expect(errorsOf(validateFilter(same, { endpoint }))).toEqual([]);
    expect(validate(same)).toBe(true);
    expect(errorsOf(validateFilter(otherType, { endpoint }))).toContain("type_mismatch");
    expect(validate(otherType)).toBe(false);
    expect(errorsOf(validateFilter(unknown, { endpoint }))).toContain("unknown_field");
    expect(validate(unknown)).toBe(false);
  });

  it("takes one condition where the endpoint takes one", () => {
    const validate = typedFilters("on_page/redirect_chains");
    expect(validate(["is_redirect_loop", "=", true])).toBe(true);
    expect(validate([["is_redirect_loop", "=", true]])).toBe(true);
    expect(validate([["is_redirect_loop", "=", true], "or", ["is_redirect_loop", "=", false]])).toBe(false);
  });

  it("names the fields as an enum and the placeholder paths as a pattern", () => {
    const schema = filterJsonSchema({ endpoint: "backlinks/referring_domains" }) as { $defs: Record<string, { anyOf?: unknown[] }> };
    expect(schema.$defs["fields.num"]).toMatchObject({
      type: "string",
      anyOf: [{ enum: expect.arrayContaining(["rank", "backlinks"]) }, { pattern: expect.stringContaining("referring_links_tld\\.[^.]+") }],
    });
  });

  it("takes a live catalog", () => {
    const catalog = { rank: "num", domain: "str" };
    const validate = validatorOf(filterJsonSchema({ catalog }));
    expect(validate([["rank", ">", 1], "and", ["domain", "like", "%x%"]])).toBe(true);
    expect(validate(["backlinks", ">", 1])).toBe(false);
  });

  it("follows raised limits, and refuses limits no schema can hold", () => {
    const nine = Array.from({ length: 17 }, (_, i) => (i % 2 === 1 ? "or" : [`f${i}`, "=", i]));
    expect(validatorOf(filterJsonSchema({ maxConditions: 9 }))(nine)).toBe(true);
    expect(validatorOf(orderByJsonSchema({ maxSortRules: 4 }))(["a,asc", "b,asc", "c,asc", "d,asc"])).toBe(true);
    expect(() => filterJsonSchema({ maxConditions: Infinity })).toThrow(RangeError);
    expect(() => filterJsonSchema({ maxConditions: 1.5 })).toThrow(RangeError);
    expect(() => orderByJsonSchema({ maxSortRules: 0 })).toThrow(RangeError);
  });

  it("throws DfsqError for an unknown endpoint or a parameter it does not take", () => {
    expect(() => filterJsonSchema({ endpoint: "backlinks/refering_domains" })).toThrow(DfsqError);
    expect(thrownCodes(() => filterJsonSchema({ endpoint: "backlinks/refering_domains" }))).toEqual(["unknown_endpoint"]);
    expect(thrownCodes(() => filterJsonSchema({ endpoint: "backlinks/backlinks", param: "backlinks_filters" }))).toEqual(["unsupported_parameter"]);
    expect(thrownCodes(() => orderByJsonSchema({ endpoint: "backlinks/summary" }))).toEqual(["unsupported_parameter"]);
  });
});

describe("the order_by schemas", () => {
  it.each([
    ["no rules", []],
    ["four rules (the API takes 3)", ["a,asc", "b,asc", "c,asc", "d,asc"]],
    ["a rule without a direction", ["rank"]],
    ["a direction the API does not know", ["rank,up"]],
    ["a rule without a field", [",asc"]],
    ["a number", [1]],
  ] as const)("the general one refuses %s, as dfsq does", (_name, value) => {
    expect(errorsOf(validateOrderBy(value)).length).toBeGreaterThan(0);
    expect(orderBy(value)).toBe(false);
  });

  it("an endpoint's takes its sortable fields only", () => {
    const endpoint = "backlinks/referring_domains";
    const validate = validatorOf(orderByJsonSchema({ endpoint }));
    for (const [value, ok] of [
      [["rank,desc", "domain,asc"], true],
      [["referring_links_types.anchor,desc"], true],
      [["referring_links_tld.com,desc"], false],
      [["rnak,desc"], false],
    ] as const) {
      const r = validateOrderBy(value, { endpoint });
      expect(r.diagnostics.some((d) => d.severity === "error" || d.code === "unknown_field")).toBe(!ok);
      expect(validate(value)).toBe(ok);
    }
  });

  it("an endpoint's takes its sort keys that are no filter fields", () => {
    // Labs sorts by `relevance`, which no filter takes.
    const endpoint = "dataforseo_labs/google/keyword_ideas";
    expect(errorsOf(validateOrderBy(["relevance,desc"], { endpoint }))).toEqual([]);
    expect(validatorOf(orderByJsonSchema({ endpoint }))(["relevance,desc"])).toBe(true);
  });
});
