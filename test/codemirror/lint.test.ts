import { Text } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { applyQuickFix, dfsq, dfsqAnalysis, lintDiagnostics, reconfigureDfsq, underlineRange } from "../../src/codemirror/index.js";
import { fakeView, RD, stateOf } from "./helpers.js";

const range = (doc: string, start: number, end = start) => underlineRange(Text.of(doc.split("\n")), start, end);

describe("underlineRange", () => {
  it("keeps a span that covers text", () => {
    expect(range("rank > and", 7, 10)).toEqual({ from: 7, to: 10 });
  });

  it("widens a zero-width span to the character after it", () => {
    expect(range("rank > ) x", 7)).toEqual({ from: 7, to: 8 });
  });

  it("at the end of the text, underlines the last non-blank character instead", () => {
    expect(range("rank >", 6)).toEqual({ from: 5, to: 6 });
    expect(range("rank >  ", 8)).toEqual({ from: 5, to: 6 });
  });

  it("at the end of a line, does not underline the line break", () => {
    expect(range("rank >\nand x", 6)).toEqual({ from: 5, to: 6 });
  });

  it("clips spans past the end, and leaves empty text a point", () => {
    expect(range("ab", 1, 99)).toEqual({ from: 1, to: 2 });
    expect(range("", 0)).toEqual({ from: 0, to: 0 });
    expect(range("   ", 3)).toEqual({ from: 3, to: 3 });
  });
});

describe("lintDiagnostics", () => {
  it("maps an error at the end onto the operator that wants a value", () => {
    const [d, ...rest] = lintDiagnostics(stateOf("rank >", dfsq()));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ from: 5, to: 6, severity: "error" });
    expect(d?.source).toMatch(/^dfsq unexpected_/);
    expect(d?.message).toBe(dfsqAnalysis(stateOf("rank >", dfsq()))?.diagnostics[0]?.message);
  });

  it("keeps warnings as warnings, with the hint after the message", () => {
    const state = stateOf('domain like "seo"', dfsq(RD));
    const source = dfsqAnalysis(state)!.diagnostics.find((d) => d.code === "like_without_wildcard")!;
    const d = lintDiagnostics(state).find((x) => x.source === "dfsq like_without_wildcard");
    expect(d).toMatchObject({ severity: "warning", from: source.span.start, to: source.span.end });
    expect(d?.message).toBe(source.hint === undefined ? source.message : `${source.message}\n${source.hint}`);
  });

  it("offers each suggestion as a quick fix that replaces the text", () => {
    const state = stateOf("referring_domain > 10", dfsq(RD));
    const [d] = lintDiagnostics(state);
    expect(d?.source).toBe("dfsq unknown_field");
    const fix = d?.actions?.find((a) => a.name === "referring_domains");
    expect(fix).toBeDefined();
    const view = fakeView(state);
    fix!.apply(view, d!.from, d!.to);
    expect(view.state.doc.toString()).toBe("referring_domains > 10");
    expect(lintDiagnostics(view.state)).toEqual([]);
  });

  it("offers a diagnostic's own fixes, which may insert text other than a suggestion", () => {
    const state = stateOf("domain = seo.com and rank > 1", dfsq());
    const [d] = lintDiagnostics(state);
    expect(d?.source).toBe("dfsq unquoted_text");
    expect(d?.actions?.map((a) => a.name)).toEqual(['quote it: "seo.com"']);
    const view = fakeView(state);
    d!.actions![0]!.apply(view, d!.from, d!.to);
    expect(view.state.doc.toString()).toBe('domain = "seo.com" and rank > 1');
    expect(view.state.selection.main.head).toBe('domain = "seo.com"'.length);
    expect(lintDiagnostics(view.state)).toEqual([]);
  });

  it("leaves out problems with the options: they are not in the text", () => {
    const state = stateOf("rank > 1", dfsq({ endpoint: "backlinks/nope" }));
    expect(dfsqAnalysis(state)?.diagnostics.some((d) => d.option === "endpoint")).toBe(true);
    expect(lintDiagnostics(state).map((d) => d.source)).not.toContain("dfsq unknown_endpoint");
  });

  it("follows the options", () => {
    const state = stateOf("referring_domains > 10", dfsq({ endpoint: "backlinks/anchors" }));
    expect(lintDiagnostics(state)).toEqual([]);
    const other = state.update({ effects: reconfigureDfsq({ endpoint: "backlinks/backlinks" }) }).state;
    expect(lintDiagnostics(other).map((d) => d.source)).toEqual(["dfsq unknown_field"]);
  });

  it("is empty without dfsq in the editor", () => {
    expect(lintDiagnostics(stateOf("rank >"))).toEqual([]);
  });
});

describe("lintDiagnostics on blank text", () => {
  it("flags nothing in an empty editor, though the analysis has its unexpected_end", () => {
    for (const doc of ["", "  \n "]) {
      const state = stateOf(doc, dfsq());
      expect(dfsqAnalysis(state)?.diagnostics.map((d) => d.code)).toEqual(["unexpected_end"]);
      expect(lintDiagnostics(state)).toEqual([]);
    }
  });
});

describe("quick fixes in one key", () => {
  it("applyQuickFix applies the first fix of the problem at the cursor", () => {
    const view = fakeView(stateOf("domain = seo.com| and rank > 1", dfsq()));
    expect(applyQuickFix(view)).toBe(true);
    expect(view.state.doc.toString()).toBe('domain = "seo.com" and rank > 1');
    expect(applyQuickFix(view)).toBe(false);
  });

  it("does nothing where the cursor touches no problem with a fix", () => {
    const view = fakeView(stateOf("domain = seo.com and rank| > 1", dfsq()));
    expect(applyQuickFix(view)).toBe(false);
    expect(view.state.doc.toString()).toBe("domain = seo.com and rank > 1");
  });

  it("names fixes without backquotes, which a button would show literally", () => {
    for (const doc of ["domain = seo.com", "referring_domain > 1", "rank > 1 && rank < 5", 'anchor regex "\\bseo"']) {
      for (const d of lintDiagnostics(stateOf(doc, dfsq(RD)))) {
        for (const action of d.actions ?? []) expect(action.name).not.toContain("`");
      }
    }
    // A did-you-mean whose field needs backquotes: the fix inserts them, its name shows none.
    const labs = { endpoint: "dataforseo_labs/google/related_keywords" };
    const state = stateOf("`keyword_data.clickstream_keyword_info.age_distribution.18-25` > 1", dfsq(labs));
    const actions = lintDiagnostics(state).flatMap((d) => d.actions ?? []);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(action.name).not.toContain("`");
  });
});
