import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { JsonPath, Span } from "../../diagnostics/diagnostic.js";

/** One member of an object or array: where its value (and, in an object, its key) lies. */
interface Member {
  readonly key: string | number;
  /** Where the key starts (objects), or the value (arrays). */
  readonly from: number;
  readonly start: number;
  readonly end: number;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Where the values of a JSON text lie, for diagnostics that name a JSON path. The text is valid
 * JSON (JSON.parse read it). Nothing is built up front: the first path through an object or array
 * lists its members' offsets, by a scan that steps over their contents without building them, so
 * locating a few problems in a file of thousands of tasks costs about one pass over it.
 */
export class JsonLocator {
  readonly #members = new Map<number, Member[]>();
  #root: Member | undefined;

  /** `text` is one JSON value; `base` is where it starts in its file (a line of a .jsonl file). */
  constructor(
    readonly text: string,
    readonly base = 0,
  ) {}

  /**
   * The span of the value at `path`, in file offsets. When the path ends at an object's key, the
   * whole property (`"limit": 5000`), so that both an unknown key and a bad value are underlined;
   * when it goes past what the text holds (a parameter that is missing), the nearest value that
   * holds it.
   */
  spanOf(path: JsonPath): Span {
    let at = this.#rootMember();
    for (const key of path) {
      const next = this.#member(at.start, key);
      if (next === undefined) break;
      at = next;
    }
    return { start: this.base + at.from, end: this.base + at.end };
  }

  #rootMember(): Member {
    if (this.#root === undefined) {
      const start = this.#skipSpace(0);
      this.#root = { key: "", from: start, start, end: this.#skipValue(start) };
    }
    return this.#root;
  }

  #member(container: number, key: string | number): Member | undefined {
    const open = this.text.charCodeAt(container);
    if ((open === 91 /* [ */ && typeof key !== "number") || (open === 123 /* { */ && typeof key !== "string")) return undefined;
    if (open !== 91 && open !== 123) return undefined;
    let members = this.#members.get(container);
    if (members === undefined) this.#members.set(container, (members = this.#list(container)));
    if (typeof key === "number") return members[key];
    // JSON.parse keeps the last of duplicate keys; so does the path.
    return members.findLast((m) => m.key === key);
  }

  #list(container: number): Member[] {
    const text = this.text;
    const isObject = text.charCodeAt(container) === 123;
    const members: Member[] = [];
    let i = this.#skipSpace(container + 1);
    while (i < text.length && text.charCodeAt(i) !== (isObject ? 125 : 93)) {
      const from = i;
      let key: string | number = members.length;
      if (isObject) {
        const keyEnd = this.#skipString(i);
        const raw = text.slice(i, keyEnd);
        key = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        i = this.#skipSpace(this.#skipSpace(keyEnd) + 1); // past the colon
      }
      const end = this.#skipValue(i);
      members.push({ key, from, start: i, end });
      i = this.#skipSpace(end);
      if (text.charCodeAt(i) === 44 /* , */) i = this.#skipSpace(i + 1);
    }
    return members;
  }

  #skipSpace(i: number): number {
    while (i < this.text.length && isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** Past the string that starts at `i`. */
  #skipString(i: number): number {
    const text = this.text;
    for (let j = i + 1; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 92 /* \ */) j++;
      else if (c === 34 /* " */) return j + 1;
    }
    return text.length;
  }

  /** Past the value that starts at `i`. */
  #skipValue(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === 34) return this.#skipString(i);
    if (c !== 91 && c !== 123) {
      let j = i;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === 44 || d === 93 || d === 125 || isSpace(d)) break;
        j++;
      }
      return j;
    }
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 34) j = this.#skipString(j) - 1;
      else if (d === 91 || d === 123) depth++;
      else if ((d === 93 || d === 125) && --depth === 0) return j + 1;
    }
    return text.length;
  }
}

/** The first syntax error of a JSON text, as jsonc-parser names it, with its span; undefined when
 * it finds none (JSON.parse then failed on something it accepts, which is not expected). */
export function jsonSyntaxError(text: string): { span: Span; reason: string } | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return undefined;
  return { span: { start: first.offset, end: first.offset + first.length }, reason: printParseErrorCode(first.error) };
}
