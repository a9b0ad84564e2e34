import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../src/lsp/document.js";
import { dfsqInProcess } from "../cli/in-process.js";

describe("dfsq lsp", () => {
  it("--help says how to run it and what a .dfsq file holds", async () => {
    const r = await dfsqInProcess(["lsp", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("dfsq lsp [--stdio]");
    expect(r.stdout).toContain("# endpoint: backlinks/referring_domains");
  });

  it("refuses arguments and unknown options (exit 2), before touching stdin", async () => {
    expect((await dfsqInProcess(["lsp", "file.dfsq"])).status).toBe(2);
    const r = await dfsqInProcess(["lsp", "--stdoi"]);
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining("did you mean --stdio?")]);
  });
});

describe("docs/lsp.md", () => {
  const doc = readFileSync(new URL("../../docs/lsp.md", import.meta.url), "utf8");

  it("its example .dfsq file is clean under the server", () => {
    const example = /```\n(# endpoint:[\s\S]*?)```/.exec(doc)![1]!;
    const { diagnostics, options } = analyzeDocument(example, {});
    expect(options).toMatchObject({ endpoint: "backlinks/referring_domains", param: "backlinks_filters" });
    expect(diagnostics).toEqual([]);
  });
});
