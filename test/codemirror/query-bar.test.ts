import type { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import { exampleExpression } from "../../src/assist/index.js";
import { checkFilter, checkOrderBy } from "../../src/compile.js";
import { listEndpoints } from "../../src/index.js";
import { memoryHistory, queryBar, reconfigureDfsq } from "../../src/codemirror/index.js";
import { fakeView, press, RD, stateOf } from "./helpers.js";

function bar(doc: string, extra: Partial<Parameters<typeof queryBar>[1]> = {}) {
  const submitted: [unknown, string][] = [];
  const invalid: string[][] = [];
  const history = (extra.history as ReturnType<typeof memoryHistory> | undefined) ?? memoryHistory();
  const view = fakeView(
    stateOf(
      doc,
      queryBar(RD, {
        onSubmit: (compiled, text) => submitted.push([compiled, text]),
        onInvalid: (diagnostics) => invalid.push(diagnostics.map((d) => d.code)),
        ...extra,
        history,
      }),
    ),
  );
  return { view, submitted, invalid, history };
}

describe("queryBar: Enter", () => {
  it("submits the compiled filter and the text, and keeps the text in the history", () => {
    const { view, submitted, history } = bar("rank > 10");
    expect(press(view, "Enter")).toBe(true);
    expect(submitted).toEqual([[["rank", ">", 10], "rank > 10"]]);
    expect(history.entries).toEqual(["rank > 10"]);
    expect(view.state.doc.toString()).toBe("rank > 10");
  });

  it("submits nothing while there are errors, and selects the first one instead", () => {
    const { view, submitted, invalid } = bar("rank > and domain = 1");
    expect(press(view, "Enter")).toBe(true);
    expect(submitted).toEqual([]);
    expect(invalid[0]?.[0]).toBe("unexpected_token");
    expect(view.state.selection.main).toMatchObject({ from: 7, to: 10 });
  });

  it("submits a blank query as no filter", () => {
    const { view, submitted, history } = bar("  ");
    press(view, "Enter");
    expect(submitted).toEqual([[undefined, "  "]]);
    expect(history.entries).toEqual([]);
  });

  it("never inserts a newline: typed or pasted line breaks become spaces", () => {
    const { view } = bar("rank > 1");
    view.dispatch({ changes: { from: 8, insert: "\nand\r\nbacklinks > 2" } });
    expect(view.state.doc.toString()).toBe("rank > 1 and backlinks > 2");
    expect(view.state.doc.lines).toBe(1);
  });
});

describe("queryBar: history", () => {
  it("recalls earlier queries with up and down, and comes back to the draft", () => {
    const { view } = bar("rank > 3", { history: memoryHistory(["rank > 1", "rank > 2"]) });
    press(view, "ArrowUp");
    expect(view.state.doc.toString()).toBe("rank > 2");
    press(view, "ArrowUp");
    expect(view.state.doc.toString()).toBe("rank > 1");
    expect(press(view, "ArrowUp")).toBe(false);
    press(view, "ArrowDown");
    press(view, "ArrowDown");
    expect(view.state.doc.toString()).toBe("rank > 3");
    expect(press(view, "ArrowDown")).toBe(false);
  });

  it("moves a query submitted again to the end, once", () => {
    const { view, history } = bar("rank > 1", { history: memoryHistory(["rank > 1", "rank > 2"]) });
    press(view, "Enter");
    expect(history.entries).toEqual(["rank > 2", "rank > 1"]);
  });

  it("leaves the arrows alone without a history", () => {
    const view = fakeView(stateOf("rank > 1", queryBar(RD, { onSubmit: () => {} })));
    expect(press(view, "ArrowUp")).toBe(false);
  });
});

const placeholderOf = (s: EditorState) =>
  s.facet(EditorView.contentAttributes).flatMap((a) => (typeof a === "object" && a["aria-placeholder"] !== undefined ? [a["aria-placeholder"]] : []));

describe("queryBar: placeholder", () => {
  it("teaches with the endpoint's own fields, and follows the options", () => {
    const state = stateOf("", queryBar(RD, { onSubmit: () => {} }));
    expect(placeholderOf(state)).toEqual(['rank > 10 and domain like "%seo%"']);
    const labs = { endpoint: "dataforseo_labs/google/keyword_ideas" };
    const other = state.update({ effects: reconfigureDfsq(labs) }).state;
    expect(placeholderOf(other)).toEqual([exampleExpression(labs)]);
    expect(exampleExpression(labs)).toMatch(/^keyword_info\.\w+ > 10 and \w+ like "%seo%"$/);
    expect(placeholderOf(stateOf("", queryBar(RD, { onSubmit: () => {}, placeholder: "type here" })))).toEqual(["type here"]);
  });

  it("is an expression that compiles without a problem on every endpoint", () => {
    const problems: string[] = [];
    for (const e of listEndpoints()) {
      for (const param of e.params) {
        const text = exampleExpression({ endpoint: e.id, param });
        for (const d of checkFilter(text, { endpoint: e.id, param }).diagnostics) if (d.option === undefined) problems.push(`${e.id} ${param} ${text}: ${d.code}`);
      }
      const text = exampleExpression({ endpoint: e.id, mode: "orderBy" });
      for (const d of e.orderBy ? checkOrderBy(text, { endpoint: e.id }).diagnostics : []) if (d.option === undefined) problems.push(`${e.id} ${text}: ${d.code}`);
    }
    expect(problems).toEqual([]);
  });
});
