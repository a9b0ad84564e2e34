import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, NO_RETRY, backoffDelay, resolveRetry } from "../../src/client/retry.js";

describe("retry policy", () => {
  it("defaults to 3 retries from 1 s, capped at 30 s, timeouts included; false turns it off", () => {
    expect(resolveRetry(undefined)).toEqual({ retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, timeouts: true });
    expect(resolveRetry(true)).toBe(DEFAULT_RETRY);
    expect(resolveRetry(false)).toBe(NO_RETRY);
    expect(resolveRetry({ retries: 5, timeouts: false })).toEqual({ ...DEFAULT_RETRY, retries: 5, timeouts: false });
  });

  it("refuses negative or fractional settings", () => {
    expect(() => resolveRetry({ retries: -1 })).toThrow(RangeError);
    expect(() => resolveRetry({ retries: 1.5 })).toThrow(RangeError);
    expect(() => resolveRetry({ baseDelayMs: Number.NaN })).toThrow(RangeError);
  });

  it("doubles the wait per retry, with half of it random, and caps it", () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});
