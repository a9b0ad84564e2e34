/*
 * RE2 syntax check for `regex` filter values. DataForSEO matches them with RE2, which rejects
 * much that JavaScript or PCRE accept (lookaround, backreferences, possessive quantifiers, ...),
 * so we report such a pattern before the request is sent, with its position and a reason.
 *
 * The rules are Go's `regexp/syntax` with RE2's default (Perl) flags, as ported by re2js. re2js
 * is too large for the browser bundle, so it is used only as the oracle in the tests
 * (test/values/re2-syntax*.test.ts), which compare verdicts pattern by pattern; every rule below
 * mirrors a branch of its parser.
 *
 * Besides the grammar, RE2 bounds the parsed tree: repeat counts may multiply to at most 1000
 * along any path (checked exactly), the tree may be at most 1000 deep, and its estimated program
 * size at most 1,398,101 instructions. Depth and size are computed on a simplified tree that
 * skips RE2's factoring of common prefixes out of alternations, so they can be off near the
 * limits; where factoring would shrink the size we never report it as too large. re2js's cap on
 * the total length of character-class range tables (only reached by tens of thousands of `\pL`)
 * is not checked. `re2Program` reports the size estimate of a valid pattern, which dfsq's own,
 * lower cap on matching cost uses (pattern-cost.ts).
 */

export interface RegexProblem {
  /** Offset in the pattern (UTF-16 code units) where the problem starts, and its length (>= 1 where possible). */
  readonly offset: number;
  readonly length: number;
  /** A short English reason, in lower case, naming the construct. */
  readonly reason: string;
}

const MAX_REPEAT = 1000;
const MAX_HEIGHT = 1000;
/** Go's `maxSize`: 128 MB worth of compiled instructions. */
const MAX_SIZE = 1_398_101;

/** Names `\p{...}` accepts: re2js's pseudo-classes, general categories, binary properties and scripts. */
const UNICODE_CLASSES = new Set(
  [
    "Any Ascii Assigned Lc",
    "C Cc Cf Cn Co Cs L LC Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs",
    "ASCII_Hex_Digit Alphabetic Dash Emoji Emoji_Component Emoji_Modifier Emoji_Modifier_Base Emoji_Presentation",
    "Extended_Pictographic Hex_Digit Lowercase Math Quotation_Mark Terminal_Punctuation Uppercase White_Space",
    "Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Beria_Erfe",
    "Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham",
    "Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cypro_Minoan Cyrillic Deseret Devanagari Dives_Akuru Dogra",
    "Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Garay Georgian Glagolitic Gothic Grantha Greek Gujarati",
    "Gunjala_Gondi Gurmukhi Gurung_Khema Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic",
    "Inherited Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi",
    "Khitan_Small_Script Khmer Khojki Khudawadi Kirat_Rai Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian",
    "Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui",
    "Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean Nag_Mundari Nandinagari",
    "New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Ol_Onal Old_Hungarian Old_Italic",
    "Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage",
    "Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan",
    "Saurashtra Sharada Shavian Siddham Sidetic SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Sunuwar",
    "Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Tai_Yo Takri Tamil Tangsa Tangut Telugu Thaana",
    "Thai Tibetan Tifinagh Tirhuta Todhri Tolong_Siki Toto Tulu_Tigalari Ugaritic Unknown Vai Vithkuqi Wancho",
    "Warang_Citi Yezidi Yi Zanabazar_Square",
  ]
    .join(" ")
    .split(" "),
);

/** Every name `\p{...}` accepts, for the test that compares the list with re2js. */
export const RE2_UNICODE_CLASS_NAMES: readonly string[] = [...UNICODE_CLASSES];

const POSIX_CLASSES = new Set(
  "alnum alpha ascii blank cntrl digit graph lower print punct space upper word xdigit"
    .split(" ")
    .flatMap((name) => [`[:${name}:]`, `[:^${name}:]`]),
);

/*
 * The parse tree is not built; each subexpression is summarised by what the limits need.
 * Kinds matter where RE2 restructures: adjacent literals merge into one node, a non-capturing
 * group's concatenation or alternation is spliced into the enclosing one, and alternatives that
 * are single characters or classes merge into one class.
 */
const EMPTY = 0;
const LITERAL = 1;
const CLASS = 2;
const CONCAT = 3;
const ALTERNATE = 4;
const OTHER = 5;
type Kind = typeof EMPTY | typeof LITERAL | typeof CLASS | typeof CONCAT | typeof ALTERNATE | typeof OTHER;

interface Node {
  kind: Kind;
  /** Go's `calcSize` estimate of the compiled size. */
  size: number;
  height: number;
  /** Largest product of `{n,m}` counts on a path down from here (Go's `repeatIsValid`). */
  product: number;
  /** False once some alternation below would be factored by RE2, which makes `size` an overestimate. */
  exact: boolean;
  /** LITERAL: rune count and case folding (only literals with equal folding merge). */
  runes: number;
  fold: boolean;
  /** CONCAT and ALTERNATE: child count, tallest child and (ALTERNATE) children's total size, for splicing. */
  subs: number;
  childHeight: number;
  childSize: number;
  /**
   * What the node starts with, to spot adjacent alternatives whose shared start RE2 would factor
   * out: a literal's rune (`~rune` when case-folded), a class's source text.
   */
  lead: Lead;
}

type Lead = string | number | undefined;

/** Nodes have one owner (a frame, then their parent), so merging may update them in place. */
function makeNode(kind: Kind, size: number, height: number, product: number, exact: boolean, lead: Lead): Node {
  return { kind, size, height, product, exact, runes: 0, fold: false, subs: 0, childHeight: 0, childSize: 0, lead };
}

const leaf = (kind: Kind, lead: Lead) => makeNode(kind, 1, 1, 1, true, lead);

function literalNode(rune: number, fold: boolean): Node {
  const literal = leaf(LITERAL, fold ? ~rune : rune);
  literal.runes = 1;
  literal.fold = fold;
  return literal;
}

const isCharLike = (node: Node) => node.kind === CLASS || (node.kind === LITERAL && node.runes === 1);

/** A concatenation being parsed. */
interface Sequence {
  count: number;
  size: number;
  childHeight: number;
  product: number;
  exact: boolean;
  /** The only node so far, returned as is when the concatenation has one node. */
  first: Node | undefined;
  lead: Lead;
  literalFold: boolean | undefined;
}

/** An alternation being parsed. */
interface Alternation {
  count: number;
  size: number;
  childHeight: number;
  product: number;
  exact: boolean;
  first: Node | undefined;
  lastCharLike: boolean;
  lastEmpty: boolean;
  lastLead: Lead;
}

/** The top level or an open group. */
interface Frame {
  /** Offset and length of the opening `(`, `(?:`, `(?P<name>`; -1 at the top level. */
  readonly open: number;
  readonly openLength: number;
  readonly capture: boolean;
  /** Case folding outside the group, restored at its `)`. */
  readonly outerFold: boolean;
  seq: Sequence;
  alt: Alternation;
  /** The node a following repeat operator applies to; undefined right after `(` or `|`. */
  last: Node | undefined;
}

const newSequence = (): Sequence => ({
  count: 0,
  size: 0,
  childHeight: 0,
  product: 1,
  exact: true,
  first: undefined,
  lead: undefined,
  literalFold: undefined,
});

const newAlternation = (): Alternation => ({
  count: 0,
  size: 0,
  childHeight: 0,
  product: 1,
  exact: true,
  first: undefined,
  lastCharLike: false,
  lastEmpty: false,
  lastLead: undefined,
});

function append(seq: Sequence, node: Node): void {
  const wasEmpty = seq.count === 0;
  if (node.kind === CONCAT) {
    seq.count += node.subs;
    seq.childHeight = Math.max(seq.childHeight, node.childHeight);
    seq.literalFold = undefined;
  } else if (node.kind === LITERAL && seq.literalFold === node.fold) {
    if (seq.count === 1 && seq.first) {
      seq.first.runes += node.runes;
      seq.first.size += node.size;
    }
  } else {
    seq.count++;
    seq.childHeight = Math.max(seq.childHeight, node.height);
    seq.literalFold = node.kind === LITERAL ? node.fold : undefined;
    if (wasEmpty) seq.first = node;
  }
  if (wasEmpty) seq.lead = node.lead;
  seq.size += node.size;
  seq.product = Math.max(seq.product, node.product);
  seq.exact &&= node.exact;
}

function finishSequence(seq: Sequence): Node {
  if (seq.count === 0) return leaf(EMPTY, undefined);
  if (seq.count === 1 && seq.first) return seq.first;
  const concat = makeNode(CONCAT, seq.size, seq.childHeight + 1, seq.product, seq.exact, seq.lead);
  concat.subs = seq.count;
  concat.childHeight = seq.childHeight;
  return concat;
}

function addAlternative(alt: Alternation, node: Node): void {
  if (node.kind === ALTERNATE) {
    alt.count += node.subs;
    alt.size += node.childSize;
    alt.childHeight = Math.max(alt.childHeight, node.childHeight);
    alt.lastCharLike = false;
    alt.lastEmpty = false;
    alt.lastLead = undefined;
  } else if (isCharLike(node) && alt.lastCharLike) {
    // `a|b` becomes the class `[ab]`: no new alternative, and a lone one is now a class.
    if (alt.count === 1 && alt.first) alt.first = leaf(CLASS, undefined);
  } else if (node.kind === EMPTY && alt.lastEmpty) {
    // RE2 drops an empty alternative that follows another.
  } else {
    if (node.lead !== undefined && node.lead === alt.lastLead) alt.exact = false;
    alt.count++;
    alt.size += node.size;
    alt.childHeight = Math.max(alt.childHeight, node.height);
    alt.lastCharLike = isCharLike(node);
    alt.lastEmpty = node.kind === EMPTY;
    alt.lastLead = node.lead;
    if (alt.count === 1) alt.first = node;
  }
  alt.product = Math.max(alt.product, node.product);
  alt.exact &&= node.exact;
}

function finishAlternation(alt: Alternation): Node {
  if (alt.count === 1 && alt.first) return alt.first;
  const alternate = makeNode(ALTERNATE, alt.size + alt.count - 1, alt.childHeight + 1, alt.product, alt.exact, undefined);
  alternate.subs = alt.count;
  alternate.childHeight = alt.childHeight;
  alternate.childSize = alt.size;
  return alternate;
}

/** `indexOf` for scans whose start only moves forward: a hit still ahead is reused, so all calls cost O(n). */
class Finder {
  private at = -2;
  private readonly text: string;
  private readonly needle: string;
  constructor(text: string, needle: string) {
    this.text = text;
    this.needle = needle;
  }
  from(start: number): number {
    if (this.at === -1 || this.at >= start) return this.at;
    this.at = this.text.indexOf(this.needle, start);
    return this.at;
  }
}

const problem = (offset: number, length: number, reason: string): RegexProblem => ({ offset, length, reason });

/** Quotes a fragment of the pattern in a reason, shortened so that reasons stay short. */
const quote = (text: string) => "`" + (text.length > 40 ? `${text.slice(0, 37)}...` : text) + "`";

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isOctal = (c: number) => c >= 0x30 && c <= 0x37;
const isAlnum = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const units = (codePoint: number) => (codePoint > 0xffff ? 2 : 1);

function hexValue(c: number): number {
  if (isDigit(c)) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** `\a \f \n \r \t \v` */
const CONTROL_ESCAPES = new Map([
  [0x61, 0x07],
  [0x66, 0x0c],
  [0x6e, 0x0a],
  [0x72, 0x0d],
  [0x74, 0x09],
  [0x76, 0x0b],
]);

/** The delimiters of `\k<name>`, `\k{name}`, `\k'name'`. */
const BACKREFERENCE_CLOSE = new Map([
  [0x3c, ">"],
  [0x7b, "}"],
  [0x27, "'"],
]);

/** `\d \D \s \S \w \W` */
const isPerlClass = (c: number) => c === 0x64 || c === 0x44 || c === 0x73 || c === 0x53 || c === 0x77 || c === 0x57;

/** Go's `parseInt` on a run of digits: -1 when not a count (so `{` is a literal), -2 when too long to be valid. */
function countValue(pattern: string, start: number, end: number): number {
  if (end === start || (end - start > 1 && pattern.charCodeAt(start) === 0x30)) return -1;
  if (end - start > 8) return -2;
  return Number(pattern.slice(start, end));
}

function digitsEnd(pattern: string, start: number): number {
  let i = start;
  while (i < pattern.length && isDigit(pattern.charCodeAt(i))) i++;
  return i;
}

/** The text of a `(?...` construct for a reason: through its `)` when that is near, else up to `minEnd`. */
function groupText(pattern: string, at: number, minEnd: number): string {
  const close = pattern.indexOf(")", at);
  return pattern.slice(at, close >= minEnd && close - at < 40 ? close + 1 : minEnd);
}

class Checker {
  private readonly p: string;
  private i = 0;
  /** Whether `(?i)` is in effect: literals merge only with literals of the same folding. */
  private fold = false;
  private readonly frames: Frame[];
  private readonly names = new Set<string>();
  private readonly braces: Finder;
  private readonly angles: Finder;
  private readonly posixEnds: Finder;
  /** Whether the previous token was a repeat operator with a lazy `?`, to tell `*?+` from possessive `*+`. */
  private lastLazy = false;
  /** The whole pattern's node, once `run` has found no problem. */
  root: Node | undefined;
  /** The repeat operator whose copies add the most instructions, for pointing at it. */
  heaviest: RepeatCost | undefined;

  constructor(pattern: string) {
    this.p = pattern;
    this.frames = [this.frame(-1, 0, false)];
    this.braces = new Finder(pattern, "}");
    this.angles = new Finder(pattern, ">");
    this.posixEnds = new Finder(pattern, ":]");
  }

  private frame(open: number, openLength: number, capture: boolean): Frame {
    return { open, openLength, capture, outerFold: this.fold, seq: newSequence(), alt: newAlternation(), last: undefined };
  }

  private get top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  run(): RegexProblem | undefined {
    const p = this.p;
    // Offset of the previous token when it was a repeat operator: another one right after is an error.
    let lastRepeat = -1;
    while (this.i < p.length) {
      const at = this.i;
      let repeatAt = -1;
      let found: RegexProblem | undefined;
      switch (p.charCodeAt(at)) {
        case 0x28: // (
          found = this.openGroup();
          break;
        case 0x29: // )
          found = this.closeGroup();
          break;
        case 0x7c: // |
          found = this.endAlternative(at, 1);
          this.i++;
          break;
        case 0x5e: // ^
        case 0x24: // $
          this.push(leaf(OTHER, undefined));
          this.i++;
          break;
        case 0x2e: // .
          this.push(leaf(CLASS, "."));
          this.i++;
          break;
        case 0x5b: // [
          found = this.charClass();
          break;
        case 0x2a: // *
        case 0x2b: // +
        case 0x3f: // ?
          this.i++;
          found = this.repeat(at, -1, -1, lastRepeat);
          repeatAt = at;
          break;
        case 0x7b: {
          // `{n}`, `{n,}` or `{n,m}`; anything else is a literal `{`.
          const braces = this.repeatCount(at);
          if (braces === undefined) {
            this.push(literalNode(0x7b, this.fold));
            this.i++;
          } else if ("reason" in braces) {
            found = braces;
          } else {
            this.i = braces.end;
            found = this.repeat(at, braces.min, braces.max, lastRepeat);
            repeatAt = at;
          }
          break;
        }
        case 0x5c: // \
          found = this.escape();
          break;
        default: {
          const c = p.codePointAt(at)!;
          this.push(literalNode(c, this.fold));
          this.i += units(c);
        }
      }
      if (found) return found;
      lastRepeat = repeatAt;
    }
    // As in RE2, only the innermost open group is completed before the missing `)` is reported.
    const found = this.endAlternative(0, p.length);
    if (found) return found;
    const root = finishAlternation(this.top.alt);
    const tooBig = this.limits(root, 0, p.length);
    if (tooBig) return tooBig;
    const unclosed = this.frames[1];
    if (unclosed) return problem(unclosed.open, unclosed.openLength, "missing closing `)`");
    this.root = root;
    return undefined;
  }

  /** Adds a node to the current concatenation; it stays pending so that a repeat can still apply to it. */
  private push(node: Node): void {
    const frame = this.top;
    if (frame.last) append(frame.seq, frame.last);
    frame.last = node;
  }

  /** RE2's checks on each new node: program size, then depth. */
  private limits(node: Node, offset: number, length: number): RegexProblem | undefined {
    if (node.size > MAX_SIZE && node.exact) {
      return problem(offset, length, "pattern too large: its repeats expand past RE2's size limit");
    }
    if (node.height > MAX_HEIGHT) return problem(offset, length, "pattern nests too deeply (over 1000 levels)");
    return undefined;
  }

  /** Ends the current alternative at `|`, `)` or the end of the pattern. */
  private endAlternative(offset: number, length: number): RegexProblem | undefined {
    const frame = this.top;
    if (frame.last) append(frame.seq, frame.last);
    const node = finishSequence(frame.seq);
    frame.seq = newSequence();
    frame.last = undefined;
    addAlternative(frame.alt, node);
    return this.limits(node, offset, length);
  }

  private repeat(at: number, min: number, max: number, lastRepeat: number): RegexProblem | undefined {
    const p = this.p;
    const op = p.charCodeAt(at);
    const lazy = p.charCodeAt(this.i) === 0x3f;
    if (lazy) this.i++;
    const text = p.slice(at, this.i);
    if (lastRepeat !== -1) {
      const both = p.slice(lastRepeat, this.i);
      return op === 0x2b && !this.lastLazy
        ? problem(lastRepeat, both.length, `possessive quantifier ${quote(both)} is not supported by RE2`)
        : problem(lastRepeat, both.length, `invalid nested repetition ${quote(both)}`);
    }
    this.lastLazy = lazy;
    const frame = this.top;
    const sub = frame.last;
    if (!sub) return problem(at, text.length, `nothing to repeat before ${quote(text)}`);
    let size: number;
    let product = sub.product;
    if (op === 0x2a) size = 2 + sub.size;
    else if (op !== 0x7b) size = 1 + sub.size;
    else if (max === -1) size = min === 0 ? 2 + sub.size : 1 + min * sub.size;
    else size = max * sub.size + (max - min);
    if (op === 0x7b) product = max === 0 ? 1 : Math.max(1, max === -1 ? min : max) * sub.product;
    // RE2 factors `\d{3}x|\d{3}y` like a common prefix.
    const lead = op === 0x7b && min === max && isCharLike(sub) && sub.lead !== undefined ? `${sub.lead}${text}` : undefined;
    const repeated = makeNode(OTHER, Math.max(1, size), sub.height + 1, product, sub.exact, lead);
    frame.last = repeated;
    const added = repeated.size - sub.size;
    if (added > (this.heaviest?.added ?? 0)) this.heaviest = { offset: at, length: text.length, added };
    const found = this.limits(repeated, at, text.length);
    if (found) return found;
    if (op === 0x7b && (min >= 2 || max >= 2) && product > MAX_REPEAT) {
      return problem(at, text.length, `nested repeat counts multiply to over 1000 at ${quote(text)}`);
    }
    return undefined;
  }

  /** Parses `{n}`, `{n,}`, `{n,m}` at `at`; undefined when `{` is a literal, as RE2 then takes it. */
  private repeatCount(at: number): { min: number; max: number; end: number } | RegexProblem | undefined {
    const p = this.p;
    let j = digitsEnd(p, at + 1);
    const min = countValue(p, at + 1, j);
    if (min === -1 || j >= p.length) return undefined;
    let max = min;
    if (p.charCodeAt(j) === 0x2c) {
      j++;
      if (j >= p.length) return undefined;
      if (p.charCodeAt(j) === 0x7d) {
        max = -1;
      } else {
        const end = digitsEnd(p, j);
        max = countValue(p, j, end);
        if (max === -1) return undefined;
        j = end;
      }
    }
    if (p.charCodeAt(j) !== 0x7d) return undefined;
    j++;
    const text = p.slice(at, j);
    if (min === -2 || min > MAX_REPEAT || max === -2 || max > MAX_REPEAT) {
      return problem(at, text.length, `repeat count over 1000 in ${quote(text)}`);
    }
    if (max >= 0 && min > max) return problem(at, text.length, `repeat count minimum exceeds maximum in ${quote(text)}`);
    return { min, max, end: j };
  }

  private openGroup(): RegexProblem | undefined {
    const p = this.p;
    const at = this.i;
    if (p.charCodeAt(at + 1) !== 0x3f) {
      this.frames.push(this.frame(at, 1, true));
      this.i = at + 1;
      return undefined;
    }
    const c = p[at + 2];
    const d = p[at + 3];
    // Perl and PCRE group kinds RE2 lacks: name them rather than report a bad flag.
    const unsupported = (length: number, what: string) =>
      problem(at, length, `${what} ${quote(p.slice(at, at + length))} is not supported by RE2`);
    if (c === "=") return unsupported(3, "lookahead");
    if (c === "!") return unsupported(3, "negative lookahead");
    if (c === "<" && d === "=") return unsupported(4, "lookbehind");
    if (c === "<" && d === "!") return unsupported(4, "negative lookbehind");
    if (c === ">") return unsupported(3, "atomic group");
    if (c === "#") return unsupported(3, "comment group");
    if (c === "|") return unsupported(3, "branch reset group");
    if (c === "(") return unsupported(3, "conditional group");
    if (c === "P" && d === "=") return unsupported(groupText(p, at, at + 4).length, "backreference");
    if (c === "'") return problem(at, 3, "named group `(?'` is not supported by RE2 (use `(?P<name>` or `(?<name>`)");
    if (c === "P" && d === ">") return unsupported(groupText(p, at, at + 4).length, "subroutine call");
    if (c === "&" || c === "R" || c === "+" || (c !== undefined && isDigit(c.charCodeAt(0)))) {
      return unsupported(groupText(p, at, at + 3).length, "recursion");
    }
    if (c === "<" || (c === "P" && d === "<")) return this.namedGroup(at, c === "P" ? 4 : 3);
    return this.flags(at);
  }

  private namedGroup(at: number, nameOffset: number): RegexProblem | undefined {
    const p = this.p;
    const begin = at + nameOffset;
    const end = this.angles.from(begin);
    if (end < 0) return problem(at, nameOffset, `missing \`>\` after group name in ${quote(p.slice(at))}`);
    const name = p.slice(begin, end);
    if (name === "") return problem(at, end + 1 - at, `empty group name in ${quote(p.slice(at, end + 1))}`);
    for (let k = 0; k < name.length; k++) {
      const c = name.charCodeAt(k);
      if (c !== 0x5f && !isAlnum(c)) {
        return problem(begin, name.length, `invalid group name ${quote(name)}: use letters, digits and \`_\``);
      }
    }
    this.frames.push(this.frame(at, end + 1 - at, true));
    if (this.names.has(name)) return problem(begin, name.length, `duplicate group name ${quote(name)}`);
    this.names.add(name);
    this.i = end + 1;
    return undefined;
  }

  /** `(?flags)` or `(?flags:re)`, with flags from `imsU` and at most one `-`. */
  private flags(at: number): RegexProblem | undefined {
    const p = this.p;
    let fold = this.fold;
    let negated = false;
    let sawFlag = false;
    for (let j = at + 2; j < p.length; ) {
      const c = p.codePointAt(j)!;
      if (c === 0x69 || c === 0x6d || c === 0x73 || c === 0x55) {
        if (c === 0x69) fold = !negated;
        sawFlag = true;
        j++;
      } else if (c === 0x2d && !negated) {
        negated = true;
        sawFlag = false;
        j++;
      } else if ((c === 0x3a || c === 0x29) && !(negated && !sawFlag)) {
        if (c === 0x3a) this.frames.push(this.frame(at, j + 1 - at, false));
        this.fold = fold;
        this.i = j + 1;
        return undefined;
      } else if (c === 0x3a || c === 0x29) {
        return problem(j - 1, 1, `missing flag after \`-\` in ${quote(groupText(p, at, j + 1))}`);
      } else if (c === 0x2d) {
        return problem(j, 1, `second \`-\` in ${quote(groupText(p, at, j + 1))}`);
      } else {
        const flag = String.fromCodePoint(c);
        return problem(j, flag.length, `invalid flag \`${flag}\` in ${quote(groupText(p, at, j + flag.length))}`);
      }
    }
    return problem(at, p.length - at, `unterminated group ${quote(p.slice(at))}`);
  }

  private closeGroup(): RegexProblem | undefined {
    const at = this.i;
    const frame = this.top;
    const found = this.endAlternative(at, 1);
    if (found) return found;
    const inner = finishAlternation(frame.alt);
    const tooBig = this.limits(inner, at, 1);
    if (tooBig) return tooBig;
    if (this.frames.length === 1) return problem(at, 1, "unexpected `)`");
    this.frames.pop();
    this.fold = frame.outerFold;
    this.i = at + 1;
    if (!frame.capture) {
      this.push(inner);
      return undefined;
    }
    const capture = makeNode(OTHER, inner.size + 2, inner.height + 1, inner.product, inner.exact, undefined);
    this.push(capture);
    return this.limits(capture, at, 1);
  }

  private escape(): RegexProblem | undefined {
    const p = this.p;
    const at = this.i;
    const c = p.charCodeAt(at + 1);
    switch (c) {
      case 0x41: // \A
      case 0x7a: // \z
      case 0x62: // \b
      case 0x42: // \B
        this.push(leaf(OTHER, undefined));
        this.i = at + 2;
        return undefined;
      case 0x43:
        return problem(at, 2, "`\\C` (any byte) is not supported by RE2");
      case 0x5a:
        return problem(at, 2, "`\\Z` is not supported by RE2 (use `\\z`)");
      case 0x51: {
        // \Q...\E quotes literally up to `\E` or the end of the pattern.
        const end = p.indexOf("\\E", at + 2);
        const stop = end < 0 ? p.length : end;
        for (let j = at + 2; j < stop; ) {
          const rune = p.codePointAt(j)!;
          this.push(literalNode(rune, this.fold));
          j += units(rune);
        }
        this.i = end < 0 ? p.length : end + 2;
        return undefined;
      }
      case 0x70: // \p
      case 0x50: {
        // \P
        const found = this.unicodeClass(at);
        if (!found) this.push(leaf(CLASS, p.slice(at, this.i)));
        return found;
      }
      default:
        if (isPerlClass(c)) {
          this.push(leaf(CLASS, p.slice(at, at + 2)));
          this.i = at + 2;
          return undefined;
        }
    }
    const rune = this.escapedRune(at);
    if (typeof rune !== "number") return rune;
    this.push(literalNode(rune, this.fold));
    return undefined;
  }

  /** An escape that stands for one character (also inside classes); sets `this.i` past it. */
  private escapedRune(at: number): number | RegexProblem {
    const p = this.p;
    if (at + 1 >= p.length) return problem(at, 1, "trailing backslash at end of pattern");
    const c = p.codePointAt(at + 1)!;
    let j = at + 1 + units(c);
    const invalid = (why = "") => problem(at, j - at, `invalid escape ${quote(p.slice(at, j))}${why}`);
    if (isOctal(c) && (c === 0x30 || isOctal(p.charCodeAt(j)))) {
      // Octal: `\0` with up to two more digits, or `\1`..`\7` followed by an octal digit.
      let value = c - 0x30;
      for (let k = 1; k < 3 && isOctal(p.charCodeAt(j)); k++) value = value * 8 + p.charCodeAt(j++) - 0x30;
      this.i = j;
      return value;
    }
    if (isDigit(c)) return problem(at, j - at, `backreference ${quote(p.slice(at, j))} is not supported by RE2`);
    if (c === 0x78) return this.hexEscape(at);
    const control = CONTROL_ESCAPES.get(c);
    if (control !== undefined) {
      this.i = j;
      return control;
    }
    if (c <= 0x7f && !isAlnum(c)) {
      this.i = j;
      return c;
    }
    if (c === 0x6b || c === 0x67) {
      // \k<name>, \k{name}, \g1, \g{1}: Perl and PCRE backreferences.
      const close = BACKREFERENCE_CLOSE.get(p.charCodeAt(j));
      const end = close === undefined ? -1 : p.indexOf(close, j + 1);
      if (end >= 0) j = end + 1;
      else j = digitsEnd(p, j);
      return problem(at, j - at, `backreference ${quote(p.slice(at, j))} is not supported by RE2`);
    }
    if (c === 0x75) return invalid(" (use `\\x{...}` for a code point)");
    return invalid();
  }

  /** `\xFF` or `\x{10FFFF}`. */
  private hexEscape(at: number): number | RegexProblem {
    const p = this.p;
    let j = at + 2;
    const invalid = (why = "") => problem(at, j - at, `invalid escape ${quote(p.slice(at, j))}${why}`);
    if (j >= p.length) return invalid();
    let c = p.codePointAt(j)!;
    j += units(c);
    if (c === 0x7b) {
      let value = 0;
      let digits = 0;
      for (;;) {
        if (j >= p.length) return invalid(" (missing `}`)");
        c = p.codePointAt(j)!;
        j += units(c);
        if (c === 0x7d) break;
        const v = hexValue(c);
        if (v < 0) return invalid();
        value = value * 16 + v;
        if (value > 0x10ffff) return invalid(" (above U+10FFFF)");
        digits++;
      }
      if (digits === 0) return invalid();
      this.i = j;
      return value;
    }
    const high = hexValue(c);
    if (j >= p.length) return invalid();
    c = p.codePointAt(j)!;
    j += units(c);
    const low = hexValue(c);
    if (high < 0 || low < 0) return invalid();
    this.i = j;
    return high * 16 + low;
  }

  /** `\pL`, `\p{Greek}`, `\p{^Greek}`, `\PL`, `\P{Greek}`; sets `this.i` past it. */
  private unicodeClass(at: number): RegexProblem | undefined {
    const p = this.p;
    let j = at + 2;
    if (j >= p.length) return problem(at, 2, `missing Unicode class name after ${quote(p.slice(at))}`);
    let name: string;
    if (p.charCodeAt(j) !== 0x7b) {
      name = String.fromCodePoint(p.codePointAt(j)!);
      j += name.length;
    } else {
      const close = this.braces.from(j + 1);
      if (close < 0) return problem(at, 3, `unterminated Unicode class ${quote(p.slice(at))}`);
      name = p.slice(j + 1, close);
      j = close + 1;
    }
    if (!UNICODE_CLASSES.has(name.startsWith("^") ? name.slice(1) : name)) {
      return problem(at, j - at, `invalid Unicode class ${quote(p.slice(at, j))}`);
    }
    this.i = j;
    return undefined;
  }

  /** `[...]`, `[^...]`; a `]` first is a literal, and so is a `-` that cannot form a range. */
  private charClass(): RegexProblem | undefined {
    const p = this.p;
    const at = this.i;
    const unclosed = problem(at, 1, "missing closing `]`");
    let j = at + 1;
    if (p.charCodeAt(j) === 0x5e) j++;
    for (let first = true; ; first = false) {
      if (j >= p.length) return unclosed;
      const c = p.charCodeAt(j);
      if (c === 0x5d && !first) break;
      if (c === 0x5b && p.charCodeAt(j + 1) === 0x3a) {
        // re2js looks for `:]` from the `[` (Go from after `[:`), so `[[:]` is an invalid name here.
        const end = this.posixEnds.from(j);
        if (end >= 0) {
          const name = p.slice(j, end + 2);
          if (!POSIX_CLASSES.has(name)) return problem(j, name.length, `invalid POSIX class ${quote(name)}`);
          j = end + 2;
          continue;
        }
      }
      if (c === 0x5c && j + 1 < p.length) {
        const d = p.charCodeAt(j + 1);
        if (d === 0x70 || d === 0x50) {
          const found = this.unicodeClass(j);
          if (found) return found;
          j = this.i;
          continue;
        }
        if (isPerlClass(d)) {
          j += 2;
          continue;
        }
      }
      const lo = this.classChar(j);
      if (typeof lo !== "number") return lo;
      // `a-` before `]` leaves `-` to be read as a literal next.
      if (p.charCodeAt(this.i) === 0x2d && this.i + 1 < p.length && p.charCodeAt(this.i + 1) !== 0x5d) {
        const hi = this.classChar(this.i + 1);
        if (typeof hi !== "number") return hi;
        if (hi < lo) return problem(j, this.i - j, `invalid character class range ${quote(p.slice(j, this.i))}`);
      } else if (p.charCodeAt(this.i) === 0x2d && this.i + 1 >= p.length) {
        return unclosed;
      }
      j = this.i;
    }
    this.i = j + 1;
    this.push(leaf(CLASS, p.slice(at, this.i)));
    return undefined;
  }

  /** One character of a class, escaped or not; sets `this.i` past it. */
  private classChar(j: number): number | RegexProblem {
    const p = this.p;
    if (p.charCodeAt(j) === 0x5c) return this.escapedRune(j);
    const c = p.codePointAt(j)!;
    this.i = j + units(c);
    return c;
  }
}

/**
 * The first syntax problem RE2 would report for `pattern`, or undefined when RE2 accepts it.
 * Linear time, never throws; nesting is kept on an explicit stack, not the call stack.
 */
export function findRe2SyntaxError(pattern: string): RegexProblem | undefined {
  return new Checker(pattern).run();
}

/** A repeat operator in a pattern (`{0,1000}`, `*`) and how many instructions its copies add. */
export interface RepeatCost {
  readonly offset: number;
  readonly length: number;
  readonly added: number;
}

/** What RE2 compiles a valid pattern to, as far as the cost of matching goes. */
export interface Re2Program {
  /**
   * Go's estimate of the number of instructions (`calcSize`): every copy that a counted repeat
   * expands to counts. It errs high where RE2 would factor alternatives or drops empty repeats,
   * never low; re2js adds two instructions of its own (a failure and the match). A match costs
   * up to this many steps per character of the value when re2js's DFA gives up and its NFA runs.
   */
  readonly size: number;
  /** The repeat whose copies add the most instructions; undefined when no repeat adds any. */
  readonly heaviest: RepeatCost | undefined;
}

/** The compiled size of `pattern`, or undefined when RE2 refuses it (see `findRe2SyntaxError`). */
export function re2Program(pattern: string): Re2Program | undefined {
  const checker = new Checker(pattern);
  if (checker.run() !== undefined || checker.root === undefined) return undefined;
  return { size: checker.root.size, heaviest: checker.heaviest };
}
