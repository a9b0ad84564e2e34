import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, NO_RETRY, backoffDelay, resolveRetry } from "../../src/client/retry.js";

describe("retry policy", () => {
  it("defaults to 3 retries from 1 s, capped at 30 s, no maybe-charged POST, Retry-After up to 60 s, 40202 after 60 s", () => {
    expect(resolveRetry(undefined)).toEqual({ retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, maybeCharged: false, maxRetryAfterMs: 60_000, rateLimitWaitMs: 60_000 });
    expect(resolveRetry(true)).toBe(DEFAULT_RETRY);
    expect(resolveRetry(false)).toBe(NO_RETRY);
    expect(resolveRetry({ retries: 5, maybeCharged: true })).toEqual({ ...DEFAULT_RETRY, retries: 5, maybeCharged: true });
  });

  it("refuses negative or fractional settings", () => {
    expect(() => resolveRetry({ retries: -1 })).toThrow(RangeError);
    expect(() => resolveRetry({ retries: 1.5 })).toThrow(RangeError);
    expect(() => resolveRetry({ baseDelayMs: Number.NaN })).toThrow(RangeError);
    expect(() => resolveRetry({ maxRetryAfterMs: -1 })).toThrow(RangeError);
    expect(() => resolveRetry({ rateLimitWaitMs: "60" as never })).toThrow(RangeError);
    expect(() => resolveRetry({ maybeCharged: "yes" as never })).toThrow(RangeError);
  });

  it("doubles the wait per retry, with half of it random, and caps it", () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});
