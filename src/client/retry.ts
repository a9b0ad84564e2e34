import { ApiError, HttpError, NetworkError, TimeoutError, type ClientError } from "./errors.js";
import { isWindowRateLimit } from "./status-codes.js";

/** When and how long to wait before calling again. */
export interface RetryOptions {
  /** Calls after the first. Default 3. */
  readonly retries?: number;
  /** The first back-off wait, doubled for each retry. Default 1000 ms. */
  readonly baseDelayMs?: number;
  /** No back-off wait is longer. Default 30 000 ms. */
  readonly maxDelayMs?: number;
  /**
   * Retry a POST that may have run and been charged: one that timed out, or whose answer was cut
   * off after it began. Default false: DataForSEO most likely ran the task, and the retry would be
   * a second paid call. GETs (free) are retried after these failures either way.
   */
  readonly maybeCharged?: boolean;
  /**
   * The longest `Retry-After` (HTTP 429 and others) honoured. A server that asks for a longer
   * wait ends the retries, and `HttpError.retryAfterMs` says how long it asked for. Default 60 000 ms.
   */
  readonly maxRetryAfterMs?: number;
  /**
   * The wait after a 40202 ("rate-limit per minute exceeded"), during which the client starts no
   * call at all. Default 60 000 ms: the API counts calls per minute, so the minute must pass.
   */
  readonly rateLimitWaitMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const NO_RETRY: RetryPolicy = { retries: 0, baseDelayMs: 0, maxDelayMs: 0, maybeCharged: false, maxRetryAfterMs: 0, rateLimitWaitMs: 0 };

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maybeCharged: false,
  maxRetryAfterMs: 60_000,
  rateLimitWaitMs: 60_000,
};

const DURATIONS = ["retries", "baseDelayMs", "maxDelayMs", "maxRetryAfterMs", "rateLimitWaitMs"] as const;

/** `false` turns retries off; an object overrides the defaults it names. Throws RangeError for a bad setting. */
export function resolveRetry(option: RetryOptions | boolean | undefined): RetryPolicy {
  if (option === false) return NO_RETRY;
  if (option === undefined || option === true) return DEFAULT_RETRY;
  const policy = { ...DEFAULT_RETRY, ...definedOnly(option) };
  for (const key of DURATIONS) {
    const value = policy[key];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new RangeError(`retry.${key} must be a non-negative number, got ${String(value)}`);
  }
  if (!Number.isInteger(policy.retries)) throw new RangeError(`retry.retries must be an integer, got ${policy.retries}`);
  if (typeof policy.maybeCharged !== "boolean") throw new RangeError(`retry.maybeCharged must be true or false, got ${String(policy.maybeCharged)}`);
  return policy;
}

function definedOnly(option: RetryOptions): Partial<RetryPolicy> {
  return Object.fromEntries(Object.entries(option).filter(([, v]) => v !== undefined)) as Partial<RetryPolicy>;
}

/**
 * The wait before retry number `retry` (0 for the first): exponential, capped at `maxDelayMs`,
 * with "equal jitter" (half fixed, half random) so that clients refused together do not all come
 * back together.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * A `Retry-After` header as a wait in ms from `now`: delay-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`, and the two obsolete forms, all of which start with the
 * weekday); a date already past is 0. Undefined when absent or neither form.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  const text = header?.trim() ?? "";
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** What a retry's wait is based on. */
export type RetryWait =
  /** The server's `Retry-After` header. */
  | "retry-after"
  /** A 40202: the API's per-minute window must pass (`rateLimitWaitMs`). */
  | "rate-limit"
  /** Exponential back-off with jitter. */
  | "backoff";

export interface RetryDecision {
  readonly delayMs: number;
  readonly wait: RetryWait;
}

/**
 * Whether the API may have run (and charged) the call although no answer was read: a timeout
 * (the task may still be running), or an answer cut off after it began.
 */
export function mayHaveRun(error: ClientError): boolean {
  return error instanceof TimeoutError || (error instanceof NetworkError && error.partial);
}

function rateLimited(error: ClientError): boolean {
  const code = error instanceof ApiError ? error.statusCode : error instanceof HttpError ? error.apiStatusCode : undefined;
  return code !== undefined && isWindowRateLimit(code);
}

/**
 * Whether call number `attempt` (1 for the first), which failed with `error`, is tried again,
 * and after what wait; undefined to give up. Only what could succeed on another try is retried
 * (`error.retryable`), never a POST that may have been charged unless `maybeCharged`, and never
 * past the server's `Retry-After` when that is longer than `maxRetryAfterMs`.
 */
export function nextRetry(
  error: ClientError,
  method: "GET" | "POST",
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): RetryDecision | undefined {
  if (!error.retryable || attempt > policy.retries) return undefined;
  if (method === "POST" && mayHaveRun(error) && !policy.maybeCharged) return undefined;
  const retryAfterMs = error instanceof HttpError ? error.retryAfterMs : undefined;
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxRetryAfterMs ? { delayMs: retryAfterMs, wait: "retry-after" } : undefined;
  if (rateLimited(error)) return { delayMs: policy.rateLimitWaitMs, wait: "rate-limit" };
  return { delayMs: backoffDelay(attempt - 1, policy, random), wait: "backoff" };
}
