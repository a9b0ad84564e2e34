import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../src/client/clock.js";
import { CallsPerWindow } from "../../src/client/rate-limit.js";
import { Semaphore } from "../../src/client/semaphore.js";

describe("Semaphore", () => {
  it("grants up to max permits, then queues in arrival order", async () => {
    const s = new Semaphore(2);
    const a = await s.acquire();
    await s.acquire();
    const order: string[] = [];
    const c = s.acquire().then((release) => {
      order.push("c");
      return release;
    });
    const d = s.acquire().then(() => order.push("d"));
    await Promise.resolve();
    expect(s.held).toBe(2);
    expect(order).toEqual([]);
    a();
    (await c)();
    await d;
    expect(order).toEqual(["c", "d"]);
  });

  it("a release is counted once, however often it is called", async () => {
    const s = new Semaphore(1);
    const release = await s.acquire();
    release();
    release();
    expect(s.held).toBe(0);
    await s.acquire();
    expect(s.held).toBe(1);
  });

  it("an abort while waiting rejects and leaves the queue", async () => {
    const s = new Semaphore(1);
    const release = await s.acquire();
    const controller = new AbortController();
    const waiting = s.acquire(controller.signal);
    controller.abort(new Error("gone"));
    await expect(waiting).rejects.toThrow("gone");
    release();
    expect(s.held).toBe(0);
  });

  it("refuses a max that is not a positive integer", () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
    expect(() => new Semaphore(1.5)).toThrow(RangeError);
  });
});

describe("CallsPerWindow", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it("lets `limit` calls through at once and holds the next until the oldest leaves the window", async () => {
    const limiter = new CallsPerWindow(3, 60_000, systemClock);
    for (let i = 0; i < 3; i++) await limiter.acquire();
    let fourth = false;
    const pending = limiter.acquire().then(() => (fourth = true));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(fourth).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(fourth).toBe(true);
  });

  it("slides: calls spread over the window free their slots one by one", async () => {
    const limiter = new CallsPerWindow(2, 1000, systemClock);
    await limiter.acquire(); // t=0
    await vi.advanceTimersByTimeAsync(400);
    await limiter.acquire(); // t=400
    const started: number[] = [];
    const third = limiter.acquire().then(() => started.push(Date.now()));
    const fourth = limiter.acquire().then(() => started.push(Date.now()));
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all([third, fourth]);
    expect(started).toEqual([1000, 1400]);
  });

  it("an abort while waiting rejects", async () => {
    const limiter = new CallsPerWindow(1, 60_000, systemClock);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error("gone"));
    await expect(waiting).rejects.toThrow("gone");
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => new CallsPerWindow(0)).toThrow(RangeError);
  });
});
