import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkFilter, compileFilter } from "../../src/compile.js";
import { printFilter } from "../../src/print/print-filter.js";

/* One expression that uses most constructs at once, compiled, printed and compiled again. */

const source = readFileSync(new URL("../fixtures/kitchen-sink.dfsq", import.meta.url), "utf8");
const options = { now: "2024-06-15T12:00:00Z", maxConditions: 16 };

describe("kitchen sink", () => {
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
    expect(r.diagnostics.map((d) => d.code)).toEqual(["operator_alias", "operator_alias", "too_many_conditions"]);
  });
});
