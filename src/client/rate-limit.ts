import { systemClock, type Clock } from "./clock.js";

/**
 * At most `limit` calls in any window of `windowMs` (a sliding log of start times). DataForSEO
 * allows 2000 calls a minute, GET and POST together (filters-spec.md section 6); going over
 * earns 40202 for the calls past it, so waiting here is cheaper than being refused.
 */
export class CallsPerWindow {
  readonly limit: number;
  readonly windowMs: number;
  readonly #clock: Clock;
  /** Start times of the calls in the current window, oldest first. */
  readonly #starts: number[] = [];
  /** No call starts before this time (set after the API refused a call for the rate). */
  #heldUntil = -Infinity;

  constructor(limit: number, windowMs = 60_000, clock: Clock = systemClock) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`maxCallsPerMinute must be a positive integer, got ${limit}`);
    this.limit = limit;
    this.windowMs = windowMs;
    this.#clock = clock;
  }

  /**
   * Starts no call before `time`: the API said the rate was exceeded (40202), so every call of
   * this client waits for the window, not only the refused one.
   */
  holdUntil(time: number): void {
    this.#heldUntil = Math.max(this.#heldUntil, time);
  }

  /** Resolves when one more call fits in the window (and no hold is on), and counts it. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const now = this.#clock.now();
      if (now < this.#heldUntil) {
        await this.#clock.sleep(this.#heldUntil - now, signal);
        continue;
      }
      while (this.#starts.length > 0 && this.#starts[0]! <= now - this.windowMs) this.#starts.shift();
      if (this.#starts.length < this.limit) {
        this.#starts.push(now);
        return;
      }
      await this.#clock.sleep(this.#starts[0]! + this.windowMs - now, signal);
    }
  }
}
