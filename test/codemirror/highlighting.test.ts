import type { Decoration } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/assist/index.js";
import { highlightClassName, highlightDecorations } from "../../src/codemirror/index.js";

function marks(source: string, length = source.length): [string, string][] {
  const out: [string, string][] = [];
  highlightDecorations(analyze(source), length).between(0, length, (from, to, value: Decoration) => {
    out.push([source.slice(from, to), String(value.spec.class)]);
  });
  return out;
}

describe("highlighting", () => {
  it("marks every token with its cm-dfsq class", () => {
    expect(marks('rank > 10 and domain like "%seo%"')).toEqual([
      ["rank", "cm-dfsq-field"],
      [">", "cm-dfsq-operator"],
      ["10", "cm-dfsq-number"],
      ["and", "cm-dfsq-keyword"],
      ["domain", "cm-dfsq-field"],
      ["like", "cm-dfsq-keyword"],
      ['"%seo%"', "cm-dfsq-string"],
    ]);
  });

  it("marks times, punctuation and unmatched characters", () => {
    expect(marks("(first_seen > now - 30d) #")).toEqual([
      ["(", "cm-dfsq-punctuation"],
      ["first_seen", "cm-dfsq-field"],
      [">", "cm-dfsq-operator"],
      ["now", "cm-dfsq-time"],
      ["-", "cm-dfsq-operator"],
      ["30d", "cm-dfsq-time"],
      [")", "cm-dfsq-punctuation"],
      ["#", "cm-dfsq-error"],
    ]);
  });

  it("marks raw strings as strings, backquoted segments as part of the field, == and && as operators", () => {
    expect(marks('a.`18-24` == 1 && url ~ r"\\bseo\\b"')).toEqual([
      ["a.`18-24`", "cm-dfsq-field"],
      ["==", "cm-dfsq-operator"],
      ["1", "cm-dfsq-number"],
      ["&&", "cm-dfsq-operator"],
      ["url", "cm-dfsq-field"],
      ["~", "cm-dfsq-operator"],
      ['r"\\bseo\\b"', "cm-dfsq-string"],
    ]);
  });

  it("clips tokens to the document", () => {
    expect(marks("rank > 10", 5)).toEqual([["rank", "cm-dfsq-field"]]);
  });

  it("names classes after dfsq's highlight classes", () => {
    expect(highlightClassName("keyword")).toBe("cm-dfsq-keyword");
  });
});
