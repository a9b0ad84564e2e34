/**
 * At most `max` holders at once; the rest wait in arrival order. DataForSEO allows 30
 * simultaneous Backlinks requests (filters-spec.md section 6), so the client holds one permit per
 * call in flight.
 */
export class Semaphore {
  readonly max: number;
  #held = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxConcurrent must be a positive integer, got ${max}`);
    this.max = max;
  }

  /** Permits in use now. */
  get held(): number {
    return this.#held;
  }

  /**
   * Waits for a permit and returns the function that gives it back (call it exactly once). An
   * abort while waiting rejects with the signal's reason and leaves the queue as it was.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#held < this.max) {
      this.#held++;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        this.#held++;
        resolve(this.#releaser());
      };
      const onAbort = () => {
        const at = this.#waiting.indexOf(grant);
        if (at >= 0) this.#waiting.splice(at, 1);
        reject(signal?.reason);
      };
      this.#waiting.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#held--;
      this.#waiting.shift()?.();
    };
  }
}
