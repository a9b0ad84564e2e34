import { describe, expect, it } from "vitest";
import { readDfsqFile } from "../../src/task/dfsq-file.js";
import { analyzeDocument, optionsOf } from "../../src/lsp/document.js";
import { readSettings } from "../../src/lsp/settings.js";

describe("readSettings", () => {
  it("reads the settings alone or under dfsq, null meaning unset", () => {
    expect(readSettings({ endpoint: "backlinks/anchors", now: 0 }).settings).toEqual({ endpoint: "backlinks/anchors", now: 0 });
    expect(readSettings({ dfsq: { param: "order_by", endpoint: null } }).settings).toEqual({ param: "order_by" });
    expect(readSettings(null)).toEqual({ settings: {}, problems: [] });
  });

  it("leaves out and names each setting it cannot use", () => {
    const { settings, problems } = readSettings({ endpoint: 5, param: "filtres", now: "soon" });
    expect(settings).toEqual({});
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["dfsq.endpoint", "dfsq.param", "dfsq.now"]);
    expect(readSettings("backlinks").problems).toHaveLength(1);
  });
});

describe("optionsOf", () => {
  it("lets the header win over the settings, key by key", () => {
    const file = readDfsqFile("# param: backlinks_filters\nrank > 1");
    expect(optionsOf(file, { endpoint: "backlinks/backlinks", param: "filters", now: 5 })).toEqual({
      mode: "filter",
      endpoint: "backlinks/backlinks",
      param: "backlinks_filters",
      now: 5,
    });
  });

  it("drops a filter parameter from the settings in an order-by file", () => {
    const file = readDfsqFile("# param: order_by\nrank desc");
    expect(optionsOf(file, { endpoint: "backlinks/backlinks", param: "backlinks_filters" })).toEqual({ mode: "orderBy", endpoint: "backlinks/backlinks" });
    expect(analyzeDocument("# param: order_by\nrank desc", { endpoint: "backlinks/backlinks", param: "backlinks_filters" }).diagnostics).toEqual([]);
  });
});
