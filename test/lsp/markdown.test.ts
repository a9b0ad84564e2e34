import { describe, expect, it } from "vitest";
import { toMarkdown } from "../../src/lsp/markdown.js";

describe("toMarkdown", () => {
  it.each([
    ["`rnk` is not a field", "`rnk` is not a field"],
    ["operators: < <= > >= = <> in", "operators: \\< \\<= \\> \\>= = \\<\\> in"],
    ['like: SQL-style pattern, % for any text ("%seo%" contains seo)', 'like: SQL-style pattern, % for any text ("%seo%" contains seo)'],
    ["referring_domains: num", "referring_domains: num"],
    ["_x_ and *y*", "\\_x\\_ and \\*y\\*"],
    ["a ` alone", "a \\` alone"],
    ["- 7d", "\\- 7d"],
    ["# endpoint", "\\# endpoint"],
    ["1. first", "1\\. first"],
    ["[link](x)", "\\[link\\](x)"],
  ])("%s", (text, markdown) => {
    expect(toMarkdown(text)).toBe(markdown);
  });

  it("keeps each line its own line", () => {
    expect(toMarkdown("rank: num\noperators: in")).toBe("rank: num\\\noperators: in");
  });

  it("leaves code spans alone, whatever they hold", () => {
    expect(toMarkdown("write `a <> b` or `*`")).toBe("write `a <> b` or `*`");
  });
});
