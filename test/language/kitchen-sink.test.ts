import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkFilter, compileFilter } from "../../src/compile.js";
import { DiagnosticBag } from "../../src/diagnostics/diagnostic.js";
import { DEFAULT_LIMITS } from "../../src/options.js";
import { printFilter } from "../../src/print/print-filter.js";
import { OPERATORS, type Expr } from "../../src/syntax/ast.js";
import { parseFilter } from "../../src/syntax/parse.js";

/* One expression that uses most constructs at once, compiled, printed and compiled again. */

const source = readFileSync(new URL("../fixtures/kitchen-sink.dfsq", import.meta.url), "utf8");
const options = { now: "2024-06-15T12:00:00Z", maxConditions: 64 };

/** Every node kind, operator, and value form the expression holds. */
function constructs(expr: Expr, out = new Set<string>()): Set<string> {
  switch (expr.kind) {
    case "chain":
      out.add(`chain ${expr.op}`);
      for (const operand of expr.operands) constructs(operand, out);
      break;
    case "not":
      out.add("not");
      constructs(expr.operand, out);
      break;
    case "between":
      out.add(expr.negated ? "not between" : "between");
      break;
    case "bare":
      out.add("bare field");
      break;
    case "condition": {
      out.add(expr.op);
      const operand = expr.operand;
      out.add(operand.kind === "field" ? (operand.explicit === true ? "field reference" : "bare reference") : operand.kind === "time" ? `time ${operand.anchor.kind}` : operand.kind);
      if (expr.field.quoted) out.add("quoted field");
      break;
    }
    case "invalid":
      break;
  }
  return out;
}

describe("kitchen sink", () => {
  it("uses every operator, node kind and value form", () => {
    const bag = new DiagnosticBag(source);
    const { ast } = parseFilter(source, bag, { ...DEFAULT_LIMITS, maxConditions: 64 });
    expect(bag.errorCount).toBe(0);
    const used = constructs(ast!);
    for (const needed of [
      ...OPERATORS,
      "chain and",
      "chain or",
      "not",
      "between",
      "not between",
      "bare field",
      "quoted field",
      "list",
      "string",
      "number",
      "boolean",
      "null",
      "time now",
      "time instant",
      "field reference",
    ]) {
      expect({ needed, used: used.has(needed) }).toEqual({ needed, used: true });
    }
  });

  it("compiles to the expected arrays", () => {
    expect(compileFilter(source, options)).toMatchSnapshot();
  });

  it("prints to text that compiles to the same arrays", () => {
    const compiled = compileFilter(source, options);
    const printed = printFilter(compiled, options);
    expect(printed).toMatchSnapshot();
    expect(compileFilter(printed, options)).toEqual(compiled);
  });

  it("is over the API's limit by default, and says so (and that `||` and `&&` are spelled `or` and `and`)", () => {
    const r = checkFilter(source, { now: options.now });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["operator_alias", "operator_alias", "too_many_conditions", "null_comparison", "null_comparison", "field_reference"]);
  });
});
