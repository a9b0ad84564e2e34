import { describe, expect, it } from "vitest";
import { DfsqError } from "../../src/diagnostics/error.js";
import { formatTaskProblems, prepareLiveRequest, prepareTask, TaskError, TASK_DEFAULTS, TASK_SCHEMAS } from "../../src/client/index.js";
import { validateFilter } from "../../src/validate/validate.js";
import { dfsqError, thrown } from "../helpers/errors.js";

/** Runs `fn`, asserts that it throws a TaskError, and returns it. */
const taskError = (fn: () => unknown): TaskError => thrown(fn, TaskError);

/** The problems of a task as `field: code @ path` lines, in order. */
function shape(error: TaskError): string[] {
  return error.problems.flatMap((p) => p.diagnostics.map((d) => `${p.field}: ${d.code}${d.path === undefined ? "" : ` @ ${d.path.join(".")}`}`));
}

const RD = "backlinks/referring_domains";

describe("prepareTask: filters and order-by", () => {
  it("compiles where, backlinksWhere and orderBy into the wire names, keeping the key order", () => {
    const { task, warnings } = prepareTask(RD, {
      target: "dataforseo.com",
      where: 'referring_domains > 10 and (domain like "%seo%" or rank > 200)',
      limit: 10,
      backlinksWhere: "dofollow",
      orderBy: "rank desc, backlinks",
    });
    expect(Object.keys(task)).toEqual(["target", "filters", "limit", "backlinks_filters", "order_by"]);
    expect(task).toEqual({
      target: "dataforseo.com",
      filters: [["referring_domains", ">", 10], "and", [["domain", "like", "%seo%"], "or", ["rank", ">", 200]]],
      limit: 10,
      backlinks_filters: ["dofollow", "=", true],
      order_by: ["rank,desc", "backlinks,asc"],
    });
    expect(warnings).toEqual([]);
  });

  it("resolves relative times against options.now", () => {
    const { task } = prepareTask(RD, { target: "x.com", where: "first_seen > now - 1d" }, { now: "2024-03-01T00:00:00Z" });
    expect(task.filters).toEqual(["first_seen", ">", "2024-02-29 00:00:00 +00:00"]);
  });

  it("reports compile errors under the field they belong to, with spans into its text", () => {
    const error = taskError(() => prepareTask(RD, { target: "x.com", where: "rank >", orderBy: "rank desc, rank" }));
    expect(error).toBeInstanceOf(DfsqError);
    // The duplicate sort field is a warning (the API's own docs send one); it is listed all the same.
    expect(shape(error)).toEqual(["where: unexpected_end", "orderBy: duplicate_sort_field"]);
    expect(error.field).toBe("where");
    expect(error.message).toMatch(/^where: /);
    expect(error.problems[0]!.source).toBe("rank >");
    expect(error.problems[1]!.source).toBe("rank desc, rank");
  });

  it("checks fields against the endpoint's catalog, per parameter", () => {
    const error = taskError(() => prepareTask(RD, { target: "x.com", backlinksWhere: "referring_domains > 1", orderBy: "referring_links_tld.com desc" }));
    expect(error.problems.map((p) => p.field)).toEqual(["backlinksWhere", "orderBy"]);
    expect(error.problems[1]!.diagnostics.map((d) => d.code)).toEqual(["field_not_sortable"]);
  });

  it("returns warnings (derived catalogs) and sends the task anyway", () => {
    const { task, warnings } = prepareTask(RD, { target: "x.com", where: "referring_domain > 10" });
    expect(task.filters).toEqual(["referring_domain", ">", 10]);
    expect(warnings.map((w) => [w.field, w.diagnostics.map((d) => d.code)])).toEqual([["where", ["unknown_field"]]]);
  });

  it("checks ready arrays as the compiler does and sends them in canonical form", () => {
    const { task } = prepareTask(RD, {
      target: "x.com",
      filters: [["rank", ">", 1], "and", ["backlinks", ">", 2], "and", ["broken_pages", "=", 0]],
      order_by: ["rank,desc"],
    });
    expect(task.filters).toEqual([[["rank", ">", 1], "and", ["backlinks", ">", 2]], "and", ["broken_pages", "=", 0]]);
    expect(task.order_by).toEqual(["rank,desc"]);
    const bad = taskError(() => prepareTask(RD, { target: "x.com", filters: [["rank", ">", 1], "and", ["b", ">", 1], "or", ["c", "=", 1]] }));
    expect(shape(bad)).toEqual(["filters: mixed_connectives @ filters.3"]);
  });

  it.each([
    [[["rank", ">", 1], "and", ["domain", "~", "x"]]],
    [[["rank", "in", 5]]],
    [[["rank", ">", 1], "and"]],
    [["rank", "like", 5]],
    [[["rank", ">", 1], "xor", ["rank", "<", 5]]],
  ])("reports a ready array %j as validateFilter does, its paths under `filters`", (filters) => {
    const options = { endpoint: RD };
    const direct = validateFilter(filters, options).diagnostics.map((d) => [d.code, d.message, ["filters", ...(d.path ?? [])]]);
    expect(direct.length).toBeGreaterThan(0);
    const error = thrown(() => prepareTask(RD, { target: "x.com", filters } as never), TaskError);
    const problem = error.problems.find((p) => p.field === "filters")!;
    expect(problem.diagnostics.map((d) => [d.code, d.message, d.path])).toEqual(direct);
  });

  it("refuses a dfsq field together with its wire name, and wrong value types", () => {
    const error = taskError(() =>
      prepareTask(RD, { target: "x.com", where: "rank > 1", filters: ["rank", ">", 1], backlinks_filters: "dofollow", orderBy: 3 } as never),
    );
    expect(shape(error)).toEqual(["where: invalid_parameter @ filters", "backlinks_filters: invalid_parameter @ backlinks_filters", "orderBy: invalid_parameter @ orderBy"]);
    expect(error.problems[1]!.diagnostics[0]!.hint).toContain("backlinksWhere");
  });

  it("refuses filter parameters and order_by the endpoint does not take", () => {
    const error = taskError(() => prepareTask("backlinks/summary", { target: "x.com", where: "rank > 1", orderBy: "rank" }));
    expect(shape(error)).toEqual(["where: unsupported_parameter", "orderBy: unsupported_parameter @ orderBy"]);
  });

  it("applies the endpoint's own condition limit (on_page/redirect_chains takes one)", () => {
    const error = taskError(() => prepareTask("on_page/redirect_chains", { id: "t", where: "is_redirect_loop and redirect_chain_length > 1" } as never));
    expect(error.diagnostics.map((d) => d.code)).toContain("too_many_conditions");
  });
});

describe("prepareTask: parameters", () => {
  it("names each bad parameter with its path and the option-style location", () => {
    const error = taskError(() =>
      prepareTask(RD, {
        target: "https://www.x.com/",
        limit: 5000,
        offset: -1,
        internal_list_limit: 1001,
        backlinks_status_type: "alive",
        include_subdomains: "yes",
        rank_scale: "one_million",
        tag: "t".repeat(256),
      } as never),
    );
    expect(shape(error)).toEqual([
      "limit: invalid_parameter @ limit",
      "offset: invalid_parameter @ offset",
      "internal_list_limit: invalid_parameter @ internal_list_limit",
      "backlinks_status_type: invalid_parameter @ backlinks_status_type",
      "include_subdomains: invalid_parameter @ include_subdomains",
      "rank_scale: invalid_parameter @ rank_scale",
      "tag: invalid_parameter @ tag",
    ]);
    expect(error.diagnostics.every((d) => d.option === d.path?.join("."))).toBe(true);
    expect(formatTaskProblems(error.problems)).toMatchInlineSnapshot(`
      "limit:
      error[invalid_parameter]: \`limit\` is 5000; DataForSEO accepts at most 1000
        --> option limit

      offset:
      error[invalid_parameter]: \`offset\` is -1; the least DataForSEO accepts is 0
        --> option offset

      internal_list_limit:
      error[invalid_parameter]: \`internal_list_limit\` is 1001; DataForSEO accepts at most 1000
        --> option internal_list_limit

      backlinks_status_type:
      error[invalid_parameter]: \`backlinks_status_type\` must be one of "all", "live", "lost", found the string "alive"
        --> option backlinks_status_type
        = hint: did you mean \`live\`?

      include_subdomains:
      error[invalid_parameter]: \`include_subdomains\` must be true or false, found the string "yes"
        --> option include_subdomains

      rank_scale:
      error[invalid_parameter]: \`rank_scale\` must be one of "one_thousand", "one_hundred", found the string "one_million"
        --> option rank_scale

      tag:
      error[invalid_parameter]: \`tag\` is 256 characters long; DataForSEO accepts at most 255
        --> option tag
      "
    `);
  });

  it("checks the target: required, no www., pages as absolute URLs, domains only where the endpoint says", () => {
    expect(shape(taskError(() => prepareTask(RD, { limit: 1 } as never)))).toEqual(["target: invalid_parameter @ target"]);
    const www = taskError(() => prepareTask(RD, { target: "www.dataforseo.com" }));
    expect(www.message).toBe("`target`: a domain target is written without `www.` (invalid_parameter)");
    expect(www.field).toBe("target");
    expect(www.diagnostics[0]!.hint).toBe('write "dataforseo.com"');
    expect(prepareTask(RD, { target: "https://www.dataforseo.com/apis/" }).task.target).toBe("https://www.dataforseo.com/apis/");
    expect(shape(taskError(() => prepareTask("backlinks/domain_pages", { target: "https://dataforseo.com/" })))).toEqual(["target: invalid_parameter @ target"]);
  });

  it("refuses parameters the endpoint does not take, with the closest names", () => {
    const error = taskError(() => prepareTask(RD, { target: "x.com", limt: 10, order_by_: "rank" } as never));
    expect(shape(error)).toEqual(["limt: invalid_parameter @ limt", "order_by_: invalid_parameter @ order_by_"]);
    expect(error.diagnostics[0]!.suggestions).toContain("limit");
    expect(error.diagnostics[1]!.suggestions).toContain("order_by");
    // domain_pages takes no include_indirect_links; backlinks/backlinks no internal_list_limit.
    expect(shape(taskError(() => prepareTask("backlinks/domain_pages", { target: "x.com", include_indirect_links: true } as never)))).toEqual([
      "include_indirect_links: invalid_parameter @ include_indirect_links",
    ]);
    expect(shape(taskError(() => prepareTask("backlinks/backlinks", { target: "x.com", internal_list_limit: 5 } as never)))).toHaveLength(1);
  });

  it("knows each Backlinks endpoint's own parameters", () => {
    expect(prepareTask("backlinks/backlinks", { target: "x.com", mode: "one_per_domain", custom_mode: { field: "anchor", value: 10 }, offset: 20_000 }).task).toMatchObject({ offset: 20_000 });
    expect(shape(taskError(() => prepareTask("backlinks/backlinks", { target: "x.com", offset: 20_001, custom_mode: { field: "anchor", value: 0 } })))).toEqual([
      "custom_mode: invalid_parameter @ custom_mode.value",
      "offset: invalid_parameter @ offset",
    ]);
    expect(prepareTask("backlinks/referring_networks", { target: "x.com", network_address_type: "subnet" }).task.network_address_type).toBe("subnet");
    expect(prepareTask("backlinks/competitors", { target: "x.com", main_domain: false, exclude_large_domains: false }).task.main_domain).toBe(false);
    const targets = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [String(i + 1), `site${i}.com`]));
    expect(shape(taskError(() => prepareTask("backlinks/domain_intersection", { targets })))).toEqual(["targets: invalid_parameter @ targets.21"]);
    expect(shape(taskError(() => prepareTask("backlinks/domain_intersection", { targets: {} })))).toEqual(["targets: invalid_parameter @ targets"]);
    expect(shape(taskError(() => prepareTask("backlinks/page_intersection", { targets: { "1": "a.com", x: "b.com" }, exclude_targets: ["www.c.com"] })))).toEqual([
      "targets: invalid_parameter @ targets.x",
      "exclude_targets: invalid_parameter @ exclude_targets.0",
    ]);
    expect(prepareTask("backlinks/domain_intersection", { targets: { "1": "a.com", "2": "https://b.com/p" }, intersection_mode: "partial" }).task.targets).toEqual({
      "1": "a.com",
      "2": "https://b.com/p",
    });
  });

  it("its documented defaults fit its own schemas", () => {
    for (const schema of Object.values(TASK_SCHEMAS)) {
      const shapeKeys = Object.keys(schema.shape);
      const defaults = Object.fromEntries(Object.entries(TASK_DEFAULTS).filter(([key]) => shapeKeys.includes(key)));
      const base = "targets" in schema.shape ? { targets: { "1": "a.com" } } : { target: "a.com" };
      expect(schema.safeParse({ ...base, ...defaults }).success).toBe(true);
    }
  });

  it("checks only the shared parameters of endpoints it has no transcription for", () => {
    const { task } = prepareTask("dataforseo_labs/google/ranked_keywords", { target: "x.com", location_code: 2840, language_code: "en", where: "keyword_data.keyword_info.search_volume > 10", limit: 10 });
    expect(task).toMatchObject({ location_code: 2840, filters: ["keyword_data.keyword_info.search_volume", ">", 10] });
    expect(shape(taskError(() => prepareTask("dataforseo_labs/google/ranked_keywords", { target: "x.com", limit: 0, tag: 5 } as never)))).toEqual([
      "limit: invalid_parameter @ limit",
      "tag: invalid_parameter @ tag",
    ]);
  });

  it("refuses a task that is not an object, and unknown endpoints", () => {
    expect(shape(taskError(() => prepareTask(RD, [] as never)))).toEqual(["task: invalid_parameter @ "]);
    const error = dfsqError(() => prepareTask("backlinks/history", {}));
    expect(error.diagnostics[0]).toMatchObject({ code: "unknown_endpoint", option: "endpoint" });
  });
});

describe("prepareLiveRequest", () => {
  it("gives the exact URL and body, without credentials", () => {
    const r = prepareLiveRequest("/v3/backlinks/referring_domains/live", { target: "dataforseo.com", where: "rank > 100" });
    expect(r.method).toBe("POST");
    expect(r.url).toBe("https://api.dataforseo.com/v3/backlinks/referring_domains/live");
    expect(r.body).toEqual([{ target: "dataforseo.com", filters: ["rank", ">", 100] }]);
    expect(prepareLiveRequest(RD, { target: "x.com" }, { sandbox: true }).url).toBe("https://sandbox.dataforseo.com/v3/backlinks/referring_domains/live");
  });
});
