import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { filterJsonSchema, orderByJsonSchema } from "../../src/schema/index.js";
import { dfsq } from "../helpers/cli.js";
import { validatorOf } from "../schema/ajv.js";
import { dfsqInProcess } from "./in-process.js";

const shipped = (name: string) => readFileSync(new URL(`../../schema/${name}`, import.meta.url), "utf8");

describe("dfsq schema", () => {
  it("prints the shipped filters schema without options (the built binary)", () => {
    const r = dfsq(["schema"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(shipped("filters.json"));
  });

  it("prints the shipped order_by schema with --order-by", async () => {
    const r = await dfsqInProcess(["schema", "--order-by"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(shipped("order-by.json"));
  });

  it("prints an endpoint's schema, its fields an enum", async () => {
    const r = await dfsqInProcess(["schema", "--endpoint", "/v3/backlinks/referring_domains/live"]);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as object;
    expect(schema).toEqual(filterJsonSchema({ endpoint: "backlinks/referring_domains" }));
    const validate = validatorOf(schema);
    expect(validate(["rank", ">", 10])).toBe(true);
    expect(validate(["rnak", ">", 10])).toBe(false);
  });

  it("prints a parameter's schema and an endpoint's order_by schema", async () => {
    const param = await dfsqInProcess(["schema", "-e", "backlinks/anchors", "--param", "backlinks_filters"]);
    expect(JSON.parse(param.stdout)).toEqual(filterJsonSchema({ endpoint: "backlinks/anchors", param: "backlinks_filters" }));
    const sort = await dfsqInProcess(["schema", "-e", "backlinks/anchors", "--order-by"]);
    expect(JSON.parse(sort.stdout)).toEqual(orderByJsonSchema({ endpoint: "backlinks/anchors" }));
  });

  it.each([
    [["schema", "--endpoint", "backlinks/refering_domains"], "unknown_endpoint"],
    [["schema", "--endpoint", "backlinks/backlinks", "--param", "backlinks_filters"], "unsupported_parameter"],
    [["schema", "--endpoint", "backlinks/summary", "--order-by"], "unsupported_parameter"],
  ])("%j is a usage error (exit 2) naming %s", async (argv, code) => {
    const r = await dfsqInProcess(argv);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`[${code}]`);
  });

  it.each([[["schema", "extra"]], [["schema", "--param", "nope"]], [["schema", "--order-by", "--param", "backlinks_filters"]], [["schema", "--ednpoint", "x"]]])(
    "%j is a usage error (exit 2)",
    async (argv) => {
      const r = await dfsqInProcess(argv);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
    },
  );
});
