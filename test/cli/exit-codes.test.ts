import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dfsq } from "../helpers/cli.js";
import { dfsqInProcess } from "./in-process.js";

/*
 * Exit status 2 means "the command line is wrong": an unknown endpoint, a filter parameter the
 * endpoint does not take, an unusable catalog, an unreadable --now, in every command that takes
 * them. Status 1 stays for errors in the input itself.
 */

const NOT_A_CATALOG = join(mkdtempSync(join(tmpdir(), "dfsq-exit-")), "not-a-catalog.json");
writeFileSync(NOT_A_CATALOG, JSON.stringify({ rank: "a number" }));

const ITEMS = JSON.stringify([{ rank: 1 }]);

describe("usage errors exit 2 in every command", () => {
  it.each([
    ["compile", ["compile", "rank > 1", "-e", "backlinks/nope"], "unknown_endpoint"],
    ["compile, order-by only", ["compile", "", "--order-by", "rank desc", "-e", "backlinks/nope"], "unknown_endpoint"],
    ["compile, a parameter the endpoint does not take", ["compile", "rank > 1", "-e", "backlinks/summary"], "unsupported_parameter"],
    ["compile, an order-by the endpoint does not take", ["compile", "", "--order-by", "rank", "-e", "backlinks/summary"], "unsupported_parameter"],
    ["compile, a catalog it cannot use", ["compile", "rank > 1", "--catalog", NOT_A_CATALOG], "invalid_catalog"],
    ["validate", ["validate", '["rank",">",1]', "-e", "backlinks/nope"], "unknown_endpoint"],
    ["validate, a parameter the endpoint does not take", ["validate", '["rank",">",1]', "-e", "backlinks/summary"], "unsupported_parameter"],
    ["validate, a catalog it cannot use", ["validate", '["rank",">",1]', "--catalog", NOT_A_CATALOG], "invalid_catalog"],
    ["eval", ["eval", "--where", "rank > 0", "-e", "backlinks/nope", "-"], "unknown_endpoint"],
    ["eval, a catalog it cannot use", ["eval", "--where", "rank > 0", "--catalog", NOT_A_CATALOG, "-"], "invalid_catalog"],
    ["run", ["run", "backlinks/nope", "--target", "x.com", "--dry-run"], "unknown_endpoint"],
    ["run, a catalog it cannot use", ["run", "backlinks/referring_domains", "--target", "x.com", "--where", "rank > 1", "--catalog", NOT_A_CATALOG, "--dry-run"], "invalid_catalog"],
  ])("%s", async (_, argv, code) => {
    const r = await dfsqInProcess(argv, { input: ITEMS });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error[${code}]`);
    expect(r.stdout).toBe("");
  });

  it("names the option as a flag", async () => {
    const r = await dfsqInProcess(["compile", "rank > 1", "-e", "backlinks/nope"]);
    expect(r.stderr).toContain("--> option --endpoint");
  });

  it.each([
    ["compile", ["compile", "rank > 1"]],
    ["compile, with now in the expression", ["compile", "first_seen > now - 1d"]],
    ["eval", ["eval", "--where", "rank > 0", "-"]],
    ["run", ["run", "backlinks/referring_domains", "--target", "x.com", "--dry-run"]],
  ])("an unreadable --now: %s", async (_, argv) => {
    const r = await dfsqInProcess([...argv, "--now", "yesterday"], { input: ITEMS });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--now");
    expect(r.stdout).toBe("");
  });

  it.each([
    ["an unknown endpoint", ["fields", "backlinks/referring_domain"], "did you mean backlinks/referring_domains"],
    ["a parameter the endpoint does not take", ["fields", "backlinks/summary"], "takes no filters; it takes backlinks_filters"],
    ["an unknown parameter", ["fields", "backlinks/anchors", "--param", "backlink_filters"], "--param must be one of"],
  ])("fields: %s", async (_, argv, text) => {
    const r = await dfsqInProcess(argv);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(text);
  });

  it("the binary agrees", () => {
    expect(dfsq(["compile", "rank > 1", "-e", "backlinks/nope"]).status).toBe(2);
    expect(dfsq(["compile", "rank > 1", "--now", "yesterday"]).status).toBe(2);
  });
});

describe("errors in the input still exit 1", () => {
  it.each([
    ["compile", ["compile", "rank >"]],
    ["compile with an endpoint", ["compile", "rank >", "-e", "backlinks/referring_domains"]],
    ["validate", ["validate", '["rank","~",1]']],
    ["eval", ["eval", "--where", "rank >", "-"]],
    ["print", ["print", '["rank","~",1]']],
  ])("%s", async (_, argv) => {
    expect((await dfsqInProcess(argv, { input: ITEMS })).status).toBe(1);
  });

  it("a valid --now is used", async () => {
    const r = await dfsqInProcess(["compile", "first_seen > now - 1d", "--now", "2024-03-01"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(["first_seen", ">", "2024-02-29 00:00:00 +00:00"]);
  });
});
