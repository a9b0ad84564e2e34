import { quoteField, quoteSegments } from "../values/strings.js";
import { isKeyword } from "./keywords.js";

/** Field paths that lex as one FieldPath token and are no keyword need no backquotes. */
const PLAIN_PATH = /^(?:\d+\.)*[A-Za-z_][A-Za-z0-9_]*(?:\.(?:[A-Za-z_][A-Za-z0-9_]*|\d+))*$/;

/** A field as text that reads back as `path`: as it is where it can be, else with backquotes around
 * only the segments that need them (`a.`18-24``), else around the whole path. */
export function printFieldPath(path: string): string {
  if (PLAIN_PATH.test(path) && !isKeyword(path)) return path;
  return quoteSegments(path) ?? quoteField(path);
}
