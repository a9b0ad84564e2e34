import { invalidArgument } from "../diagnostics/error.js";
import * as messages from "../diagnostics/messages.js";
import { describeValue } from "../values/guarded.js";

/** The boundary of the cursor queries: text and a whole-number offset, or DfsqError. */
export function checkPosition(name: string, source: unknown, offset: unknown): void {
  if (typeof source !== "string") throw invalidArgument(messages.takes(name, messages.things.text, describeValue(source)));
  if (typeof offset !== "number" || !Number.isInteger(offset)) {
    throw invalidArgument(messages.takes(name, messages.things.offset, describeValue(offset)));
  }
}
