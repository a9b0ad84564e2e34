import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dfsq } from "../helpers/cli.js";

describe("dfsq compile --endpoint", () => {
  it("checks against the endpoint's catalog and names the parameter", () => {
    expect(JSON.parse(dfsq(["compile", "dofollow = true", "--endpoint", "backlinks/referring_domains", "--param", "backlinks_filters"]).stdout)).toEqual([
      "dofollow",
      "=",
      true,
    ]);
    const r = dfsq(["compile", "referring_domain > 10", "-e", "/v3/backlinks/referring_domains/live"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("did you mean `referring_domains`");
  });

  it("exits 2 for an unknown endpoint, naming the option", () => {
    const r = dfsq(["compile", "x > 1", "-e", "backlink/referring_domains"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("error[unknown_endpoint]");
    expect(r.stderr).toContain("--> option --endpoint");
  });

  it("exits 2 for an unknown --param", () => {
    expect(dfsq(["compile", "x > 1", "--param", "filterz"]).status).toBe(2);
  });

  it("reads a live catalog with --catalog", () => {
    const dir = mkdtempSync(join(tmpdir(), "dfsq-"));
    const file = join(dir, "catalog.json");
    writeFileSync(file, JSON.stringify({ tasks: [{ result: [{ referring_domains: { brand_new: "num" } }] }] }));
    const ok = dfsq(["compile", "brand_new > 1", "-e", "backlinks/referring_domains", "--catalog", file]);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toBe("");
    expect(dfsq(["compile", "rank > 1", "-e", "backlinks/referring_domains", "--catalog", file]).status).toBe(1);
    expect(dfsq(["compile", "rank > 1", "--catalog", join(dir, "missing.json")]).status).toBe(2);
  });

  it("checks the order-by against the endpoint too", () => {
    const r = dfsq(["compile", "rank > 1", "-e", "backlinks/referring_domains", "--order-by", "referring_links_tld.com desc"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error[field_not_sortable]");
  });
});

describe("dfsq fields", () => {
  it("prints a table of path, type, operators, sortable and documented", () => {
    const r = dfsq(["fields", "backlinks/referring_domains"]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^path\s+type\s+operators\s+sortable\s+documented$/);
    expect(r.stdout).toMatch(/\nreferring_links_tld\.\$tld\s+num\s+< <= > >= = <> in not_in\s+no\s+/);
  });

  it("takes --param and --json", () => {
    const fields = JSON.parse(dfsq(["fields", "backlinks/anchors", "--param", "backlinks_filters", "--json"]).stdout) as { path: string }[];
    expect(fields.map((f) => f.path)).toContain("dofollow");
  });

  it("exits 2 for an unknown endpoint with suggestions", () => {
    const r = dfsq(["fields", "backlinks/referring_domain"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("backlinks/referring_domains");
  });
});

describe("dfsq endpoints", () => {
  it("lists the endpoints with their parameters and catalog provenance", () => {
    const r = dfsq(["endpoints"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/backlinks\/referring_domains\s+filters, backlinks_filters\s+yes\s+derived 0\.1\.20240801/);
    expect(r.stdout).toMatch(/dataforseo_labs\/google\/ranked_keywords\s+filters\s+yes\s+documented 0\.1\.20241203/);
    expect(JSON.parse(dfsq(["endpoints", "--json"]).stdout).length).toBeGreaterThan(60);
  });
});
