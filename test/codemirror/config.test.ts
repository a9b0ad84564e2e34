import { EditorSelection } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import {
  dfsq,
  dfsqAnalysis,
  dfsqHighlighting,
  dfsqHover,
  dfsqLinter,
  dfsqOptions,
  dfsqOptionsOf,
  reconfigureDfsq,
} from "../../src/codemirror/index.js";
import { RD, stateOf } from "./helpers.js";

const codes = (diagnostics: readonly { code: string }[] | undefined) => diagnostics?.map((d) => d.code);

describe("the shared analysis", () => {
  it("analyses the document when the state is made, with the given options", () => {
    const state = stateOf("referring_domains > 10", dfsq(RD));
    expect(dfsqAnalysis(state)?.value).toEqual(["referring_domains", ">", 10]);
    expect(dfsqAnalysis(state)?.mode).toBe("filter");
  });

  it("reads order-by text in orderBy mode", () => {
    const state = stateOf("rank desc, backlinks", dfsq({ ...RD, mode: "orderBy" }));
    expect(dfsqAnalysis(state)?.value).toEqual(["rank,desc", "backlinks,asc"]);
  });

  it("is recomputed on each document change and kept as is otherwise", () => {
    const state = stateOf("rank > 1", dfsq(RD));
    const before = dfsqAnalysis(state);
    const moved = state.update({ selection: EditorSelection.cursor(0) }).state;
    expect(dfsqAnalysis(moved)).toBe(before);
    const edited = moved.update({ changes: { from: moved.doc.length, insert: "0" } }).state;
    expect(dfsqAnalysis(edited)).not.toBe(before);
    expect(dfsqAnalysis(edited)?.value).toEqual(["rank", ">", 10]);
  });

  it("is absent from an editor without dfsq", () => {
    expect(dfsqAnalysis(stateOf("rank > 1"))).toBeUndefined();
  });

  it("is one field however many parts are combined, and their options merge", () => {
    const state = stateOf("referring_domain > 1", [
      dfsqHighlighting({ endpoint: RD.endpoint }),
      dfsqLinter(),
      dfsqHover({ mode: "filter" }),
    ]);
    expect(dfsqOptionsOf(state)).toEqual({ endpoint: RD.endpoint, mode: "filter" });
    expect(codes(dfsqAnalysis(state)?.diagnostics)).toEqual(["unknown_field"]);
  });
});

describe("reconfigureDfsq", () => {
  it("switches the endpoint without touching the document, and the analysis follows", () => {
    const state = stateOf("referring_domains > 10", dfsq({ endpoint: "backlinks/anchors" }));
    expect(dfsqAnalysis(state)?.value).toBeDefined();
    const other = state.update({ effects: reconfigureDfsq({ endpoint: "backlinks/backlinks" }) }).state;
    expect(other.doc.toString()).toBe("referring_domains > 10");
    expect(dfsqOptionsOf(other)).toEqual({ endpoint: "backlinks/backlinks" });
    expect(codes(dfsqAnalysis(other)?.diagnostics)).toEqual(["unknown_field"]);
  });

  it("switches the mode", () => {
    const state = stateOf("rank desc", dfsq({ mode: "filter" }));
    expect(dfsqAnalysis(state)?.value).toBeUndefined();
    const sorted = state.update({ effects: reconfigureDfsq({ mode: "orderBy" }) }).state;
    expect(dfsqAnalysis(sorted)?.value).toEqual(["rank,desc"]);
  });

  it("keeps the analysis when the new options equal the old ones", () => {
    const state = stateOf("rank > 1", dfsq({ endpoint: RD.endpoint }));
    const same = state.update({ effects: reconfigureDfsq({ endpoint: RD.endpoint }) }).state;
    expect(dfsqAnalysis(same)).toBe(dfsqAnalysis(state));
  });

  it("reports option problems in the analysis, not as text problems", () => {
    const state = stateOf("rank > 1", dfsq({ endpoint: "backlinks/nope" }));
    const problem = dfsqAnalysis(state)?.diagnostics.find((d) => d.code === "unknown_endpoint");
    expect(problem?.option).toBe("endpoint");
  });
});

describe("dfsqOptions", () => {
  it("is empty (a filter, no endpoint) when nothing is configured", () => {
    expect(stateOf("").facet(dfsqOptions)).toEqual({});
  });
});
