import { CompletionContext, type CompletionResult, type CompletionSource } from "@codemirror/autocomplete";
import type { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { COMPLETION_TYPES, dfsq, dfsqCompletion, dfsqValueCompletion, reconfigureDfsq, toCompletion } from "../../src/codemirror/index.js";
import { RD, stateOf } from "./helpers.js";

/** What CodeMirror's autocompletion would get from the editor's sources at the cursor. */
async function completeAt(state: EditorState, explicit = false): Promise<CompletionResult | null> {
  const pos = state.selection.main.head;
  const sources = state.languageDataAt<CompletionSource>("autocomplete", pos);
  expect(sources).toHaveLength(1);
  return sources[0]!(new CompletionContext(state, pos, explicit));
}

const labels = (r: CompletionResult | null) => r?.options.map((o) => o.label) ?? [];

describe("dfsq() completion", () => {
  it("offers the endpoint's fields for the word being typed, replacing it", async () => {
    const r = await completeAt(stateOf("referring_d", dfsq(RD)));
    expect([r?.from, r?.to]).toEqual([0, 11]);
    expect(r?.options[0]).toMatchObject({ label: "referring_domains", type: "property", detail: "num" });
  });

  it("replaces only the segment after the last dot of a path", async () => {
    const r = await completeAt(stateOf("referring_links_tld.c", dfsq(RD)));
    expect(r?.from).toBe("referring_links_tld.".length);
    expect(labels(r)).toContain("com");
  });

  it("offers the next segments right after a dot", async () => {
    expect(labels(await completeAt(stateOf("referring_links_tld.", dfsq(RD))))).toContain("com");
  });

  it("opens as the user types: after a space, an operator, and/or, ( and on an empty line", async () => {
    const unasked = async (doc: string) => labels(await completeAt(stateOf(doc, dfsq(RD))));
    expect(await unasked("referring_domains ")).toContain(">");
    expect((await completeAt(stateOf("referring_domains ", dfsq(RD))))?.options.find((o) => o.label === ">")).toMatchObject({ type: "operator", apply: "> " });
    expect(await unasked("first_seen > ")).toContain("now - 30d");
    expect(await unasked("first_seen >")).toEqual([">="]);
    expect(await unasked("rank > 1 and ")).toContain("domain");
    expect(await unasked("rank > 1 or (")).toContain("domain");
    expect(await unasked("rank > 1 ")).toEqual(["and", "or"]);
    expect(await unasked("")).toContain("domain");
  });

  it("hands CodeMirror dfsq's order, unfiltered, with the matched characters marked", async () => {
    const r = await completeAt(stateOf("volume", dfsq({ endpoint: "dataforseo_labs/google/related_keywords" })));
    expect(r?.filter).toBe(false);
    expect(r?.options[0]?.label).toBe("keyword_data.keyword_info.search_volume");
    expect(r?.getMatch?.(r.options[0]!)).toEqual([33, 39]);
  });

  it("completes sort rules in orderBy mode", async () => {
    const r = await completeAt(stateOf("rank d", dfsq({ ...RD, mode: "orderBy" })));
    expect(labels(r)).toEqual(["desc"]);
    expect(r?.options[0]?.type).toBe("keyword");
  });

  it("follows reconfigureDfsq", async () => {
    const state = stateOf("referring_d", dfsq({ endpoint: "backlinks/anchors" }));
    expect(labels(await completeAt(state))).toContain("referring_domains");
    const other = state.update({ effects: reconfigureDfsq({ endpoint: "backlinks/backlinks" }) }).state;
    expect(labels(await completeAt(other))).not.toContain("referring_domains");
  });

  it("returns null inside a string", async () => {
    expect(await completeAt(stateOf('domain like "%se|o%"', dfsq(RD)), true)).toBeNull();
  });
});

describe("dfsqCompletion", () => {
  it("works as a plain source with its own options where the editor has none", () => {
    const state = stateOf("referring_d");
    const r = dfsqCompletion(RD)(new CompletionContext(state, 11, false)) as CompletionResult | null;
    expect(labels(r)).toContain("referring_domains");
  });

  it("yields to the editor's dfsq options", () => {
    const state = stateOf("referring_d", dfsq({ endpoint: "backlinks/backlinks" }));
    expect(dfsqCompletion(RD)(new CompletionContext(state, 11, false))).toBeNull();
  });
});

describe("toCompletion", () => {
  it("maps every dfsq kind to a CodeMirror type and keeps detail, info, apply and boost", () => {
    expect(Object.keys(COMPLETION_TYPES).toSorted()).toEqual(["field", "keyword", "namespace", "operator", "punctuation", "value"]);
    expect(toCompletion({ label: "not in", kind: "keyword", detail: "d", info: "i", apply: "not in ", boost: -1 })).toEqual({
      label: "not in",
      type: "keyword",
      detail: "d",
      info: expect.any(Function),
      apply: "not in ",
      boost: -1,
    });
    expect(toCompletion({ label: "metrics", kind: "namespace" })).toEqual({ label: "metrics", type: "namespace" });
  });
});

describe("values of the application's own (dfsqValueCompletion)", () => {
  const items = ["example.com", "example.org", "other.net"];

  it("asks the hook with the field and what was typed, and quotes string values", async () => {
    const calls: [string, string, string | undefined][] = [];
    const source = dfsqValueCompletion((field, prefix, { type }) => {
      calls.push([field, prefix, type]);
      return items.filter((v) => v.startsWith(prefix));
    }, { delay: 0 });
    const state = stateOf('domain = "exa', dfsq(RD));
    const r = (await source(new CompletionContext(state, state.doc.length, false))) as CompletionResult;
    expect(calls).toEqual([["domain", "exa", "str"]]);
    expect([r.from, r.to]).toEqual([9, 13]);
    expect(labels(r)).toEqual(['"example.com"', '"example.org"']);
    expect(r.getMatch?.(r.options[0]!)).toEqual([1, 4]);
  });

  it("leaves numbers as numbers, and skips what dfsq offers already", async () => {
    const source = dfsqValueCompletion(() => [10, { value: "20", detail: "seen twice" }, "MEDIUM", "LOW"], { delay: 0 });
    const rank = stateOf("rank > ", dfsq(RD));
    expect(labels((await source(new CompletionContext(rank, 7, false))) as CompletionResult)).toEqual(["10", "20"]);
    const labs = { endpoint: "dataforseo_labs/google/keyword_ideas" };
    const level = stateOf("keyword_info.competition_level = ", dfsq(labs));
    const r = (await source(new CompletionContext(level, level.doc.length, false))) as CompletionResult;
    // "MEDIUM" and "LOW" are documented values that dfsq's own source offers.
    expect(labels(r)).toEqual(['"10"', '"20"']);
  });

  it("is not asked where no value of a known field stands, and not once the user typed on", async () => {
    let asked = 0;
    const source = dfsqValueCompletion(() => {
      asked++;
      return items;
    }, { delay: 20 });
    expect(await source(new CompletionContext(stateOf("rank > 1 ", dfsq(RD)), 9, false))).toBeNull();
    expect(await source(new CompletionContext(stateOf('domain like "', dfsq(RD)), 13, false))).toBeNull();
    const context = new CompletionContext(stateOf("domain = ", dfsq(RD)), 9, false);
    const pending = source(context);
    // What CodeMirror does when the document changes under a pending source.
    (context as unknown as { abortListeners: (() => void)[] }).abortListeners.forEach((f) => f());
    expect(await pending).toBeNull();
    expect(asked).toBe(0);
  });

  it("is registered by dfsq({ values }) after dfsq's own source", () => {
    const state = stateOf("rank > ", dfsq(RD, { values: () => [] }));
    expect(state.languageDataAt<CompletionSource>("autocomplete", 7)).toHaveLength(2);
  });
});
