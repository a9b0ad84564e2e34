import { describe, it } from "vitest";
import { oracleTarget, re2Target } from "../../scripts/fuzz-targets.js";
import { expectTargetHolds } from "./harness.js";

/* The campaign's comparisons with independent implementations, bounded for CI. */

describe("fuzz: against independent implementations", () => {
  it("dfsq/eval agrees with the oracle evaluator written from docs/semantics.md", () => {
    expectTargetHolds(oracleTarget(), 1500);
  });

  it("the RE2 checker agrees with re2js, and its size estimate is never below re2js's program", () => {
    expectTargetHolds(re2Target(), 1500);
  });
});
