import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { STATUS_CODES, isRetryableHttp, isRetryableStatus, isSuccessStatus } from "../../src/client/status-codes.js";

/** The table is embedded (the client reads no file); this keeps it equal to the vendored facts. */
const FILE = JSON.parse(readFileSync(new URL("../../data/dataforseo/status-codes.json", import.meta.url), "utf8")) as {
  http: Record<string, unknown>;
  internal: Record<string, unknown>;
};

const asJson = (table: object) => JSON.parse(JSON.stringify(table)) as unknown;

describe("status codes", () => {
  it("match data/dataforseo/status-codes.json exactly", () => {
    expect(asJson(STATUS_CODES.http)).toEqual(FILE.http);
    expect(asJson(STATUS_CODES.internal)).toEqual(FILE.internal);
  });

  it("retry network-like and server failures: HTTP 500, 40202, 40103, and the retryable 5xxxx codes", () => {
    expect(isRetryableHttp(500)).toBe(true);
    expect([401, 402, 404, 418].map(isRetryableHttp)).toEqual([false, false, false, false]);
    expect([40202, 40103, 50000, 50001, 50301, 50401].map(isRetryableStatus)).toEqual([true, true, true, true, true, true]);
  });

  it("never retry request errors, account problems, or codes that need minutes", () => {
    const final = [40000, 40006, 40100, 40200, 40203, 40204, 40400, 40501, 40502, 40503, 40506, 50100, 50304];
    expect(final.filter(isRetryableStatus)).toEqual([]);
    // maybe-later (billable), after-window, poll, yes-after-minutes: a back-off of seconds cannot help.
    expect([40101, 40205, 40206, 40601, 40602, 50303].map(isRetryableStatus)).toEqual([false, false, false, false, false, false]);
    expect(isRetryableStatus(59999)).toBe(false);
  });

  it("every 40xxx except the rate limit and 'resubmit' is final", () => {
    const retried = Object.keys(FILE.internal).map(Number).filter((c) => c >= 40000 && c < 50000 && isRetryableStatus(c));
    expect(retried).toEqual([40103, 40202]);
  });

  it("treat 2xxxx as success", () => {
    expect([20000, 20100].map(isSuccessStatus)).toEqual([true, true]);
    expect([40501, 50000, 10000].map(isSuccessStatus)).toEqual([false, false, false]);
  });
});
