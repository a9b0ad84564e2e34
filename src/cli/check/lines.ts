/**
 * A text's line starts, to turn offsets into 1-based lines and columns (in UTF-16 code units) as
 * `lineColumn` does (`\n`, `\r\n` and a lone `\r` end a line), in O(log lines) per offset: a file
 * of 10,000 tasks may carry many diagnostics.
 */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.#starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - this.#starts[low]! + 1 };
  }

  /** The offsets where each line starts and ends (before its line break). */
  lines(): { start: number; end: number }[] {
    return this.#starts.map((start, i) => {
      const next = this.#starts[i + 1];
      let end = next ?? this.text.length;
      if (next !== undefined) end -= this.text.charCodeAt(end - 2) === 13 && this.text.charCodeAt(end - 1) === 10 ? 2 : 1;
      return { start, end };
    });
  }
}
