import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { ArrayExpr } from "../../src/arrays/ast.js";
import { readFilter } from "../../src/arrays/read.js";
import { DiagnosticBag } from "../../src/diagnostics/diagnostic.js";
import { DEFAULT_LIMITS } from "../../src/options.js";
import { filterArray } from "../arbitraries/filters.js";

/* What the array reader makes is the narrower AST of src/arrays/ast.ts, in its type and in fact. */

const EXPR_KINDS = new Set(["chain", "condition"]);
const OPERAND_KINDS = new Set(["number", "string", "boolean", "null", "list", "field"]);

/** Every node kind in `expr` that an array cannot say. */
function outsideArrays(expr: ArrayExpr): string[] {
  if (!EXPR_KINDS.has(expr.kind)) return [expr.kind];
  if (expr.kind === "chain") return expr.operands.flatMap(outsideArrays);
  const operand = expr.operand;
  const items = operand.kind === "list" ? operand.items : [];
  return [operand, ...items].map((node) => node.kind).filter((kind) => !OPERAND_KINDS.has(kind));
}

const read = (value: unknown) => readFilter(value, { bag: new DiagnosticBag(""), limits: DEFAULT_LIMITS });

describe("the array reader's AST", () => {
  it("is typed as the arrays' AST: no not, between, bare field, time or invalid node", () => {
    expectTypeOf(readFilter).returns.toEqualTypeOf<ArrayExpr | undefined>();
  });

  it("holds only groups, conditions and JSON operands, for valid arrays", () => {
    fc.assert(
      fc.property(filterArray(), (value) => {
        const expr = read(value);
        expect(expr).toBeDefined();
        expect(outsideArrays(expr!)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("holds only those for anything JSON, where it reads at all", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const expr = read(value);
        expect(expr === undefined ? [] : outsideArrays(expr)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
