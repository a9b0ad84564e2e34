import { CompletionContext, type CompletionResult, type CompletionSource } from "@codemirror/autocomplete";
import type { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { COMPLETION_TYPES, dfsq, dfsqCompletion, reconfigureDfsq, toCompletion } from "../../src/codemirror/index.js";
import { RD, stateOf } from "./helpers.js";

/** What CodeMirror's autocompletion would get from the editor's sources at the cursor. */
async function completeAt(state: EditorState, explicit = false): Promise<CompletionResult | null> {
  const pos = state.selection.main.head;
  const sources = state.languageDataAt<CompletionSource>("autocomplete", pos);
  expect(sources).toHaveLength(1);
  return sources[0]!(new CompletionContext(state, pos, explicit));
}

const labels = (r: CompletionResult | null) => r?.options.map((o) => o.label) ?? null;

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

  it("stays quiet after a space unless asked, then offers what may come next", async () => {
    const state = stateOf("referring_domains ", dfsq(RD));
    expect(await completeAt(state)).toBeNull();
    const asked = await completeAt(state, true);
    expect(labels(asked)).toContain(">");
    expect(asked?.options.find((o) => o.label === ">")).toMatchObject({ type: "operator", apply: "> " });
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
    expect(await completeAt(other)).toBeNull();
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
      info: "i",
      apply: "not in ",
      boost: -1,
    });
    expect(toCompletion({ label: "metrics", kind: "namespace" })).toEqual({ label: "metrics", type: "namespace" });
  });
});
