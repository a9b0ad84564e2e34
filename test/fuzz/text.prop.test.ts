import { describe, it } from "vitest";
import { assistTarget, compileTextTarget, templateTarget } from "../../scripts/fuzz-targets.js";
import { expectTargetHolds } from "./harness.js";

/*
 * The campaign's text targets, bounded for CI (npm run fuzz runs them for as long as asked, on
 * hostile options and huge inputs too). Not here, because they fail today: checkOrderBy (a
 * backquoted sort field with a line break compiles to what validateOrderBy refuses) and
 * formatDiagnostics (it copies control characters from the source to the terminal), both in
 * issue 12.
 */

describe("fuzz: text entry points", () => {
  it("checkFilter / compileFilter: spans in range, validate(compile(x)) = compile(x), print and compile are inverses", () => {
    expectTargetHolds(compileTextTarget(true), 1000);
  });

  it("analyze / complete / hover: never throw, ranges inside the text, analyze agrees with the compiler", () => {
    expectTargetHolds(assistTarget(true), 1000);
  });

  it("filter`` / orderBy``: only DfsqError, and what compiles re-validates", () => {
    expectTargetHolds(templateTarget(true), 500);
  });
});
