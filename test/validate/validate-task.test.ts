import { describe, expect, it } from "vitest";
import { prepareTask } from "../../src/task/prepare-task.js";
import { validateRequest, validateTask } from "../../src/validate/validate-task.js";

const RD = "backlinks/referring_domains";
const shape = (r: { diagnostics: readonly { code: string; severity: string; path?: readonly (string | number)[] }[] }) =>
  r.diagnostics.map((d) => `${d.severity} ${d.code} @ ${JSON.stringify(d.path ?? null)}`);

describe("validateTask", () => {
  it("checks every filter parameter, not only filters and order_by", () => {
    const r = validateTask({ filters: ["rank", ">", 1], backlinks_filters: "junk" });
    expect(r.ok).toBe(false);
    expect(shape(r)).toEqual(['error invalid_parameter @ ["backlinks_filters"]']);
    const bad = validateTask({ initial_dataset_filters: [["a", "~", 1]], relevant_pages_filters: [["a", "=", 1], "and"] });
    expect(shape(bad)).toEqual([
      'error invalid_filter @ ["initial_dataset_filters",0,1]',
      'error invalid_filter @ ["relevant_pages_filters"]',
    ]);
  });

  it("reports unknown keys with did you mean", () => {
    const r = validateTask({ filters: ["rank", ">", 1], oder_by: ["rank,desc"] });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: "invalid_parameter", path: ["oder_by"], suggestions: ["order_by"] });
    // Without an endpoint, a key dfsq cannot place is only a warning: it does not know every parameter.
    const unknown = validateTask({ filters: ["rank", ">", 1], zzz_custom: 1 });
    expect(unknown.ok).toBe(true);
    expect(shape(unknown)).toEqual(['warning invalid_parameter @ ["zzz_custom"]']);
  });

  it("refuses dfsq's own names in a request body", () => {
    const r = validateTask({ where: "rank > 1" });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ path: ["where"], suggestions: ["filters"] });
  });

  it("with an endpoint, checks fields and the endpoint's other parameters as the client does", () => {
    const r = validateTask({ target: "x.com", limit: 5000, filters: ["referring_domain", ">", 1] }, { endpoint: RD });
    expect(shape(r)).toEqual(['warning unknown_field @ ["filters",0]', 'error invalid_parameter @ ["limit"]']);
    const missing = validateTask({ limit: 5 }, { endpoint: RD });
    expect(missing.diagnostics.map((d) => d.message)).toEqual(["`target` is required"]);
  });

  it("reads the endpoint from the task's own endpoint or path key, which is not sent", () => {
    const r = validateTask({ path: "/v3/backlinks/referring_domains/live", target: "x.com", filters: ["rank", ">", 1] });
    expect(r.ok).toBe(true);
    expect(r.value).toEqual({ target: "x.com", filters: ["rank", ">", 1] });
    const unknown = validateTask({ endpoint: "backlinks/referring_domain", target: "x.com" });
    expect(unknown.diagnostics[0]).toMatchObject({ code: "unknown_endpoint", path: ["endpoint"] });
    expect(unknown.diagnostics[0]?.suggestions?.[0]).toBe(RD);
  });

  it("checks a filters-only object without asking for the endpoint's required parameters", () => {
    const r = validateTask({ filters: ["rank", ">", 1], order_by: ["rank,desc"] }, { endpoint: RD });
    expect(r.ok).toBe(true);
    expect(r.value).toEqual({ filters: ["rank", ">", 1], order_by: ["rank,desc"] });
  });

  it("returns the task as sent, filters in canonical form", () => {
    const r = validateTask({ target: "x.com", filters: [["a", "=", 1], "and", ["b", "=", 2], "and", ["c", "=", 3]], limit: 5 }, { endpoint: RD });
    expect(r.value).toEqual({ target: "x.com", filters: [[["a", "=", 1], "and", ["b", "=", 2]], "and", ["c", "=", 3]], limit: 5 });
  });
});

describe("conditions across one request", () => {
  const five = [[["rank", ">", 1], "and", ["backlinks", ">", 1]], "and", [["rank", "<", 100], "and", [["backlinks", "<", 5000], "and", ["domain", "like", "%a%"]]]];
  const four = [[["dofollow", "=", true], "and", ["rank", ">", 1]], "and", [["rank", "<", 10], "and", ["domain_from", "like", "%x%"]]];

  it("warn when a task's filter parameters add up to more than 8, saying the sharing is unconfirmed", () => {
    const r = validateTask({ target: "x.com", filters: five, backlinks_filters: four }, { endpoint: RD });
    expect(r.ok).toBe(true);
    expect(shape(r)).toEqual(["warning request_conditions @ []"]);
    expect(r.diagnostics[0]?.message).toContain("5 in `filters`, 4 in `backlinks_filters`");
    expect(r.diagnostics[0]?.message).toContain("unconfirmed");
  });

  it("warn in the client's tasks too, written as expressions", () => {
    const { warnings } = prepareTask(RD, {
      target: "x.com",
      where: "rank > 1 and backlinks > 1 and rank < 100 and backlinks < 5000 and domain like '%a%'",
      backlinksWhere: 'dofollow and rank > 1 and rank < 10 and domain_from like "%x%"',
    });
    expect(warnings.flatMap((w) => w.diagnostics.map((d) => d.code))).toEqual(["request_conditions"]);
  });

  it("stay quiet at 8", () => {
    const r = validateTask({ target: "x.com", filters: five, backlinks_filters: ["dofollow", "=", true] }, { endpoint: RD });
    expect(r.diagnostics).toEqual([]);
  });
});

describe("validateRequest", () => {
  const task = { target: "x.com", filters: ["rank", ">", 1] };

  it("reads an array of tasks, with paths from the task's index", () => {
    const r = validateRequest([task, { target: "y.com", filters: ["rank", "~", 1] }], { endpoint: RD });
    expect(shape(r)).toEqual(['error invalid_filter @ [1,"filters",1]']);
  });

  it("reads the Python clients' post_data dict, and a saved request naming its endpoint", () => {
    expect(validateRequest({ "0": task, "1": task }, { endpoint: RD }).value).toEqual([task, task]);
    const saved = validateRequest({ endpoint: RD, post_data: { "0": { ...task, limt: 1 } } });
    expect(saved.diagnostics.map((d) => [d.code, d.path, d.suggestions])).toEqual([["invalid_parameter", ["post_data", "0", "limt"], ["limit"]]]);
    expect(validateRequest({ path: "/v3/backlinks/referring_domains/live", tasks: [task] }).value).toEqual([task]);
  });

  it("takes one task as a body of one", () => {
    expect(validateRequest(task, { endpoint: RD }).value).toEqual([task]);
  });

  it("refuses an empty body and values that are not tasks", () => {
    expect(shape(validateRequest({ tasks: [] }))).toEqual(['error invalid_parameter @ ["tasks"]']);
    expect(shape(validateRequest([task, 5]))).toEqual(["error invalid_parameter @ [1]"]);
  });

  it("says a saved request holds too many tasks, not that it holds none", () => {
    const r = validateRequest({ endpoint: RD, tasks: Array.from({ length: 1500 }, () => task) });
    expect(shape(r)).toEqual(['error invalid_parameter @ ["tasks"]']);
    expect(r.diagnostics[0]?.message).toContain("1500 tasks");
  });

  it("survives a cyclic ready array in a task", () => {
    const a: unknown[] = [];
    a.push(a, "and", a);
    const r = validateRequest([{ target: "x.com", filters: a }], { endpoint: RD });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toContainEqual(["invalid_filter", [0, "filters", 0]]);
  });
});
