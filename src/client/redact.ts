/*
 * Redaction: the one function every string that leaves the client passes through (error
 * messages, JSON paths, stacks, causes, response bodies and envelopes kept on errors, warnings,
 * events). It replaces each secret, in every form a server, a proxy or a library could have
 * turned it into, with `[redacted]`.
 */

/** Replaces every secret in `text` with `[redacted]`. */
export type Redact = (text: string) => string;

export const REDACTED = "[redacted]";

/**
 * Secrets shorter than this are not redacted: replacing every "ab" would garble messages, and
 * DataForSEO's API logins (e-mail addresses) and passwords are much longer.
 */
const MIN_SECRET_LENGTH = 3;

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

/** `[aA]` for a letter, the digit itself otherwise: hex digits in either case. */
const anyCaseHex = (hex: string) => [...hex].map((d) => (/[a-f]/i.test(d) ? `[${d.toLowerCase()}${d.toUpperCase()}]` : d)).join("");

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/** The letters of JSON's short escapes (`\"`, `\n`, …), which a JSON body may use instead of `\u00XX`. */
const JSON_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  "\b": "b",
  "\f": "f",
  "\n": "n",
  "\r": "r",
  "\t": "t",
};

/**
 * The backslashes of a JSON escape, up to three levels of quoting deep (2³ − 1). Bounded, so that
 * a body of backslashes costs linear time, not quadratic.
 */
const BACKSLASHES = "\\\\{1,7}";

/**
 * The pattern of one character (code point) in any of the encodings a secret may travel in: as
 * is; percent-encoded (each UTF-8 byte as `%XX`, hex in either case, whichever characters the
 * encoder chose to escape); form-encoded (a space as `+`); JSON-escaped (`\uXXXX` in either case,
 * surrogate pairs for astral characters, and the short escapes such as `\"`), at any depth (a
 * JSON text quoted in another doubles the backslashes: `\\\"`, `\\u00fc`).
 */
function characterPattern(char: string): string {
  const forms = [escapeRegExp(char)];
  const bytes = [...new TextEncoder().encode(char)];
  forms.push(bytes.map((b) => `%${anyCaseHex(hex(b, 2))}`).join(""));
  if (char === " ") forms.push("\\+");
  const units = Array.from({ length: char.length }, (_, i) => char.charCodeAt(i));
  forms.push(units.map((u) => `${BACKSLASHES}u${anyCaseHex(hex(u, 4))}`).join(""));
  const short = JSON_SHORT_ESCAPES[char];
  if (short !== undefined) forms.push(`${BACKSLASHES}${escapeRegExp(short)}`);
  return `(?:${forms.join("|")})`;
}

/** A pattern that matches `secret` spelled in any mix of the encodings `characterPattern` knows. */
function secretPattern(secret: string): string {
  return [...secret].map(characterPattern).join("");
}

/**
 * A Redact for `secrets`. One regular expression with the longest secrets first, so that a
 * secret containing another (`login:password` and `password`) is replaced whole; its cost is
 * linear in the text (each character's alternatives start differently, save `%` and `\`, whose
 * runs are bounded).
 */
export function redactor(secrets: readonly string[]): Redact {
  const kept = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_LENGTH).toSorted((a, b) => b.length - a.length);
  if (kept.length === 0) return (text) => text;
  const pattern = new RegExp(kept.map(secretPattern).join("|"), "g");
  return (text) => text.replace(pattern, REDACTED);
}

/**
 * A copy of `value` with `redact` applied to every string in it, object keys included. Walks
 * iteratively (a body nested 100,000 levels deep does not overflow the stack) and keeps shared
 * and cyclic references as they were. Arrays and plain objects are copied; other values are kept.
 */
export function redactDeep(value: unknown, redact: Redact): unknown {
  const copies = new Map<object, unknown>();
  const pending: { source: object; target: Record<string, unknown> | unknown[] }[] = [];
  const copy = (v: unknown): unknown => {
    if (typeof v === "string") return redact(v);
    if (typeof v !== "object" || v === null) return v;
    const done = copies.get(v);
    if (done !== undefined) return done;
    const proto: unknown = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return v;
    const target: Record<string, unknown> | unknown[] = Array.isArray(v) ? [] : {};
    copies.set(v, target);
    pending.push({ source: v, target });
    return target;
  };
  const root = copy(value);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { source, target } = next;
    if (Array.isArray(source)) {
      for (const item of source) (target as unknown[]).push(copy(item));
    } else {
      for (const [key, item] of Object.entries(source)) (target as Record<string, unknown>)[redact(key)] = copy(item);
    }
  }
  return root;
}

function readSafely(target: object, key: string): unknown {
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** How far down a chain of `cause`s redaction goes (and a chain is followed at all). */
const MAX_CAUSES = 8;

/**
 * Redacts `error` in place, and the errors of its `cause` chain: every own property that holds
 * a value (message, stack, and the class's own: status messages, issues and their paths, body,
 * response) is replaced by its redacted copy, so that whatever renders the error afterwards
 * (`String`, `JSON.stringify` and `toJSON`, `util.inspect`, a logger walking its properties)
 * finds no secret. A `cause` that is not an Error is redacted as a value. Properties that cannot
 * be redefined are left alone; the client defines none.
 * Returns `error`.
 */
export function redactError<E extends Error>(error: E, redact: Redact): E {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < MAX_CAUSES; depth++) {
    for (const key of Object.getOwnPropertyNames(current)) {
      const descriptor = Object.getOwnPropertyDescriptor(current, key);
      if (descriptor === undefined || !descriptor.configurable) continue;
      // Some engines make `stack` an accessor; it is read once and kept as a value.
      const value: unknown = "value" in descriptor ? descriptor.value : readSafely(current, key);
      if (key === "cause" && value instanceof Error) continue;
      const { get: _get, set: _set, ...rest } = descriptor;
      Object.defineProperty(current, key, { ...rest, writable: true, value: redactDeep(value, redact) });
    }
    current = current.cause;
  }
  return error;
}
