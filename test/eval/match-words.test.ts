import { describe, expect, it } from "vitest";
import { compileMatch, wordsOf } from "../../src/eval/match-words.js";

describe("wordsOf", () => {
  it("splits on everything but letters, marks and digits, lower-cased", () => {
    expect(wordsOf("Best SEO-tools, 2024!")).toEqual(["best", "seo", "tools", "2024"]);
    expect(wordsOf("e-mail_address")).toEqual(["e", "mail", "address"]);
    expect(wordsOf("café Cafe\u0301")).toEqual(["café", "café"]);
    expect(wordsOf("日本語 текст")).toEqual(["日本語", "текст"]);
    expect(wordsOf("  --  ")).toEqual([]);
  });
});

describe("compileMatch", () => {
  it.each<[query: string, value: string, match: boolean]>([
    ["phone", "iphone case", false],
    ["phone", "phone case", true],
    ["phone", "Phone-Case", true],
    ["PHONE", "cheap phone", true],
    ["phone case", "case for my phone", true],
    ["phone case", "phone cover", false],
    ["phone phone", "phone", true],
    ["phones", "phone", false],
    ["seo", "s.e.o", false],
    ["é", "caf é", true],
    ["", "anything", false],
    ["--", "--", false],
    ["2024", "report 2024", true],
  ])("%j match %j is %s", (query, value, expected) => {
    expect(compileMatch(query)(value)).toBe(expected);
  });
});
