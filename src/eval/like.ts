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

/** The code points of `text` (a lone surrogate is one), in a typed array: faster than Array.from. */
function codePoints(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    out[n++] = c;
    if (c > 0xffff) i++;
  }
  return out.subarray(0, n);
}

type CodePoints = ArrayLike<number>;

function matchesAt(value: CodePoints, at: number, segment: CodePoints): boolean {
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
  /** Row k (`words` bits wide) holds the positions that code point k of the segment matches;
   * row 0 the positions of `_`, which is also what every code point not in the segment matches. */
  private readonly rows: Uint32Array;
  /** The row of each Latin-1 code point, and of the others in the segment. */
  private readonly latin1 = new Int32Array(256);
  private readonly others = new Map<number, number>();
  private readonly state: Uint32Array;

  constructor(segment: CodePoints) {
    this.length = segment.length;
    this.words = Math.ceil(segment.length / 32);
    this.state = new Uint32Array(this.words);
    let rowCount = 1;
    for (let i = 0; i < segment.length; i++) {
      const c = segment[i]!;
      if (c !== ANY && this.rowOf(c) === 0) {
        if (c < 256) this.latin1[c] = rowCount++;
        else this.others.set(c, rowCount++);
      }
    }
    this.rows = new Uint32Array(rowCount * this.words);
    for (let i = 0; i < segment.length; i++) {
      const c = segment[i]!;
      const bit = 1 << (i & 31);
      const word = i >> 5;
      if (c !== ANY) {
        const at = this.rowOf(c) * this.words + word;
        this.rows[at] = this.rows[at]! | bit;
        continue;
      }
      for (let row = 0; row < rowCount; row++) {
        const at = row * this.words + word;
        this.rows[at] = this.rows[at]! | bit;
      }
    }
  }

  private rowOf(c: number): number {
    return c < 256 ? this.latin1[c]! : (this.others.get(c) ?? 0);
  }

  /** The start of the leftmost occurrence that ends by `end`, or -1. */
  find(value: CodePoints, from: number, end: number): number {
    const { words, rows, length } = this;
    const last = 1 << ((length - 1) & 31);
    if (words === 1) {
      let state = 0;
      for (let at = from; at < end; at++) {
        state = ((state << 1) | 1) & rows[this.rowOf(value[at]!)]!;
        if ((state & last) !== 0) return at + 1 - length;
      }
      return -1;
    }
    const state = this.state;
    state.fill(0);
    for (let at = from; at < end; at++) {
      const row = this.rowOf(value[at]!) * words;
      // Shift the whole state left by one, feeding a 1 in at bit 0 (an occurrence may start here).
      let carry = 1;
      for (let w = 0; w < words; w++) {
        const word = state[w]!;
        state[w] = ((word << 1) | carry) & rows[row + w]!;
        carry = word >>> 31;
      }
      if ((state[words - 1]! & last) !== 0) return at + 1 - length;
    }
    return -1;
  }
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
