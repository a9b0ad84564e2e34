import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFilter, checkOrderBy, compileFilter, compileOrderBy } from "../src/compile.js";
import { printFilter, printOrderBy } from "../src/print/print-filter.js";
import { edited } from "./arbitraries/edits.js";
import { expectSpanInside } from "./helpers/diagnostics.js";
import { expectOnlyDfsqError } from "./helpers/errors.js";

/*
 * Bad input always gets diagnostics: never a crash, a hang or a stack overflow. Inputs are
 * arbitrary strings, valid expressions with random edits, and arbitrary JSON for the printer.
 */

const VALID = [
  'referring_domains > 10 and (domain like "%seo%" or rank > 200)',
  "f between now - 7d and today and not (g in (1, 2) or h is null)",
  '`odd name` not in ["a", \'b\'] || !x && y ~ "^a\\\\d"',
  "1.rank > 1.5 and first_seen > 2024-01-31T10:00:00+02:00",
  "a = b and c <> -3e2",
];
const SIGNIFICANT = [..."()[]\"'`\\,.-+=<>!~&| \n\t", "and", "or", "not", "in", "between", "is", "null", "now", "7d", "“", "\u0000", "é"];

const mutated = edited(fc.constantFrom(...VALID), fc.oneof(fc.constantFrom(...SIGNIFICANT), fc.string({ maxLength: 3 })), {
  minEdits: 1,
  maxEdits: 6,
  maxDelete: 3,
});

const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ maxLength: 60, unit: "binary" }),
  fc.array(fc.constantFrom(...SIGNIFICANT, "a", "1", "x.y"), { maxLength: 40 }).map((parts) => parts.join("")),
  mutated,
);

function assertWellBehaved(source: string) {
  for (const r of [checkFilter(source, { now: 0 }), checkOrderBy(source)]) {
    for (const d of r.diagnostics) expectSpanInside(source, d);
    expect(r.ok).toBe(r.value !== undefined);
    expect(r.ok).toBe(!r.diagnostics.some((d) => d.severity === "error"));
  }
  for (const compile of [compileFilter, compileOrderBy]) expectOnlyDfsqError(() => compile(source, { now: 0 }));
}

describe("robustness", () => {
  it("checkFilter and checkOrderBy return, with spans inside the input", () => {
    fc.assert(fc.property(anyText, assertWellBehaved), { numRuns: 3000 });
  });

  it("valid expressions with random edits get diagnostics, never exceptions", () => {
    fc.assert(fc.property(mutated, assertWellBehaved), { numRuns: 3000 });
  });

  it("every error diagnostic carries a code, a message and a span", () => {
    fc.assert(
      fc.property(mutated, (source) => {
        for (const d of checkFilter(source, { now: 0 }).diagnostics) {
          expect(d.code).toMatch(/^[a-z_]+$/);
          expect(d.message.length).toBeGreaterThan(0);
          expect(typeof d.span.start).toBe("number");
        }
      }),
      { numRuns: 500 },
    );
  });

  it("the printers throw nothing but DfsqError on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        for (const print of [printFilter, printOrderBy]) expectOnlyDfsqError(() => print(value));
      }),
      { numRuns: 3000 },
    );
  });

  it("pathological inputs end quickly in diagnostics", () => {
    const cases = [
      "(".repeat(16_000),
      "not ".repeat(4000),
      `f in (${"1,".repeat(5000)}1)`,
      `a = "${"\\".repeat(16_000)}`,
      '"'.repeat(16_000),
      "`".repeat(16_000),
      `${"a and ".repeat(2000)}a`,
      "1.".repeat(8000),
      "2024-".repeat(3000),
      "\u0000".repeat(16_000),
    ];
    for (const source of cases) assertWellBehaved(source);
  });
});
