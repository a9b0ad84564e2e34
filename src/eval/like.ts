/*
 * SQL LIKE as dfsq reads DataForSEO's `like` / `ilike`: `%` is any run of characters (also none),
 * `_` exactly one character (a Unicode code point), everything else itself, and the pattern
 * covers the whole value. There is no escape character: `\` is a literal backslash. The pattern is
 * compiled once into a matcher that needs no regular expression, so no metacharacter in it (`.`,
 * `*`, `(`) means anything but itself.
 */

/** Tests one string value. */
export type LikeMatcher = (value: string) => boolean;

const SURROGATE = /[\uD800-\uDFFF]/;
/** `_` in a pattern compiled to code points. */
const ANY = -1;

/**
 * Compiles a `like` pattern; `caseInsensitive` (for `ilike`) lower-cases pattern and value with
 * JavaScript's locale-independent Unicode lower-casing first. A match costs at most
 * (value length × pattern length) steps, and only value length steps when the pattern has no `_`.
 */
export function compileLike(pattern: string, caseInsensitive: boolean): LikeMatcher {
  const folded = caseInsensitive ? pattern.toLowerCase() : pattern;
  const segments = folded.split("%");
  // Without `_` and without surrogates, matching UTF-16 units is matching code points: a literal
  // that starts with a non-surrogate cannot begin inside a surrogate pair.
  const match = !folded.includes("_") && !SURROGATE.test(folded) ? unitMatcher(segments) : codePointMatcher(segments);
  return caseInsensitive ? (value) => match(value.toLowerCase()) : match;
}

function unitMatcher(segments: readonly string[]): LikeMatcher {
  const first = segments[0]!;
  if (segments.length === 1) return (value) => value === first;
  const last = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1).filter((s) => s.length > 0);
  const minLength = middle.reduce((n, s) => n + s.length, first.length + last.length);
  return (value) => {
    if (value.length < minLength || !value.startsWith(first) || !value.endsWith(last)) return false;
    const end = value.length - last.length;
    let from = first.length;
    // Leftmost placement of each middle literal leaves the most room for the rest.
    for (const literal of middle) {
      const at = value.indexOf(literal, from);
      if (at < 0 || at + literal.length > end) return false;
      from = at + literal.length;
    }
    return true;
  };
}

function codePoints(text: string): number[] {
  return Array.from(text, (c) => c.codePointAt(0)!);
}

function matchesAt(value: readonly number[], at: number, segment: readonly number[]): boolean {
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c !== ANY && c !== value[at + i]) return false;
  }
  return true;
}

function codePointMatcher(segments: readonly string[]): LikeMatcher {
  const compiled = segments.map((s) => codePoints(s).map((c) => (c === 95 /* _ */ ? ANY : c)));
  const first = compiled[0]!;
  if (compiled.length === 1) {
    return (text) => {
      const value = codePoints(text);
      return value.length === first.length && matchesAt(value, 0, first);
    };
  }
  const last = compiled[compiled.length - 1]!;
  const middle = compiled.slice(1, -1).filter((s) => s.length > 0);
  const minLength = middle.reduce((n, s) => n + s.length, first.length + last.length);
  return (text) => {
    const value = codePoints(text);
    if (value.length < minLength) return false;
    const end = value.length - last.length;
    if (!matchesAt(value, 0, first) || !matchesAt(value, end, last)) return false;
    let from = first.length;
    for (const segment of middle) {
      let at = from;
      while (at + segment.length <= end && !matchesAt(value, at, segment)) at++;
      if (at + segment.length > end) return false;
      from = at + segment.length;
    }
    return true;
  };
}
