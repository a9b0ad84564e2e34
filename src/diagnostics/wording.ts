/*
 * How things are quoted and named in dfsq's messages (messages.ts, hints.ts and the few other
 * places that show a value to the user).
 */

/** `text` in backquotes, shortened for messages. */
export function code(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `\`${short.replace(/`/g, "'")}\``;
}

/** Source text to type, in a code span: kept whole up to `max` (the start is cut, the end is where
 * a fix usually is), and with backquotes in it shown as they are, between double backquotes. */
export function snippet(text: string, max = 80): string {
  const short = text.length > max ? `…${text.slice(text.length - max + 1)}` : text;
  return short.includes("`") ? `\`\` ${short} \`\`` : `\`${short}\``;
}

const TYPE_NAMES: Record<string, string> = {
  num: "number",
  str: "string",
  bool: "boolean",
  time: "time",
  "array.str": "string-array",
  "array.num": "number-array",
};
/** How a catalog type reads in a message: "number", "string-array". */
export const typeName = (type: string) => TYPE_NAMES[type] ?? type;

/** "1 condition", "3 conditions". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "`a`, `b` or `c`". */
export const oneOf = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`);

/** A task parameter's path as messages name it: `limit`, `custom_mode.value`, `targets.1`. */
export const paramName = (path: readonly PropertyKey[]) => path.map(String).join(".");
