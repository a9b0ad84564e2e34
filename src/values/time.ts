import type { TimeAnchor, TimeShift, TimeUnit } from "../syntax/ast.js";

/*
 * DataForSEO's time format is `yyyy-mm-dd hh:mm:ss +00:00`. dfsq always writes UTC with a
 * `+00:00` offset, to the second.
 */

const UNIT_MS: Record<TimeUnit, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Latest instant the API format can hold (9999-12-31 23:59:59 UTC). */
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59);
/** Earliest instant with a four-digit year (0000-01-01 00:00:00 UTC). */
const MIN_MS = new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(0);

/** Why a text is not a real date, as facts (diagnostics/messages.ts words them: dateProblem). */
export type DateProblem =
  | { readonly kind: "format" }
  | { readonly kind: "trailing" }
  | { readonly kind: "month"; readonly month: string }
  | { readonly kind: "day"; readonly yearMonth: string; readonly day: string }
  | { readonly kind: "time"; readonly time: string }
  | { readonly kind: "offset"; readonly offset: string };

export type DateParse =
  | { readonly ok: true; readonly epochMs: number; readonly fractional: boolean }
  | { readonly ok: false; readonly problem: DateProblem };

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?)?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/**
 * Reads an ISO 8601 date or date-time (`2024-01-31`, `2024-01-31T10:00:00Z`,
 * `2024-01-31T10:00:00+02:00`; a space may replace `T`, as in the API's own format). No offset
 * means UTC. Returns the instant, or why the text is not a real date.
 */
export function parseIsoDate(text: string): DateParse {
  const quick = quickDate(text);
  if (quick !== undefined) return { ok: true, epochMs: quick, fractional: false };
  const m = ISO.exec(text);
  if (m === null) return { ok: false, problem: { kind: "format" } };
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  if (month < 1 || month > 12) return { ok: false, problem: { kind: "month", month: m[2]! } };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: { kind: "day", yearMonth: `${m[1]}-${m[2]}`, day: m[3]! } };
  }
  const hour = m[4] === undefined ? 0 : +m[4];
  const minute = m[5] === undefined ? 0 : +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, problem: { kind: "time", time: `${m[4]}:${m[5]}${m[6] === undefined ? "" : `:${m[6]}`}` } };
  }
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const oh = +m[10]!;
    const om = m[11] === undefined ? 0 : +m[11];
    if (oh > 23 || om > 59) return { ok: false, problem: { kind: "offset", offset: `${m[9]}${m[10]}:${m[11] ?? "00"}` } };
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const local = daysFromCivil(year, month, day) * UNIT_MS.d + hour * UNIT_MS.h + minute * UNIT_MS.m + second * UNIT_MS.s;
  return {
    ok: true,
    epochMs: local - offsetMinutes * UNIT_MS.m,
    fractional: m[7] !== undefined && /[1-9]/.test(m[7]),
  };
}

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
const two = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);

/**
 * The common shapes, read without a regular expression: `2024-01-31`, and
 * `2024-01-31T10:00:00Z` / `2024-01-31 10:00:00 +00:00` in UTC. Undefined for anything else
 * (including invalid calendar dates), which the full parser then reads and explains.
 */
function quickDate(text: string): number | undefined {
  const n = text.length;
  if (n !== 10 && n !== 20 && n !== 26) return undefined;
  if (!digitsAt(text, 0, 4) || !digitsAt(text, 5, 2) || !digitsAt(text, 8, 2)) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const midnight = daysFromCivil(year, month, day) * UNIT_MS.d;
  if (n === 10) return midnight;
  const sep = text.charCodeAt(10);
  const utc = n === 20 ? sep === 84 && text.charCodeAt(19) === 90 : sep === 32 && text.endsWith(" +00:00");
  if (!utc || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  if (!digitsAt(text, 11, 2) || !digitsAt(text, 14, 2) || !digitsAt(text, 17, 2)) return undefined;
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return midnight + hour * UNIT_MS.h + minute * UNIT_MS.m + second * UNIT_MS.s;
}

function digitsAt(text: string, from: number, count: number): boolean {
  for (let i = from; i < from + count; i++) {
    const d = digit(text, i);
    if (!(d >= 0 && d <= 9)) return false;
  }
  return true;
}

/*
 * Calendar arithmetic on the proleptic Gregorian calendar, as Date uses, in plain integer
 * operations (Howard Hinnant's days_from_civil / civil_from_days): reading and writing the API's
 * times is on the compile path, and this is several times cheaper than Date.UTC and a Date's
 * getters. test/values/time.test.ts checks both against Date over the API's whole range.
 */

/** Days from 1970-01-01 to a date (month 1-12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date `days` days after 1970-01-01, as [year, month 1-12, day]. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

/** Formats an instant as the API writes time: `2024-01-31 08:00:00 +00:00`. */
export function formatApiTime(epochMs: number): string {
  const seconds = Math.floor(epochMs / 1000);
  const days = Math.floor(seconds / 86_400);
  const [year, month, day] = civilFromDays(days);
  const time = seconds - days * 86_400;
  const hours = Math.floor(time / 3600);
  const minutes = Math.floor((time % 3600) / 60);
  return (
    `${year >= 1000 ? year : pad(year, 4)}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]} ` +
    `${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[time % 60]} +00:00`
  );
}

const API_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) \+00:00$/;

/** True when `text` is exactly what formatApiTime writes for some instant (a canonical time). */
export function isCanonicalApiTime(text: string): boolean {
  if (!API_TIME.test(text)) return false;
  const parsed = parseIsoDate(text.slice(0, 19).replace(" ", "T") + "Z");
  return parsed.ok && formatApiTime(parsed.epochMs) === text;
}

/** Shortest unquoted dfsq text for a canonical API time: `2024-01-31` at midnight, else ISO. */
export function timeLiteral(apiTime: string): string {
  const date = apiTime.slice(0, 10);
  const clock = apiTime.slice(11, 19);
  return clock === "00:00:00" ? date : `${date}T${clock}Z`;
}

export function isInApiRange(epochMs: number): boolean {
  return Number.isFinite(epochMs) && epochMs >= MIN_MS && epochMs <= MAX_MS;
}

/** Midnight UTC of the day holding `epochMs`. */
export function startOfUtcDay(epochMs: number): number {
  return Math.floor(epochMs / UNIT_MS.d) * UNIT_MS.d;
}

/** The instant a time literal stands for, given the clock. */
export function resolveTime(anchor: TimeAnchor, shifts: readonly TimeShift[], nowMs: number): number {
  let ms: number;
  switch (anchor.kind) {
    case "instant":
      ms = anchor.epochMs;
      break;
    case "now":
      ms = nowMs;
      break;
    case "today":
      ms = startOfUtcDay(nowMs);
      break;
  }
  for (const shift of shifts) ms += shift.sign * shift.amount * UNIT_MS[shift.unit];
  return ms;
}

/** Reads `options.now`; the clock when absent. Returns NaN for a value that is no instant. */
/**
 * The compile's `now`, read on first use and then fixed: one instant throughout a filter, and no
 * clock read at all for the filters (most of them) that have no `now` or `today`.
 */
export class Clock {
  #ms: number | undefined;
  constructor(private readonly now: Date | number | string | undefined) {}
  get ms(): number {
    return (this.#ms ??= toEpochMs(this.now));
  }
}

export function toEpochMs(now: Date | number | string | undefined): number {
  if (now === undefined) return Date.now();
  if (now instanceof Date) return now.getTime();
  if (typeof now === "number") return now;
  const parsed = parseIsoDate(now);
  return parsed.ok ? parsed.epochMs : Number.NaN;
}
