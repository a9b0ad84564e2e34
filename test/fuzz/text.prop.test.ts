import { describe, it } from "vitest";
import { assistTarget, compileTextTarget, formatTarget, orderByTextTarget, templateTarget } from "../../scripts/fuzz-targets.js";
import { expectTargetHolds } from "./harness.js";

/*
 * The campaign's text targets, on the campaign's own inputs (hostile options, large inputs
 * included), bounded for CI: npm run fuzz runs them for as long as asked.
 */

describe("fuzz: text entry points", () => {
  it("checkFilter / compileFilter: spans in range, validate(compile(x)) = compile(x), print and compile are inverses", () => {
    expectTargetHolds(compileTextTarget(), 1500);
  });

  it("checkOrderBy / compileOrderBy: the same for order-bys", () => {
    expectTargetHolds(orderByTextTarget(), 1500);
  });

  it("analyze / complete / hover: never throw but DfsqError for a bad offset, ranges inside the text, analyze agrees with the compiler", () => {
    expectTargetHolds(assistTarget(), 1500);
  });

  it("filter`` / orderBy``: only DfsqError, and what compiles re-validates", () => {
    expectTargetHolds(templateTarget(), 1000);
  });

  it("formatDiagnostics: no control character of the source reaches the output", () => {
    expectTargetHolds(formatTarget(), 1000);
  });
});
