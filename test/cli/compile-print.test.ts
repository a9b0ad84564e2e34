import { describe, expect, it } from "vitest";
import { dfsq } from "../helpers/cli.js";

const README_EXAMPLE = 'referring_domains > 10 and (domain like "%seo%" or rank > 200)';

describe("dfsq compile", () => {
  it("prints the filters array for the README example", () => {
    const r = dfsq(["compile", README_EXAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe('[["referring_domains",">",10],"and",[["domain","like","%seo%"],"or",["rank",">",200]]]\n');
  });

  it("adds the order-by with --order-by", () => {
    const r = dfsq(["compile", "rank > 1", "--order-by", "rank desc, backlinks"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ filters: ["rank", ">", 1], order_by: ["rank,desc", "backlinks,asc"] });
  });

  it("compiles only the order-by when the filter is empty", () => {
    const r = dfsq(["compile", "", "--order-by", "rank desc"]);
    expect(JSON.parse(r.stdout)).toEqual({ order_by: ["rank,desc"] });
  });

  it("writes flat chains with --flat and indents with --pretty, each condition on one line", () => {
    const r = dfsq(["compile", "a and b and c", "--flat", "--pretty"]);
    expect(JSON.parse(r.stdout)).toEqual([["a", "=", true], "and", ["b", "=", true], "and", ["c", "=", true]]);
    expect(r.stdout).toBe('[\n  ["a", "=", true],\n  "and",\n  ["b", "=", true],\n  "and",\n  ["c", "=", true]\n]\n');
  });

  it("--pretty indents groups and keeps conditions, lists and the order-by on one line", () => {
    const r = dfsq(["compile", 'rank > 10 and (domain in ["a.com", "b.com"] or backlinks > 5)', "--pretty", "--order-by", "rank desc, backlinks"]);
    expect(r.stdout).toBe(
      [
        "{",
        '  "filters": [',
        '    ["rank", ">", 10],',
        '    "and",',
        "    [",
        '      ["domain", "in", ["a.com", "b.com"]],',
        '      "or",',
        '      ["backlinks", ">", 5]',
        "    ]",
        "  ],",
        '  "order_by": ["rank,desc", "backlinks,asc"]',
        "}",
        "",
      ].join("\n"),
    );
    expect(dfsq(["compile", "rank > 10", "--pretty"]).stdout).toBe('["rank", ">", 10]\n');
  });

  it("resolves relative times against --now", () => {
    const r = dfsq(["compile", "first_seen > now - 1d", "--now", "2024-03-01T00:00:00Z"]);
    expect(JSON.parse(r.stdout)).toEqual(["first_seen", ">", "2024-02-29 00:00:00 +00:00"]);
  });

  it("reads the expression from standard input with -", () => {
    const r = dfsq(["compile", "-"], { input: `${README_EXAMPLE}\n` });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(dfsq(["compile", README_EXAMPLE]).stdout));
  });

  it("exits 1 with a caret frame on stderr for a compile error", () => {
    const r = dfsq(["compile", "rank > and x"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error[unexpected_token]: expected a value or a field name after `>`, found `and`");
    expect(r.stderr).toContain("1 | rank > and x\n  |        ^^^");
    expect(r.stderr).not.toContain("\u001b[");
  });

  it("prints warnings but succeeds", () => {
    const r = dfsq(["compile", 'a > "$item->b"']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("warning[field_reference]");
    expect(JSON.parse(r.stdout)).toEqual(["a", ">", "$item->b"]);
  });

  it("colours diagnostics when asked and honours NO_COLOR", () => {
    expect(dfsq(["compile", "rank >"], { env: { FORCE_COLOR: "1" } }).stderr).toContain("\u001b[31m");
    expect(dfsq(["compile", "rank >"], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stderr).not.toContain("\u001b[");
  });

  it("labels filter and order-by diagnostics separately", () => {
    const r = dfsq(["compile", "a >", "--order-by", "b, c, d, e"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/filters:\nerror\[unexpected_end\][\s\S]*order_by:\nerror\[too_many_sort_rules\]/);
  });

  it("exits 2 on usage errors", () => {
    expect(dfsq(["compile"]).status).toBe(2);
    expect(dfsq(["compile", "a", "b"]).status).toBe(2);
    const r = dfsq(["compile", "a", "--bogus"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--bogus");
    expect(dfsq(["frobnicate"]).status).toBe(2);
    expect(dfsq([]).status).toBe(2);
  });
});

describe("dfsq print", () => {
  it("prints expression text for a filters array", () => {
    const r = dfsq(["print", '[["referring_domains",">",10],"and",[["domain","like","%seo%"],"or",["rank",">",200]]]']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${README_EXAMPLE}\n`);
  });

  it("recognises an order-by array", () => {
    expect(dfsq(["print", '["rank,desc","backlinks,asc"]']).stdout).toBe("rank desc, backlinks\n");
    expect(dfsq(["print", "--order-by", '["rank,desc"]']).stdout).toBe("rank desc\n");
  });

  it("reads JSON from standard input", () => {
    expect(dfsq(["print", "-"], { input: '["dofollow","=",true]\n' }).stdout).toBe("dofollow\n");
  });

  it("exits 1 with the JSON path for a malformed array", () => {
    const r = dfsq(["print", '[["a","=",1],"and",["b","=",1],"or",["c","=",1]]']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error[mixed_connectives]");
    expect(r.stderr).toContain("at [3]");
  });

  it("exits 1 for text that is not JSON", () => {
    const r = dfsq(["print", "[oops"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("not JSON");
  });

  it("reads the object compile --order-by prints, one named part per line", () => {
    const compiled = dfsq(["compile", "rank > 10 and dofollow", "--order-by", "rank desc, backlinks"]);
    const r = dfsq(["print", compiled.stdout]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("filters: rank > 10 and dofollow\norder_by: rank desc, backlinks\n");
    expect(dfsq(["print", '{"order_by":["rank,desc"]}']).stdout).toBe("order_by: rank desc\n");
    expect(dfsq(["print", '{"order_by":["rank,desc"],"backlinks_filters":["dofollow","=",true],"filters":["rank",">",1]}']).stdout).toBe(
      "filters: rank > 1\nbacklinks_filters: dofollow\norder_by: rank desc\n",
    );
    expect(dfsq(["print", "--help"]).stdout).toContain("one part per line");
  });

  it("names the part and the JSON path of a problem in an object, and a misspelt key", () => {
    const r = dfsq(["print", '{"filters":["rank","~",1],"oder_by":["rank,desc"]}']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('error[invalid_filter]: `oder_by` is not a filter parameter or order_by');
    expect(r.stderr).toContain('--> at ["oder_by"]');
    expect(r.stderr).toContain("hint: did you mean `order_by`?");
    expect(r.stderr).toContain('--> at ["filters"][1]');
  });
});

describe("dfsq --help and --version", () => {
  it("prints help and exits 0", () => {
    for (const args of [["--help"], ["-h"], ["compile", "--help"], ["print", "--help"]]) {
      const r = dfsq(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Usage/);
    }
  });
  it("prints the package version", () => {
    const r = dfsq(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
