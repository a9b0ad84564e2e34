/*
 * dfsq's texts (messages, hovers, completion notes) are plain text that marks code the Markdown
 * way, in backquotes (`>`). As Markdown they keep those code spans and escape what Markdown would
 * otherwise read as markup (`*`, `<>`, `[`, a leading `#` or `-`), so that `"%seo%"` or `<>` shows
 * as written. Underscores inside words (`referring_domains`) are no markup and stay unescaped, so
 * the text still reads well in clients that show Markdown raw.
 */

const SPECIAL = /[\\*[\]<>|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
const LINE_START = /^(\s*)(?:([#+-])|(\d+)([.)]))/;

function escapeText(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

/** `text` as Markdown: code spans kept, the rest escaped, each line its own line. */
export function toMarkdown(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      // Balanced backquote pairs are code spans; an unpaired backquote is escaped like other text.
      const parts = line.split(/(`[^`]+`)/);
      const escaped = parts.map((part) => (/^`[^`]+`$/.test(part) ? part : escapeText(part).replace(/`/g, "\\`"))).join("");
      // A list marker or heading at the start of a line (`>` is escaped everywhere already).
      return escaped.replace(LINE_START, (_m, space: string, mark?: string, digits?: string, dot?: string) =>
        mark === undefined ? `${space}${digits}\\${dot}` : `${space}\\${mark}`,
      );
    })
    // A backslash at the end of a line breaks it without starting a paragraph.
    .join("\\\n");
}
