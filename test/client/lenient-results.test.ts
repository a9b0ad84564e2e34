import { describe, expect, it } from "vitest";
import { ApiError, createClient, HttpError, ResponseError, type ClientError } from "../../src/client/index.js";
import { readResults } from "../../src/client/read-results.js";
import { envelope, LOGIN, PASSWORD, SEED_RESPONSE, task, useFakeDataForSeo, type Behaviour } from "./fake-dataforseo.js";

/*
 * A paid answer is never thrown away for a field of an unexpected type: the result is kept as
 * received, with a warning at each difference's JSON path. And every error about an answer keeps
 * the body as it came (redacted), so that nothing paid for is lost.
 */

const server = useFakeDataForSeo();
const RD = "backlinks/referring_domains";
const TASK = { target: "dataforseo.com", where: "backlinks > 100" } as const;
const client = () => createClient({ login: LOGIN, password: PASSWORD, baseUrl: server.baseUrl, retry: false });

const seedResult = () => structuredClone((SEED_RESPONSE.tasks[0]!.result as Record<string, unknown>[])[0]!) as Record<string, unknown> & { items: Record<string, unknown>[] };

describe("readResults", () => {
  it("takes results that fit as parsed, with no warning", () => {
    const r = readResults(RD, [seedResult()]);
    expect(r.warnings).toEqual([]);
    expect(r.items).toHaveLength(3);
  });

  it("keeps an item of an unexpected shape as received, with a warning per difference", () => {
    const result = seedResult();
    result.items[0]!.first_seen = 1_700_000_000;
    delete result.items[2]!.domain;
    const r = readResults(RD, [result]);
    expect(r.items).toEqual(result.items);
    expect(r.warnings.map((w) => [w.code, w.path.join(".")])).toEqual([
      ["unexpected_result", "tasks.0.result.0.items.0.first_seen"],
      ["unexpected_result", "tasks.0.result.0.items.2.domain"],
    ]);
  });

  it("keeps a result that is not even an object, and takes no items from it", () => {
    const r = readResults(RD, [null, 42, seedResult()]);
    expect(r.results.slice(0, 2)).toEqual([null, 42]);
    expect(r.items).toHaveLength(3);
    expect(r.warnings.map((w) => w.path.join("."))).toEqual(["tasks.0.result.0", "tasks.0.result.1"]);
  });

  it("keeps 20 warnings per result, then one that counts the rest", () => {
    const result = seedResult();
    result.items = Array.from({ length: 30 }, (_, i) => ({ domain: i }));
    const r = readResults(RD, [result]);
    expect(r.items).toHaveLength(30);
    expect(r.warnings).toHaveLength(21);
    expect(r.warnings[20]).toMatchObject({ path: ["tasks", 0, "result", 0], message: expect.stringContaining("10 more") });
  });

  it("a null result list: no results, no warnings", () => {
    expect(readResults(RD, null)).toEqual({ results: [], items: [], warnings: [] });
  });
});

describe("client.live with an answer that differs from the schema", () => {
  it("resolves with the answer as received and the warnings, after one call", async () => {
    const body = structuredClone(SEED_RESPONSE);
    const items = (body.tasks[0]!.result as { items: Record<string, unknown>[] }[])[0]!.items;
    items[0]!.backlinks = "lots";
    items[1]!.referring_links_tld = { com: "many" };
    server.next({ kind: "json", body });
    const r = await client().live(RD, TASK);
    expect(r.items).toHaveLength(3);
    expect(r.items[0]!.backlinks).toBe("lots");
    expect(r.result?.total_count).toBe(1412);
    expect(r.responseWarnings.map((w) => w.path.slice(4).join("."))).toEqual(["items.0.backlinks", "items.1.referring_links_tld.com"]);
    expect(server.requests).toHaveLength(1);
  });
});

describe("every error about an answer keeps its body", () => {
  const cases: [string, Behaviour, abstract new (...args: never[]) => ClientError, RegExp][] = [
    ["HTTP 500", { kind: "http", status: 500 }, HttpError, /"status_code":50000/],
    ["an envelope error", { kind: "status", code: 40501, message: "Invalid Field." }, ApiError, /"status_code":40501/],
    ["a task error", { kind: "task-error", code: 40501, message: "Invalid Field." }, ApiError, /"tasks":\[\{/],
    ["malformed JSON", { kind: "malformed" }, ResponseError, /^\{"version":"0\.1","status_code":20000,"tasks":\[\{"id":$/],
    ["a partial envelope", { kind: "partial" }, ResponseError, /"tasks":\[\{"id":"x"/],
    [
      "two tasks to a live call",
      { kind: "json", body: envelope([task("/v3/x", {}, []), task("/v3/x", {}, [])]) },
      ResponseError,
      /"tasks_count":2/,
    ],
    ["a 429", { kind: "too-many", retryAfter: "3600" }, HttpError, /^slow down$/],
  ];

  it.each(cases)("%s", async (_name, behaviour, type, body) => {
    server.next(behaviour);
    const error = await client().live(RD, TASK).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(type);
    expect((error as ClientError).body).toMatch(body);
    // Kept out of JSON: a body can be megabytes.
    expect(JSON.stringify(error)).not.toContain('"body"');
  });
});
