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
 * (value length × (pattern length / 32 + 1)) steps, and only value length steps when the pattern
 * has no `_`. The checks cap patterns at `MAX_LIKE_PATTERN` characters.
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

/**
 * Finds the leftmost occurrence of a segment (code points, `ANY` for `_`) in `value[from, end)`
 * by Shift-And: bit i of the state says that the last i + 1 code points match the segment's
 * first i + 1. Each code point costs one step per 32 code points of segment, where testing every
 * start would cost a step per code point of segment: (value × segment / 32), not (value × segment).
 */
class SegmentSearch {
  private readonly words: number;
  private readonly length: number;
  /** Per code point of the segment: the positions it (or `_`) matches. */
  private readonly masks = new Map<number, Uint32Array>();
  /** The positions `_` matches: the mask of every code point not in the segment. */
  private readonly any: Uint32Array;
  private readonly state: Uint32Array;

  constructor(segment: readonly number[]) {
    this.length = segment.length;
    this.words = Math.ceil(segment.length / 32);
    this.any = new Uint32Array(this.words);
    this.state = new Uint32Array(this.words);
    segment.forEach((c, i) => {
      if (c === ANY) setBit(this.any, i);
      else if (!this.masks.has(c)) this.masks.set(c, new Uint32Array(this.words));
    });
    for (const mask of this.masks.values()) mask.set(this.any);
    segment.forEach((c, i) => {
      if (c !== ANY) setBit(this.masks.get(c)!, i);
    });
  }

  /** The start of the leftmost occurrence that ends by `end`, or -1. */
  find(value: readonly number[], from: number, end: number): number {
    const { words, state } = this;
    state.fill(0);
    const lastWord = words - 1;
    const lastBit = 1 << ((this.length - 1) % 32);
    for (let at = from; at < end; at++) {
      const mask = this.masks.get(value[at]!) ?? this.any;
      // Shift the whole state left by one, feeding a 1 in at bit 0 (an occurrence may start here).
      let carry = 1;
      for (let w = 0; w < words; w++) {
        const word = state[w]!;
        state[w] = ((word << 1) | carry) & mask[w]!;
        carry = word >>> 31;
      }
      if ((state[lastWord]! & lastBit) !== 0) return at + 1 - this.length;
    }
    return -1;
  }
}

function setBit(bits: Uint32Array, i: number): void {
  bits[i >> 5] = bits[i >> 5]! | (1 << (i & 31));
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
  const searches = middle.map((segment) => new SegmentSearch(segment));
  const minLength = middle.reduce((n, s) => n + s.length, first.length + last.length);
  return (text) => {
    const value = codePoints(text);
    if (value.length < minLength) return false;
    const end = value.length - last.length;
    if (!matchesAt(value, 0, first) || !matchesAt(value, end, last)) return false;
    let from = first.length;
    // Leftmost placement of each middle segment leaves the most room for the rest.
    for (let i = 0; i < searches.length; i++) {
      const at = searches[i]!.find(value, from, end);
      if (at < 0) return false;
      from = at + middle[i]!.length;
    }
    return true;
  };
}
