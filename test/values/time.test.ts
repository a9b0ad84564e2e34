import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatApiTime, isInApiRange, parseIsoDate } from "../../src/values/time.js";

/*
 * src/values/time.ts reads and writes dates with integer calendar arithmetic instead of Date;
 * these properties hold it to Date's proleptic Gregorian calendar over the API's whole range.
 */

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** What Date says an instant is, written in the API's format. */
function dateFormat(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const [y, mo, da, h, mi, s] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(da, 2)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)} +00:00`;
}

/** What Date says a calendar date and time is, in epoch milliseconds. */
function dateEpoch(y: number, mo: number, da: number, h = 0, mi = 0, s = 0): number {
  const d = new Date(Date.UTC(2000, mo - 1, da, h, mi, s));
  d.setUTCFullYear(y);
  return d.getTime();
}

const MIN = dateEpoch(0, 1, 1);
const MAX = dateEpoch(9999, 12, 31, 23, 59, 59);
const instant = fc.oneof(
  fc.integer({ min: MIN, max: MAX }),
  // Around the days where calendars are easiest to get wrong.
  fc.constantFrom(dateEpoch(2000, 2, 29), dateEpoch(1900, 3, 1), dateEpoch(2024, 12, 31), dateEpoch(1970, 1, 1), 0, -1, MIN, MAX),
);
const dateParts = fc.record({
  y: fc.integer({ min: 1000, max: 9999 }),
  mo: fc.integer({ min: 1, max: 12 }),
  da: fc.integer({ min: 1, max: 28 }),
  h: fc.integer({ min: 0, max: 23 }),
  mi: fc.integer({ min: 0, max: 59 }),
  s: fc.integer({ min: 0, max: 59 }),
});

describe("calendar arithmetic", () => {
  it("formatApiTime writes what Date reads, over the API's range", () => {
    fc.assert(
      fc.property(instant, (ms) => {
        expect(isInApiRange(ms)).toBe(true);
        expect(formatApiTime(ms)).toBe(dateFormat(ms));
      }),
      { numRuns: 5000 },
    );
  });

  it("parseIsoDate reads dates and times as Date does, in every written form", () => {
    fc.assert(
      fc.property(dateParts, ({ y, mo, da, h, mi, s }) => {
        const date = `${y}-${pad(mo, 2)}-${pad(da, 2)}`;
        const clock = `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`;
        const expected = dateEpoch(y, mo, da, h, mi, s);
        expect(parseIsoDate(date)).toEqual({ ok: true, epochMs: dateEpoch(y, mo, da), fractional: false });
        for (const text of [`${date}T${clock}Z`, `${date} ${clock} +00:00`, `${date}t${clock}z`, `${date}T${clock}+00:00`]) {
          expect({ text, parsed: parseIsoDate(text) }).toEqual({ text, parsed: { ok: true, epochMs: expected, fractional: false } });
        }
        expect(parseIsoDate(`${date}T${clock}-02:30`)).toMatchObject({ ok: true, epochMs: expected + 150 * 60_000 });
      }),
      { numRuns: 3000 },
    );
  });

  it("knows the last day of every month, leap years included", () => {
    const dates = ["2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "2024-04-31", "2024-12-31"];
    expect(dates.filter((text) => parseIsoDate(text).ok)).toEqual(["2024-02-29", "2000-02-29", "2024-12-31"]);
    expect(parseIsoDate("0099-03-01")).toEqual({ ok: true, epochMs: dateEpoch(99, 3, 1), fractional: false });
  });
});
