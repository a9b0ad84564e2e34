import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { CONFIG_SCHEMA_PATH, configSchemaSource } from "../../scripts/config-schema.js";
import { check, checkJson, project } from "../helpers/check.js";

/* dfsq.config.json: where it is found, what it says, and how a mistake in it is reported. */

const config = (value: unknown) => JSON.stringify(value, null, 2);
const TASK = (filters: unknown) => JSON.stringify({ target: "example.com", filters });

describe("dfsq.config.json: finding it", () => {
  it("is read from the working directory or the nearest one above, its globs relative to itself", async () => {
    const dir = project({
      "dfsq.config.json": config({ endpoints: { "tasks/**": "backlinks/referring_domains" } }),
      "tasks/deep/t.json": TASK(["referring_domain", ">", 1]),
    });
    const fromTop = await checkJson([], dir);
    const fromBelow = await checkJson([], join(dir, "tasks"));
    expect(fromTop.diagnostics.map((d) => [d.file, d.code])).toEqual([["tasks/deep/t.json", "unknown_field"]]);
    expect(fromBelow.diagnostics.map((d) => [d.file, d.code])).toEqual([["deep/t.json", "unknown_field"]]);
  });

  it("--config names another; one that cannot be read is a usage error", async () => {
    const dir = project({
      "ci/strict.json": config({ rules: { like_without_wildcard: "error" } }),
      "f.dfsq": 'domain like "seo"',
    });
    expect((await check([], dir)).status).toBe(0);
    expect((await check(["--config", "ci/strict.json"], dir)).status).toBe(1);
    const missing = await check(["--config", "nope.json"], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read the config nope.json");
  });
});

describe("dfsq.config.json: what it says", () => {
  it("rules: off drops a code, warn and error set its severity", async () => {
    const dir = project({
      "dfsq.config.json": config({ rules: { like_without_wildcard: "off", unknown_field: "error", invalid_filter: "warn" } }),
      "a.dfsq": '# endpoint: backlinks/referring_domains\ndomain like "seo" and referring_domain > 1',
      "b.json": TASK(["rank", "~", 1]),
    });
    const r = await checkJson([], dir);
    expect(r.diagnostics.map((d) => [d.file, d.code, d.severity])).toEqual([
      ["a.dfsq", "unknown_field", "error"],
      ["b.json", "invalid_filter", "warning"],
    ]);
    expect(r.status).toBe(1);
  });

  it("limits: maxConditions for every filter and for a task's total; the others too", async () => {
    const three = [["a", "=", 1], "and", ["b", "=", 2], "and", ["c", "=", 3]];
    const five = [["a", "=", 1], "and", ["b", "=", 2], "and", ["c", "=", 3], "and", ["d", "=", 4], "and", ["e", "=", 5]];
    const files = {
      "three.json": TASK(three),
      "three.dfsq": "a = 1 and b = 2 and c = 3",
      // 10 conditions in all: over the API's 8 a task, a warning; under a raised limit, fine.
      "ten.json": JSON.stringify({ target: "x.com", filters: five, backlinks_filters: five }),
      "sorted.json": JSON.stringify({ filters: ["a", "=", 1], order_by: ["a,asc", "b,asc"] }),
    };
    const plain = await checkJson([], project(files));
    expect(plain.diagnostics.map((d) => [d.file, d.code])).toEqual([["ten.json", "request_conditions"]]);
    const tight = await checkJson([], project({ ...files, "dfsq.config.json": config({ limits: { maxConditions: 2, maxSortRules: 1 } }) }));
    expect(tight.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ["sorted.json", "too_many_sort_rules"],
      ["ten.json", "too_many_conditions"],
      ["ten.json", "too_many_conditions"],
      ["three.dfsq", "too_many_conditions"],
      ["three.json", "too_many_conditions"],
    ]);
    const loose = await checkJson([], project({ ...files, "dfsq.config.json": config({ limits: { maxConditions: 20 } }) }));
    expect(loose.diagnostics).toEqual([]);
  });

  it("now: the clock of .dfsq files; --now wins over it", async () => {
    // 1,000,000 days before 2024 is before the year 0; before 5000, it is not.
    const files = { "f.dfsq": "# endpoint: backlinks/backlinks\nfirst_seen > now - 1000000d" };
    expect((await checkJson([], project(files))).diagnostics.map((d) => d.code)).toEqual(["invalid_date"]);
    const dir = project({ ...files, "dfsq.config.json": config({ now: "5000-01-01" }) });
    expect((await checkJson([], dir)).diagnostics).toEqual([]);
    expect((await checkJson(["--now", "2024-01-01"], dir)).diagnostics.map((d) => d.code)).toEqual(["invalid_date"]);
  });

  it("ignore: files never checked, named or not", async () => {
    const bad = TASK(["rank", "~", 1]);
    const dir = project({ "dfsq.config.json": config({ ignore: ["fixtures/**"] }), "fixtures/bad.json": bad, "tasks/bad.json": bad });
    expect((await checkJson([], dir)).diagnostics.map((d) => d.file)).toEqual(["tasks/bad.json"]);
    expect((await checkJson(["fixtures/bad.json"], dir)).diagnostics).toEqual([]);
  });

  it("accepts its own $schema key", async () => {
    const dir = project({ "dfsq.config.json": config({ $schema: "./node_modules/dfsq/schema/dfsq.config.schema.json" }), "t.json": TASK(["rank", ">", 1]) });
    expect((await check([], dir)).status).toBe(0);
  });
});

async function mistaken(value: unknown): Promise<string> {
  const dir = project({ "dfsq.config.json": typeof value === "string" ? value : config(value), "t.json": TASK(["rank", ">", 1]) });
  const r = await check([], dir);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  return r.stderr;
}

describe("dfsq.config.json: mistakes are errors in the config, exit 2, with did-you-mean", () => {

  it.each([
    [{ rulez: {} }, "invalid_config", "dfsq.config.json:2:3", "unknown key `rulez`", "did you mean `rules`?"],
    [{ limits: { maxCondition: 3 } }, "invalid_config", "dfsq.config.json:3:5", "unknown key `maxCondition` in `limits`", "did you mean `maxConditions`?"],
    [{ rules: { like_without_wildcards: "off" } }, "invalid_config", "dfsq.config.json:3:5", "`like_without_wildcards` is not a dfsq diagnostic code", "did you mean `like_without_wildcard`?"],
    [{ rules: { like_without_wildcard: "warning" } }, "invalid_config", "dfsq.config.json:3:5", '`rules.like_without_wildcard` must be one of "off", "warn", "error"', undefined],
    [{ limits: { maxConditions: "8" } }, "invalid_config", "dfsq.config.json:3:5", "`limits.maxConditions` must be a whole number", undefined],
    [{ limits: { maxConditions: 0 } }, "invalid_config", "dfsq.config.json:3:5", "`limits.maxConditions` must be more than 0", undefined],
    [{ endpoints: { "tasks/**": "backlinks/backlink" } }, "unknown_endpoint", "dfsq.config.json:3:5", "`backlinks/backlink` is not a DataForSEO endpoint", "did you mean `backlinks/backlinks`"],
    [{ now: "last week" }, "invalid_config", "dfsq.config.json:2:3", "`now` takes an ISO 8601 date", undefined],
    ['{\n  "rules": {},\n}', "invalid_json", "dfsq.config.json:3:1", "not valid JSON", undefined],
  ] as const)("%j", async (value, code, where, says, hint) => {
    const stderr = await mistaken(value);
    expect(stderr).toContain(`error[${code}]`);
    expect(stderr).toContain(`--> ${where}`);
    expect(stderr).toContain(says);
    expect(hint === undefined || stderr.includes(hint)).toBe(true);
  });
});

describe("dfsq.config.json: its JSON Schema, for editors", () => {
  const committed = readFileSync(new URL(`../../${CONFIG_SCHEMA_PATH}`, import.meta.url), "utf8");

  it("is fresh (npm run generate)", () => {
    expect(committed).toBe(configSchemaSource());
  });

  it("accepts a full config and rejects what dfsq check rejects", () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(committed) as object);
    const good = {
      $schema: "./node_modules/dfsq/schema/dfsq.config.schema.json",
      endpoints: { "tasks/backlinks/**": "backlinks/backlinks" },
      ignore: ["fixtures/**"],
      rules: { like_without_wildcard: "off", quoted_number: "error" },
      limits: { maxConditions: 8, maxSortRules: 3, maxInputLength: 4096, maxDepth: 10, maxListLength: 100 },
      now: "2024-03-01",
    };
    expect(validate(good)).toBe(true);
    for (const bad of [{ rulez: {} }, { rules: { nope: "off" } }, { rules: { like_without_wildcard: "warning" } }, { limits: { maxConditions: 1.5 } }]) {
      expect(validate(bad)).toBe(false);
    }
  });
});
