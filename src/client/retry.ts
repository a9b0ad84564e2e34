/** When and how long to wait before calling again. */
export interface RetryOptions {
  /** Calls after the first. Default 3. */
  readonly retries?: number;
  /** The first wait, doubled for each retry. Default 1000 ms. */
  readonly baseDelayMs?: number;
  /** No wait is longer. Default 30 000 ms. */
  readonly maxDelayMs?: number;
  /**
   * Retry a call that timed out. Default true. A live task that timed out on our side may still
   * have run on DataForSEO's, so its retry can be charged twice; set false to never risk that.
   */
  readonly timeouts?: boolean;
}

export interface RetryPolicy {
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly timeouts: boolean;
}

export const NO_RETRY: RetryPolicy = { retries: 0, baseDelayMs: 0, maxDelayMs: 0, timeouts: false };

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, timeouts: true };

/** `false` turns retries off; an object overrides the defaults it names. */
export function resolveRetry(option: RetryOptions | boolean | undefined): RetryPolicy {
  if (option === false) return NO_RETRY;
  if (option === undefined || option === true) return DEFAULT_RETRY;
  const policy = { ...DEFAULT_RETRY, ...definedOnly(option) };
  for (const key of ["retries", "baseDelayMs", "maxDelayMs"] as const) {
    const value = policy[key];
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`retry.${key} must be a non-negative number, got ${value}`);
  }
  if (!Number.isInteger(policy.retries)) throw new RangeError(`retry.retries must be an integer, got ${policy.retries}`);
  return policy;
}

function definedOnly(option: RetryOptions): Partial<RetryPolicy> {
  return Object.fromEntries(Object.entries(option).filter(([, v]) => v !== undefined)) as Partial<RetryPolicy>;
}

/**
 * The wait before retry number `retry` (0 for the first): exponential, capped at `maxDelayMs`,
 * with "equal jitter" (half fixed, half random) so that clients refused together do not all come
 * back together, yet none comes back at once after a 40202.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
