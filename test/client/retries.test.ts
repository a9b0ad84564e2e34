import { describe, expect, it, vi } from "vitest";
import { createClient, HttpError, NetworkError, type ClientOptions, type RetryNotice } from "../../src/client/index.js";
import { LOGIN, PASSWORD, useFakeDataForSeo } from "./fake-dataforseo.js";

/*
 * When the client calls again, and when it must not: 429 and its Retry-After, the 40202 minute
 * window, DNS failures, and answers cut off mid-body (most likely run and charged). Waits go
 * through a clock that records them and returns at once; nothing here asserts on time.
 */

const server = useFakeDataForSeo();

/** A clock whose sleeps return at once and move time on, recording each wait. Starts at a real date, for HTTP-dates. */
function steppingClock(start = Date.parse("2025-03-01T12:00:00Z")) {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: {
      now: () => now,
      sleep: (ms: number) => {
        sleeps.push(ms);
        now += ms;
        return Promise.resolve();
      },
    },
  };
}

/** A clock whose time moves only when the test says; sleeps end when time reaches them. */
function manualClock() {
  let now = 0;
  let sleepers: { until: number; ms: number; wake: () => void }[] = [];
  return {
    /** The waits asked for and not yet over. */
    waits: () => sleepers.map((s) => s.ms),
    advance(ms: number) {
      now += ms;
      const due = sleepers.filter((s) => s.until <= now);
      sleepers = sleepers.filter((s) => s.until > now);
      for (const s of due) s.wake();
    },
    clock: {
      now: () => now,
      sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ until: now + ms, ms, wake })),
    },
  };
}

function client(options: Partial<ClientOptions> = {}) {
  return createClient({ login: LOGIN, password: PASSWORD, baseUrl: server.baseUrl, timeoutMs: 10_000, ...options });
}

const TASK = { target: "dataforseo.com", where: "backlinks > 100" } as const;
const live = (options: Partial<ClientOptions> = {}) => client(options).live("backlinks/referring_domains", TASK);

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe("HTTP 429", () => {
  it("is retried after the Retry-After seconds", async () => {
    const { clock, sleeps } = steppingClock();
    server.next({ kind: "too-many", retryAfter: "7" });
    const r = await live({ clock });
    expect(r.attempts).toBe(2);
    expect(sleeps).toEqual([7000]);
  });

  it("is retried after a Retry-After HTTP-date, counted from the client's clock", async () => {
    const { clock, sleeps } = steppingClock(Date.parse("2025-03-01T12:00:00Z"));
    server.next({ kind: "too-many", retryAfter: "Sat, 01 Mar 2025 12:00:12 GMT" });
    expect((await live({ clock })).attempts).toBe(2);
    expect(sleeps).toEqual([12_000]);
  });

  it("a date already past: retried at once", async () => {
    const { clock, sleeps } = steppingClock(Date.parse("2025-03-01T12:00:00Z"));
    server.next({ kind: "too-many", retryAfter: "Sat, 01 Mar 2025 11:00:00 GMT" });
    expect((await live({ clock })).attempts).toBe(2);
    expect(sleeps).toEqual([0]);
  });

  it("without Retry-After (or an unreadable one): exponential back-off", async () => {
    const { clock, sleeps } = steppingClock();
    server.next({ kind: "too-many" }, { kind: "too-many", retryAfter: "soon" });
    expect((await live({ clock, retry: { baseDelayMs: 100 } })).attempts).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(50);
    expect(sleeps[0]).toBeLessThanOrEqual(100);
    expect(sleeps[1]).toBeGreaterThanOrEqual(100);
    expect(sleeps[1]).toBeLessThanOrEqual(200);
  });

  it("a Retry-After past maxRetryAfterMs ends the retries: HttpError with retryAfterMs", async () => {
    const { clock, sleeps } = steppingClock();
    server.next({ kind: "too-many", retryAfter: "3600" });
    const error = await failure(live({ clock }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3_600_000, retryable: true, attempts: 1 });
    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);

    server.reset();
    server.next({ kind: "too-many", retryAfter: "3600" });
    expect((await live({ clock, retry: { maxRetryAfterMs: 3_600_000 } })).attempts).toBe(2);
  });
});

describe("40202 rate limit", () => {
  it("waits for the minute window to pass, not a second", async () => {
    const { clock, sleeps } = steppingClock();
    server.next({ kind: "status", code: 40202, message: "The rate-limit per minute has been exceeded." });
    expect((await live({ clock })).attempts).toBe(2);
    expect(sleeps).toEqual([60_000]);
  });

  it("holds every call of the client for the window, not only the refused one", async () => {
    const manual = manualClock();
    const dfs = client({ clock: manual.clock });
    server.next({ kind: "status", code: 40202, message: "The rate-limit per minute has been exceeded." });
    const first = dfs.live("backlinks/referring_domains", TASK);
    await vi.waitFor(() => expect(manual.waits()).toEqual([60_000]));
    const second = dfs.live("backlinks/referring_domains", TASK);
    // The second call waits for the rest of the window before it is sent.
    await vi.waitFor(() => expect(manual.waits()).toEqual([60_000, 60_000]));
    expect(server.requests).toHaveLength(1);
    manual.advance(60_000);
    await Promise.all([first, second]);
    expect(server.requests).toHaveLength(3);
  });
});

/** A fetch that fails as Node's does when DNS answers (or cannot answer) for the host. */
function dnsFailure(code: string) {
  let calls = 0;
  const fetch = () => {
    calls++;
    return Promise.reject(new TypeError("fetch failed", { cause: Object.assign(new Error(`getaddrinfo ${code} api.example`), { code }) }));
  };
  return { fetch, calls: () => calls };
}

describe("network failures", () => {
  it("ENOTFOUND (no such host) is not retried", async () => {
    const { fetch, calls } = dnsFailure("ENOTFOUND");
    const error = await failure(client({ fetch, retry: { baseDelayMs: 1 } }).get("/v3/backlinks/available_filters"));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "ENOTFOUND", retryable: false, attempts: 1 });
    // The platform's error is kept (a redacted copy) as the cause, for debugging.
    expect((error as NetworkError).cause).toMatchObject({ name: "TypeError", message: "fetch failed", cause: { code: "ENOTFOUND" } });
    expect(calls()).toBe(1);
  });

  it("EAI_AGAIN (the resolver could not answer) is retried", async () => {
    const { fetch, calls } = dnsFailure("EAI_AGAIN");
    const error = await failure(client({ fetch, retry: { retries: 2, baseDelayMs: 1 } }).get("/v3/backlinks/available_filters"));
    expect(error).toMatchObject({ code: "EAI_AGAIN", retryable: true, attempts: 3 });
    expect(calls()).toBe(3);
  });
});

describe("an answer cut off mid-body", () => {
  it("a live POST is not retried: the task most likely ran and was charged; what arrived is kept", async () => {
    server.next({ kind: "cut-off" });
    const error = await failure(live({ retry: { baseDelayMs: 1 } }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ partial: true, attempts: 1 });
    expect((error as NetworkError).body).toMatch(/^\{"version":/);
    expect(server.requests).toHaveLength(1);
  });

  it("retry.maybeCharged: retried", async () => {
    server.next({ kind: "cut-off" });
    expect((await live({ retry: { baseDelayMs: 1, maybeCharged: true } })).attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it("a GET (free) is retried", async () => {
    server.next({ kind: "cut-off" });
    await client({ retry: { baseDelayMs: 1 } }).get("/v3/backlinks/available_filters");
    expect(server.requests).toHaveLength(2);
  });
});

describe("onRetry", () => {
  it("is told of each retry before its wait: the call that failed, why, the wait and what it is based on", async () => {
    const { clock } = steppingClock();
    const notices: RetryNotice[] = [];
    server.next({ kind: "http", status: 500 }, { kind: "too-many", retryAfter: "2" }, { kind: "status", code: 40202, message: "rate" });
    const r = await live({ clock, onRetry: (n) => notices.push(n) });
    expect(r.attempts).toBe(4);
    expect(notices.map((n) => [n.attempt, n.maxAttempts, n.wait, n.error.name])).toEqual([
      [1, 4, "backoff", "HttpError"],
      [2, 4, "retry-after", "HttpError"],
      [3, 4, "rate-limit", "ApiError"],
    ]);
    expect(notices.map((n) => n.delayMs).slice(1)).toEqual([2000, 60_000]);
    expect(notices[0]).toMatchObject({ method: "POST", url: `${server.baseUrl}/v3/backlinks/referring_domains/live` });
    expect(notices[2]!.error.message).toContain("40202");
  });

  it("a hook that throws does not fail the call", async () => {
    server.next({ kind: "http", status: 500 });
    const r = await live({ retry: { baseDelayMs: 1 }, onRetry: () => {
      throw new Error("logger down");
    } });
    expect(r.attempts).toBe(2);
  });

  it("is not called when nothing is retried", async () => {
    const notices: RetryNotice[] = [];
    server.next({ kind: "task-error", code: 40501, message: "Invalid Field." });
    await failure(live({ onRetry: (n) => notices.push(n) }));
    expect(notices).toEqual([]);
  });
});

describe("User-Agent", () => {
  it("every call says dfsq/<version>", async () => {
    await live();
    await client().get("/v3/backlinks/available_filters");
    expect(server.requests.map((r) => r.userAgent)).toEqual(["dfsq/0.0.0-test", "dfsq/0.0.0-test"]);
  });
});
