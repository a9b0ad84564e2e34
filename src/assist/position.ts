import { invalidArgument } from "../diagnostics/error.js";
import { describeValue } from "../values/guarded.js";

/** The boundary of the cursor queries: text and a whole-number offset, or DfsqError. */
export function checkPosition(name: string, source: unknown, offset: unknown): void {
  if (typeof source !== "string") throw invalidArgument(`\`${name}\` takes dfsq text (a string), found ${describeValue(source)}`);
  if (typeof offset !== "number" || !Number.isInteger(offset)) {
    throw invalidArgument(`\`${name}\` takes an offset in the text (a whole number), found ${describeValue(offset)}`);
  }
}
