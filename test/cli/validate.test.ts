import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dfsq } from "../helpers/cli.js";

describe("dfsq validate", () => {
  it("prints the canonical form of a valid filters array", () => {
    const r = dfsq(["validate", '[["a","=",1],"and",["b","=",2],"and",["c","=",3]]']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([[["a", "=", 1], "and", ["b", "=", 2]], "and", ["c", "=", 3]]);
  });

  it("exits 1 with the JSON path of each problem", () => {
    const r = dfsq(["validate", '[["a","=",1],"and",["b","=",2],"or",["c","=",3]]']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error[mixed_connectives]");
    expect(r.stderr).toContain("--> at [3]");
  });

  it("reads a file, an order-by, and {filters, order_by}, checking against an endpoint", () => {
    const dir = mkdtempSync(join(tmpdir(), "dfsq-"));
    const file = join(dir, "task.json");
    writeFileSync(file, JSON.stringify({ filters: ["referring_domain", ">", 1], order_by: ["rank,desc"] }));
    const r = dfsq(["validate", file, "--endpoint", "backlinks/referring_domains"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("warning[unknown_field]");
    expect(JSON.parse(r.stdout)).toEqual({ filters: ["referring_domain", ">", 1], order_by: ["rank,desc"] });
    expect(JSON.parse(dfsq(["validate", '["rank,desc"]']).stdout)).toEqual(["rank,desc"]);
    expect(dfsq(["validate", "-"], { input: '["a","~",1]' }).status).toBe(1);
  });

  it("indents with --pretty, each condition on one line", () => {
    const r = dfsq(["validate", '[["a","=",1],"and",["b","in",[1,2]]]', "--pretty"]);
    expect(r.stdout).toBe('[\n  ["a", "=", 1],\n  "and",\n  ["b", "in", [1, 2]]\n]\n');
  });

  it("exits 1 for text that is not JSON, 2 for a bad command line", () => {
    expect(dfsq(["validate", "[oops"]).status).toBe(1);
    expect(dfsq(["validate"]).status).toBe(2);
  });

  it("exits 2, not with an internal error, for a path it cannot read", () => {
    const dir = mkdtempSync(join(tmpdir(), "dfsq-"));
    const r = dfsq(["validate", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot read ${dir}`);
    expect(r.stderr).not.toContain("internal error");
  });

  it("checks whole tasks: every filter parameter and unknown keys", () => {
    const junk = dfsq(["validate", '{"filters":["rank",">",1],"backlinks_filters":"junk"}']);
    expect(junk.status).toBe(1);
    expect(junk.stderr).toContain('--> at ["backlinks_filters"]');
    const typo = dfsq(["validate", '{"filters":["rank",">",1],"oder_by":["rank,desc"]}']);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain("did you mean `order_by`?");
  });

  it("checks a request body against the endpoint it names, and prints it as sent", () => {
    const body = JSON.stringify({ endpoint: "backlinks/referring_domains", tasks: [{ target: "x.com", filters: ["rank", ">", 1], limit: 5 }] });
    const r = dfsq(["validate", body]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ target: "x.com", filters: ["rank", ">", 1], limit: 5 }]);
    const bad = dfsq(["validate", '[{"target":"x.com","limit":5000}]', "--endpoint", "backlinks/referring_domains"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--> at [0]["limit"]');
  });
});
