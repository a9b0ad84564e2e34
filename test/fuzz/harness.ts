import fc from "fast-check";
import { expect } from "vitest";
import type { Target } from "../../scripts/fuzz-targets.js";

/**
 * A fuzz target of the campaign (scripts/fuzz-targets.ts) as a property: on each of `runs`
 * inputs it must find no wrong result, and no entry point may throw what it must not (a `Crash`
 * fails the property with its message).
 */
export function expectTargetHolds<I>(target: Target<I>, runs: number): void {
  fc.assert(
    fc.property(target.input, (input) => {
      expect(target.run(input)).toEqual([]);
    }),
    { numRuns: runs },
  );
}
