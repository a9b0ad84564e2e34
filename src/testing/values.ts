import fc from "fast-check";
import type { FieldType } from "../catalog/endpoints.js";
import { isPlaceholder } from "../catalog/field-catalog.js";
import { FIELD_REFERENCE_PREFIX } from "../syntax/operators.js";
import { formatApiTime } from "../values/time.js";

/*
 * Values for generated filters and items, drawn from small pools often enough that filters match
 * generated items now and then, and from wider ranges the rest of the time. Every value is one the
 * checks take without a warning for its type: no quoted numbers, no nulls, like patterns with a
 * wildcard, RE2 patterns that compile, times in the API's own format.
 */

const WORDS = ["seo", "dataforseo", "example", "news", "shop", "blog", "api", "forum", "wiki", "cloud"] as const;
const word = fc.constantFrom(...WORDS);

/** Numbers the API and JSON agree on: integers, and decimals of two places. */
export const numberValue: fc.Arbitrary<number> = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100) },
);

/** Text; never in the API's reference spelling (`$item->…`), which a comparison would read as a field. */
export const stringValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: word },
  { weight: 2, arbitrary: fc.tuple(word, fc.constantFrom(".com", ".org", ".net")).map(([w, tld]) => w + tld) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: "grapheme" }) },
).filter((s) => !s.startsWith(FIELD_REFERENCE_PREFIX));

/** Instants from 2000 to 2035, whole seconds, as the API writes them (`2024-01-31 08:00:00 +00:00`). */
export const timeValue: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2035, 0, 1) / 86_400_000 }).map((day) => formatApiTime(day * 86_400_000)),
  fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }).map((s) => formatApiTime(s * 1000)),
);

/** One value of a field of `type` (for an array type, one element). */
export function scalarOf(type: FieldType): fc.Arbitrary<string | number | boolean> {
  switch (type) {
    case "num":
    case "array.num":
      return numberValue;
    case "str":
    case "array.str":
      return stringValue;
    case "bool":
      return fc.boolean();
    case "time":
      return timeValue;
    default:
      return type satisfies never;
  }
}

/** `like` patterns: text with at least one `%` (without one, `like` is an equality: a warning). */
export const likePattern: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("%", ""), fc.oneof(word, fc.stringMatching(/^[a-z0-9 _.-]{1,8}$/)), fc.constantFrom("%", ""))
  .map(([head, body, tail]) => (head === "" && tail === "" ? `%${body}%` : head + body + tail));

/** Words for `match` (full-text search). */
export const matchText: fc.Arbitrary<string> = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(" "));

const REGEX_PIECES = ["^", "$", ".", "\\d+", "[a-z]+", "(?:www\\.)?", "\\.com", "s?", "[0-9]{2,4}", "(?i)"] as const;
const escapeRe2 = (text: string) => text.replace(/[\\^$.|?*+()[\]{}]/g, "\\$&");

/** RE2 patterns built from pieces that always compile (and escaped words). */
export const regexPattern: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...REGEX_PIECES), word.map(escapeRe2)), { minLength: 1, maxLength: 5 })
  .map((pieces) => pieces.join(""));

const TARGET_INDEX = fc.constantFrom("1", "2", "3");
const TLD = fc.constantFrom("com", "org", "net", "de", "uk", "io");
const MAP_KEY = fc.oneof(
  fc.constantFrom("anchor", "image", "redirect", "canonical", "organic", "paid", "positive", "negative"),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/),
);

/**
 * A segment for a placeholder of a catalog path: target indices for a leading `$key`
 * (`1.rank`), top-level domains for `$tld`, short identifiers for the others.
 */
export function placeholderKey(placeholder: string, position: number): fc.Arbitrary<string> {
  if (placeholder === "$key" && position === 0) return TARGET_INDEX;
  return placeholder === "$tld" ? TLD : MAP_KEY;
}

// Arbitraries are built once per path: generators call this for every value they make.
const concrete = new Map<string, fc.Arbitrary<string>>();

/** A path of the catalog with its placeholders filled in. */
export function concretePath(pattern: string): fc.Arbitrary<string> {
  let arbitrary = concrete.get(pattern);
  if (arbitrary === undefined) {
    const segments = pattern.split(".");
    arbitrary = segments.some(isPlaceholder)
      ? fc.tuple(...segments.map((s, i) => (isPlaceholder(s) ? placeholderKey(s, i) : fc.constant(s)))).map((parts) => parts.join("."))
      : fc.constant(pattern);
    concrete.set(pattern, arbitrary);
  }
  return arbitrary;
}
