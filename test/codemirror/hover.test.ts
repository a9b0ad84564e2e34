import { describe, expect, it } from "vitest";
import { hover } from "../../src/assist/index.js";
import { dfsq, dfsqHoverTooltip, reconfigureDfsq } from "../../src/codemirror/index.js";
import { fakeView, RD, stateOf } from "./helpers.js";

describe("dfsqHoverTooltip", () => {
  it("spans the word under the pointer, with dfsq's hover text", () => {
    const view = fakeView(stateOf("referring_domains > 10", dfsq(RD)));
    const tooltip = dfsqHoverTooltip(view, 3);
    expect(tooltip).toMatchObject({ pos: 0, end: "referring_domains".length, above: true });
    expect(hover("referring_domains > 10", 3, RD)?.text).toMatch(/num/);
  });

  it("is null over blank space", () => {
    expect(dfsqHoverTooltip(fakeView(stateOf("rank >  10", dfsq(RD))), 7)).toBeNull();
  });

  it("leaves problems to the linter when asked to", () => {
    const view = fakeView(stateOf("referring_domain > 10", dfsq(RD)));
    expect(dfsqHoverTooltip(view, 3)).toMatchObject({ pos: 0 });
    expect(dfsqHoverTooltip(view, 3, {}, { problems: false })).toBeNull();
    expect(dfsqHoverTooltip(view, 17, {}, { problems: false })).toMatchObject({ pos: 17, end: 18 });
  });

  it("counts a problem where the linter underlines it: `rank >` on the `>`", () => {
    const view = fakeView(stateOf("rank >", dfsq(RD)));
    expect(dfsqHoverTooltip(view, 5)).not.toBeNull();
    expect(dfsqHoverTooltip(view, 5, {}, { problems: false })).toBeNull();
    expect(dfsqHoverTooltip(view, 1, {}, { problems: false })).toMatchObject({ pos: 0, end: 4 });
  });

  it("reads the editor's current options", () => {
    const view = fakeView(stateOf("referring_domains > 10", dfsq({ endpoint: "backlinks/anchors" })));
    const before = dfsqHoverTooltip(view, 3, {}, { problems: false });
    view.dispatch({ effects: reconfigureDfsq({ endpoint: "backlinks/backlinks" }) });
    expect(before).not.toBeNull();
    expect(dfsqHoverTooltip(view, 3, {}, { problems: false })).toBeNull();
  });
});
