import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { JsonPath, Span } from "../../diagnostics/diagnostic.js";

/**
 * Where the values of a JSON text lie, for diagnostics that name a JSON path. The text is parsed
 * with offsets only when a diagnostic asks (JSON.parse reads every file; most have none).
 */
export class JsonLocator {
  #root: Node | undefined;
  #parsed = false;

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
    const root = this.#tree();
    if (root === undefined) return { start: this.base, end: this.base };
    for (let n = path.length; n > 0; n--) {
      const node = findNodeAtLocation(root, path.slice(0, n) as (string | number)[]);
      if (node === undefined) continue;
      const whole = typeof path[n - 1] === "string" && node.parent?.type === "property" ? node.parent : node;
      return this.#span(whole);
    }
    return this.#span(root);
  }

  #span(node: Node): Span {
    return { start: this.base + node.offset, end: this.base + node.offset + node.length };
  }

  #tree(): Node | undefined {
    if (!this.#parsed) {
      this.#root = parseTree(this.text, [], { disallowComments: true });
      this.#parsed = true;
    }
    return this.#root;
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
