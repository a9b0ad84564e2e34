import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkFilter, checkOrderBy, compileFilter, compileOrderBy } from "../../src/compile.js";
import { DiagnosticBag } from "../../src/diagnostics/diagnostic.js";
import { emit } from "../../src/lower/lowered.js";
import { lowerFilter } from "../../src/lower/lower.js";
import { Clock } from "../../src/values/time.js";
import { DEFAULT_LIMITS } from "../../src/options.js";
import { printFilter, printOrderBy } from "../../src/print/print-filter.js";
import { readFilter } from "../../src/arrays/read.js";
import type { FilterParam } from "../../src/catalog/endpoints.js";
import { expectOnlyDfsqError } from "../helpers/errors.js";
import { EXAMPLE_TYPOS } from "../../scripts/catalogs.js";

/*
 * The docs' own examples (data/dataforseo/examples.json): every valid one prints and recompiles
 * to its canonical form and type-checks against its endpoint with no errors, except the docs'
 * known typos, asserted here by name; every malformed one yields diagnostics, not a crash.
 */

interface Example {
  endpoint: string;
  param: string;
  value: unknown;
  raw: string;
  source: string;
}

const examples = JSON.parse(readFileSync(new URL("../../data/dataforseo/examples.json", import.meta.url), "utf8")) as Example[];
const valid = examples.filter((e) => e.value !== null);
const malformed = examples.filter((e) => e.value === null);

/** Typos in DataForSEO's examples: dfsq reports each as unknown_field (the generator never takes them as fields). */
const TYPOS: readonly string[] = EXAMPLE_TYPOS;
/** Examples whose value holds an operator that does not exist ("≥" for ">="). */
const BAD_OPERATOR = (e: Example) => JSON.stringify(e.value).includes("≥");

/** The docs once write the parameter in the singular. */
const paramOf = (e: Example): FilterParam =>
  e.param === "initial_dataset_filter" ? "initial_dataset_filters" : e.param === "order_by" ? "filters" : (e.param as FilterParam);

function canonical(value: unknown): unknown {
  const bag = new DiagnosticBag("");
  const ast = readFilter(value, { bag, limits: DEFAULT_LIMITS });
  return emit(lowerFilter(ast!, { bag, clock: new Clock(0) }), "binary");
}

describe("docs examples", () => {
  it("has both valid and malformed examples", () => {
    expect(valid.length).toBeGreaterThan(300);
    expect(malformed.length).toBeGreaterThan(10);
  });

  const filters = valid.filter((e) => e.param !== "order_by" && !BAD_OPERATOR(e));
  const orderBys = valid.filter((e) => e.param === "order_by");

  it.each(filters.map((e) => [`${e.endpoint} ${e.param} ${JSON.stringify(e.value)}`, e] as const))(
    "%s",
    (_title, e) => {
      const text = printFilter(e.value);
      const compiled = compileFilter(text);
      expect(compiled).toEqual(canonical(e.value));
      const r = checkFilter(text, { endpoint: e.endpoint, param: paramOf(e) });
      const isTypo = (d: (typeof r.diagnostics)[number]) =>
        d.code === "unknown_field" && TYPOS.includes(text.slice(d.span.start, d.span.end));
      const errors = r.diagnostics.filter((d) => d.severity === "error" && !isTypo(d));
      expect(errors.map((d) => d.message)).toEqual([]);
    },
  );

  it.each(orderBys.map((e) => [`${e.endpoint} ${JSON.stringify(e.value)}`, e] as const))("order_by %s", (_title, e) => {
    const text = printOrderBy(e.value);
    expect(compileOrderBy(text)).toEqual(e.value);
    const r = checkOrderBy(text, { endpoint: e.endpoint });
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  });

  it("flags the known typos by name", () => {
    const typoed = filters.filter((e) => TYPOS.some((t) => JSON.stringify(e.value).includes(`"${t}"`)));
    expect(typoed.length).toBeGreaterThanOrEqual(4);
    const flagged = new Set<string>();
    for (const e of typoed) {
      const text = printFilter(e.value);
      const r = checkFilter(text, { endpoint: e.endpoint, param: paramOf(e) });
      for (const d of r.diagnostics) if (d.code === "unknown_field") flagged.add(text.slice(d.span.start, d.span.end));
    }
    expect([...flagged].filter((f) => TYPOS.includes(f)).toSorted()).toEqual([...TYPOS].toSorted());
  });

  it("keeps canonical examples exactly", () => {
    const canonicalOnes = filters.filter((e) => JSON.stringify(canonical(e.value)) === JSON.stringify(e.value));
    expect(canonicalOnes.length).toBeGreaterThan(150);
    for (const e of canonicalOnes) expect(compileFilter(printFilter(e.value))).toEqual(e.value);
  });

  it("refuses the example with a non-operator, naming it", () => {
    const bad = valid.filter(BAD_OPERATOR);
    expect(bad.length).toBeGreaterThan(0);
    for (const e of bad) expect(() => printFilter(e.value)).toThrow(/"≥" is not a DataForSEO filter operator/);
  });

  it.each(malformed.map((e) => [e.raw.replace(/\s+/g, " "), e] as const))("malformed: %s", (_raw, e) => {
    expect(() => JSON.parse(e.raw)).toThrow(SyntaxError);
    // The printed text is not dfsq, but it must still get diagnostics rather than a crash.
    const r = checkFilter(e.raw, { endpoint: e.endpoint, param: paramOf(e) });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expectOnlyDfsqError(() => compileFilter(e.raw));
  });
});

describe("the seed request", () => {
  const endpoint = "backlinks/referring_domains";
  it("compiles clean", () => {
    const filters = checkFilter("referring_domains > 10", { endpoint });
    const backlinks = checkFilter("dofollow = true", { endpoint, param: "backlinks_filters" });
    const order = checkOrderBy("rank desc", { endpoint });
    expect([filters, backlinks, order].map((r) => r.diagnostics)).toEqual([[], [], []]);
    expect([filters.value, backlinks.value, order.value]).toEqual([
      ["referring_domains", ">", 10],
      ["dofollow", "=", true],
      ["rank,desc"],
    ]);
  });
  it("suggests referring_domains for referring_domain", () => {
    const [d] = checkFilter("referring_domain > 10", { endpoint }).diagnostics;
    expect(d?.code).toBe("unknown_field");
    expect(d?.suggestions?.[0]).toBe("referring_domains");
  });
});
