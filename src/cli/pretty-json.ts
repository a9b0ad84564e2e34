/**
 * JSON indented for reading filters: objects and groups one member per line, but an array that
 * holds no object and does not start with an array stays on one line. That is a condition
 * (`["rank", ">", 10]`, `["domain", "in", ["a.com", "b.com"]]`), a value list or an order-by,
 * while a group (`[[…], "and", […]]`) is indented. Parses back to exactly what
 * `JSON.stringify(value)` writes.
 */
export function prettyJson(value: unknown, indent = "  "): string {
  // Through JSON first, so that toJSON, undefined members and the like read as JSON reads them.
  const json = JSON.stringify(value);
  return json === undefined ? "null" : write(JSON.parse(json) as unknown, "", indent);
}

function write(value: unknown, at: string, indent: string): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  const inner = at + indent;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (isOneLine(value)) return oneLine(value);
    return `[\n${value.map((v) => inner + write(v, inner, indent)).join(",\n")}\n${at}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner, indent)}`).join(",\n")}\n${at}}`;
}

/** Arrays and scalars only (isOneLine said so), with a space after each comma. */
function oneLine(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(oneLine).join(", ")}]` : JSON.stringify(value);
}

function isOneLine(array: readonly unknown[]): boolean {
  return !Array.isArray(array[0]) && !array.some(holdsObject);
}

function holdsObject(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  return Array.isArray(value) ? value.some(holdsObject) : true;
}
