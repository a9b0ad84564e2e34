import { describe, it } from "vitest";
import { evaluateTarget, prepareTarget, printTarget, validateTarget } from "../../scripts/fuzz-targets.js";
import { expectTargetHolds } from "./harness.js";

/*
 * The campaign's raw-value targets on the campaign's own inputs, hostile JavaScript values
 * included (cycles, throwing getters and proxy traps, BigInt, huge lists), bounded for CI.
 */

describe("fuzz: raw values", () => {
  it("printFilter / printOrderBy: only DfsqError, and they accept what validation accepts, as text that compiles to it", () => {
    expectTargetHolds(printTarget(), 800);
  });

  it("validateFilter / validateOrderBy: never throw, diagnostics name a path, idempotent", () => {
    expectTargetHolds(validateTarget(), 800);
  });

  it("evaluateFilter / compileMatcher / matchItems: only DfsqError, matchers never throw, all three agree", () => {
    expectTargetHolds(evaluateTarget(), 800);
  });

  it("the client's prepareTask: only DfsqError, and what it sends re-validates", () => {
    expectTargetHolds(prepareTarget(), 800);
  });
});
