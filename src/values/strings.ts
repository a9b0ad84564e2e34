/*
 * Quoted text in dfsq uses JSON's escapes (`\" \\ \/ \b \f \n \r \t \uXXXX`) plus the escape of
 * its own quote character (`\'` in single quotes, `` \` `` in backquoted field names), so a string
 * reaches the API byte for byte as written.
 */

export interface BadEscape {
  /** Offset of the backslash within the quoted body. */
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

export interface Decoded {
  readonly value: string;
  readonly bad: readonly BadEscape[];
}

const SIMPLE: Record<string, string> = {
  '"': '"',
  "'": "'",
  "`": "`",
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

const HEX4 = /^[0-9a-fA-F]{4}$/;

const NO_BAD_ESCAPES: readonly BadEscape[] = Object.freeze([]);

/** Decodes the body of a quoted literal (the text between the quotes). */
export function decodeEscapes(body: string, quote: '"' | "'" | "`"): Decoded {
  if (!body.includes("\\")) return { value: body, bad: NO_BAD_ESCAPES };
  let value = "";
  const bad: BadEscape[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== "\\") {
      value += c;
      continue;
    }
    const next = body[i + 1];
    if (next === "u") {
      const hex = body.slice(i + 2, i + 6);
      if (HEX4.test(hex)) {
        value += String.fromCharCode(parseInt(hex, 16));
        i += 5;
      } else {
        const length = 2 + (/^[0-9a-fA-F]*/.exec(hex)?.[0].length ?? 0);
        bad.push({ offset: i, length, text: body.slice(i, i + length) });
        i += length - 1;
      }
      continue;
    }
    const simple = next === undefined ? undefined : SIMPLE[next];
    // A backquote needs no escape outside backquoted field names, so `\`` is only valid there.
    if (simple !== undefined && (next !== "`" || quote === "`")) {
      value += simple;
      i += 1;
    } else {
      bad.push({ offset: i, length: next === undefined ? 1 : 2, text: body.slice(i, i + 2) });
      i += 1;
    }
  }
  return { value, bad };
}

/** A string literal that decodes back to `value`: JSON's own escaping, in double quotes. */
export function quoteString(value: string): string {
  return JSON.stringify(value);
}

/** A backquoted field name that decodes back to `path`. */
export function quoteField(path: string): string {
  let body = JSON.stringify(path).slice(1, -1);
  body = body.replace(/\\"/g, '"').replace(/`/g, "\\`");
  return `\`${body}\``;
}

/** A path segment that needs no backquotes: an identifier or a digit run. */
const PLAIN_SEGMENT = /^(?:[A-Za-z_][A-Za-z0-9_]*|\d+)$/;

/** A path segment as it is written after a dot: as it is, or in backquotes where it must be. */
export function segmentText(segment: string): string {
  return PLAIN_SEGMENT.test(segment) ? segment : quoteField(segment);
}

/**
 * `path` with only the segments that need them in backquotes (`a.b.`18-24``); undefined where that
 * quotes nothing (the path is plain, or digits only) or cannot be said (an empty segment).
 */
export function quoteSegments(path: string): string | undefined {
  const segments = path.split(".");
  if (segments.includes("")) return undefined;
  const text = segments.map(segmentText).join(".");
  return text === path ? undefined : text;
}

/** Characters a raw string shows badly or cannot hold: controls and line terminators. */
// oxlint-disable-next-line no-control-regex -- control characters are what it looks for
const NOT_RAW = /[\u0000-\u001f\u007f\u2028\u2029]/;

/**
 * A raw string (`r"\d+"`, no escapes) that reads back as `value`, in double quotes or else single
 * ones; undefined where it holds both quotes or a character a raw string cannot show.
 */
export function quoteRaw(value: string): string | undefined {
  if (NOT_RAW.test(value)) return undefined;
  if (!value.includes('"')) return `r"${value}"`;
  return value.includes("'") ? undefined : `r'${value}'`;
}

/** A regex pattern as a literal: raw where it holds a backslash, so that none is doubled. */
export function quotePattern(value: string): string {
  return (value.includes("\\") ? quoteRaw(value) : undefined) ?? quoteString(value);
}

/** A control character written in a quoted literal: where, how, and which. */
export interface ControlEscape {
  /** Offset and length of the escape within the literal's body. */
  readonly offset: number;
  readonly length: number;
  /** `\b`, `\t`, … (JSON's short escapes), or `\u0008` and the like (also for the character itself). */
  readonly text: string;
  readonly short: boolean;
}

/** The control characters (U+0008 to U+000D) of a quoted literal's body, as they are written. */
export function controlEscapes(body: string): ControlEscape[] {
  const found: ControlEscape[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c >= 8 && c <= 13) found.push({ offset: i, length: 1, text: `\\u000${c.toString(16)}`, short: false });
    if (c !== 92) continue;
    const next = body[i + 1] ?? "";
    if ("btnfr".includes(next) && next !== "") found.push({ offset: i, length: 2, text: `\\${next}`, short: true });
    else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
      const code = parseInt(body.slice(i + 2, i + 6), 16);
      if (code >= 8 && code <= 13) found.push({ offset: i, length: 6, text: body.slice(i, i + 6), short: false });
    }
    i++;
  }
  return found;
}
