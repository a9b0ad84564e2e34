import { describe, expect, it, vi } from "vitest";
import {
  ApiError,
  createClient,
  DfsqError,
  HttpError,
  NetworkError,
  ResponseError,
  TaskError,
  TimeoutError,
  type ClientOptions,
} from "../../src/client/index.js";
import { LOGIN, PASSWORD, SEED_RESPONSE, useFakeDataForSeo } from "./fake-dataforseo.js";

/*
 * The client against a local server that behaves like DataForSEO. Back-off waits are 1–5 ms so
 * that the failure paths run fast; the timeout is generous (a first fetch can be slow on a busy
 * machine), save in the timeout tests, whose server waits far longer. Nothing here asserts on time.
 */

const server = useFakeDataForSeo();

const FAST_RETRY = { retries: 2, baseDelayMs: 1, maxDelayMs: 5, rateLimitWaitMs: 1 } as const;
/** The timeout of the timeout tests, and how long their server waits before it answers. */
const SHORT_TIMEOUT = { timeoutMs: 400 } as const;
const SLOW = { kind: "slow", delayMs: 3000 } as const;

function client(options: Partial<ClientOptions> = {}) {
  return createClient({ login: LOGIN, password: PASSWORD, baseUrl: server.baseUrl, timeoutMs: 10_000, retry: FAST_RETRY, ...options });
}

const TASK = { target: "dataforseo.com", where: "backlinks > 100", orderBy: "rank desc", limit: 3 } as const;

/** Awaits `promise`, asserts that it rejects with an instance of `type`, and returns the error. */
async function rejection<T>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  const caught = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(caught).toBeInstanceOf(type);
  return caught as T;
}

describe("client.live", () => {
  it("compiles the task, posts it with Basic auth, and types the seed referring_domains answer", async () => {
    const dfs = client();
    const r = await dfs.live("backlinks/referring_domains", TASK);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v3/backlinks/referring_domains/live", contentType: "application/json" });
    expect(request!.body).toEqual([{ target: "dataforseo.com", filters: ["backlinks", ">", 100], order_by: ["rank,desc"], limit: 3 }]);
    expect(r.task.status_code).toBe(20000);
    expect(r.result?.total_count).toBe(1412);
    expect(r.items.map((i) => i.domain)).toEqual(["github.com", "medium.com", "seo-tools.example"]);
    expect(r.items[0]?.referring_links_tld).toEqual({ com: 1184 });
    expect(r.items[1]?.lost_date).toBe("2024-05-21 09:12:00 +00:00");
    expect(r.items[2]?.referring_links_attributes).toBeNull();
    expect(r.attempts).toBe(1);
  });

  it("keeps fields the docs do not list (the API grows)", async () => {
    const r = await client().live("backlinks/referring_domains", TASK);
    expect(r.items[2]).toHaveProperty("brand_new_field_the_docs_do_not_list", { nested: [1, 2, 3] });
    expect(r.envelope).toHaveProperty("version", "0.1.20240801");
  });

  it("answers the seed response as recorded, and sums the cost into spent", async () => {
    server.next({ kind: "json", body: SEED_RESPONSE }, { kind: "json", body: SEED_RESPONSE });
    const dfs = client();
    expect(dfs.spent).toBe(0);
    await dfs.live("backlinks/referring_domains", TASK);
    await dfs.live("/v3/backlinks/referring_domains/live", TASK);
    expect(dfs.spent).toBeCloseTo(0.04006, 9);
  });

  it("accepts ready arrays and sends them compiled", async () => {
    await client().live("backlinks/referring_domains", {
      target: "dataforseo.com",
      filters: [["referring_pages", ">", "2"], "and", ["backlinks", ">", "10"]],
      backlinks_filters: ["dofollow", "=", true],
      order_by: ["rank,desc"],
    });
    expect(server.requests[0]!.body).toEqual([
      {
        target: "dataforseo.com",
        filters: [["referring_pages", ">", "2"], "and", ["backlinks", ">", "10"]],
        backlinks_filters: ["dofollow", "=", true],
        order_by: ["rank,desc"],
      },
    ]);
  });

  it("refuses a task that fails its checks without calling the API", async () => {
    const dfs = client();
    const error = await rejection(dfs.live("backlinks/referring_domains", { target: "https://www.x.com/", where: "rank >", limit: 5000 }), TaskError);
    expect(error).toBeInstanceOf(DfsqError);
    expect(error.field).toBe("where");
    expect(error.problems.map((p) => p.field)).toEqual(["where", "limit"]);
    expect(server.requests).toHaveLength(0);
    expect(dfs.spent).toBe(0);
  });

  it("raises DfsqError unknown_endpoint for an endpoint it does not know", async () => {
    const error = await rejection(client().live("backlinks/referring_domain", { target: "x.com" }), DfsqError);
    expect(error.diagnostics.map((d) => d.code)).toEqual(["unknown_endpoint"]);
    expect(error.diagnostics[0]!.suggestions).toContain("backlinks/referring_domains");
    expect(server.requests).toHaveLength(0);
  });
});

describe("failures", () => {
  it("HTTP 500: retried until it succeeds", async () => {
    server.next({ kind: "http", status: 500 });
    const r = await client().live("backlinks/referring_domains", TASK);
    expect(server.requests).toHaveLength(2);
    expect(r.attempts).toBe(2);
  });

  it("HTTP 500 every time: HttpError after 1 + retries calls", async () => {
    server.next({ kind: "http", status: 500 }, { kind: "http", status: 500 }, { kind: "http", status: 500 });
    const error = await rejection(client().live("backlinks/referring_domains", TASK), HttpError);
    expect(error).toMatchObject({ status: 500, apiStatusCode: 50000, attempts: 3, retryable: true });
    expect(server.requests).toHaveLength(3);
  });

  it("40202 rate limit: retried with back-off", async () => {
    server.next({ kind: "status", code: 40202, message: "The rate-limit per minute has been exceeded." });
    const events: string[] = [];
    const r = await client({ onEvent: (e) => events.push(e.type) }).live("backlinks/referring_domains", TASK);
    expect(r.attempts).toBe(2);
    expect(events).toEqual(["request", "response", "retry", "request", "response"]);
  });

  it("50000 in the envelope: retried", async () => {
    server.next({ kind: "status", code: 50000, message: "Internal Error." });
    expect((await client().live("backlinks/referring_domains", TASK)).attempts).toBe(2);
  });

  it("40501 task error: ApiError with the task id, never retried", async () => {
    server.next({ kind: "task-error", code: 40501, message: "Invalid Field: 'filters'." });
    const error = await rejection(client().live("backlinks/referring_domains", TASK), ApiError);
    expect(error).toMatchObject({ statusCode: 40501, statusMessage: "Invalid Field: 'filters'.", taskIndex: 0, attempts: 1, retryable: false });
    expect(error.taskId).toMatch(/^08071729-/);
    expect(error.message).toContain("40501");
    expect(server.requests).toHaveLength(1);
  });

  it("a POST past the timeout: TimeoutError, not retried by default (it may have run and been charged)", async () => {
    server.next(SLOW, SLOW);
    const error = await rejection(client(SHORT_TIMEOUT).live("backlinks/referring_domains", TASK), TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 400, attempts: 1, retryable: true, partial: false });
    expect(server.requests).toHaveLength(1);
  });

  it("retry.maybeCharged: a POST that timed out is retried", async () => {
    server.next(SLOW);
    const r = await client({ ...SHORT_TIMEOUT, retry: { ...FAST_RETRY, maybeCharged: true } }).live("backlinks/referring_domains", TASK);
    expect(r.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it("a GET past the timeout is retried by default (it is free)", async () => {
    server.next(SLOW);
    await client(SHORT_TIMEOUT).get("/v3/backlinks/available_filters");
    expect(server.requests.map((r) => r.method)).toEqual(["GET", "GET"]);
  });

  it("retry: false: a timeout is the first call's error", async () => {
    server.next(SLOW);
    const error = await rejection(client({ ...SHORT_TIMEOUT, retry: false }).get("/v3/backlinks/available_filters"), TimeoutError);
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("a reset connection: NetworkError, retried", async () => {
    server.next({ kind: "reset" });
    expect((await client().live("backlinks/referring_domains", TASK)).attempts).toBe(2);

    server.reset();
    server.next({ kind: "reset" });
    const error = await rejection(client({ retry: false }).live("backlinks/referring_domains", TASK), NetworkError);
    expect(error).toMatchObject({ attempts: 1, retryable: true });
  });

  it("malformed JSON: ResponseError, not retried (the call may have been charged)", async () => {
    server.next({ kind: "malformed" });
    const error = await rejection(client().live("backlinks/referring_domains", TASK), ResponseError);
    expect(error).toMatchObject({ reason: "malformed_json", attempts: 1, retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it("a partial envelope: ResponseError naming the missing fields, not retried", async () => {
    server.next({ kind: "partial" });
    const error = await rejection(client().live("backlinks/referring_domains", TASK), ResponseError);
    expect(error.reason).toBe("invalid_envelope");
    expect(error.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["version", "time", "cost"]));
    expect(server.requests).toHaveLength(1);
  });

  it("items that break their schema: kept as received, with a warning at the item's path", async () => {
    const broken = structuredClone(SEED_RESPONSE);
    (broken.tasks[0]!.result as { items: { rank: unknown }[] }[])[0]!.items[1]!.rank = "high";
    server.next({ kind: "json", body: broken });
    const r = await client().live("backlinks/referring_domains", TASK);
    expect(r.items.map((i) => i.rank)).toEqual([912, "high", 201]);
    expect(r.responseWarnings.map((w) => [w.code, w.path])).toEqual([["unexpected_result", ["tasks", 0, "result", 0, "items", 1, "rank"]]]);
    expect(server.requests).toHaveLength(1);
  });

  it("an answer with two tasks to a live call: ResponseError unexpected_tasks", async () => {
    const two = structuredClone(SEED_RESPONSE);
    two.tasks.push(structuredClone(two.tasks[0]!));
    server.next({ kind: "json", body: two });
    expect((await rejection(client().live("backlinks/referring_domains", TASK), ResponseError)).reason).toBe("unexpected_tasks");
  });

  it("wrong credentials: HttpError 401 with DataForSEO's 40100, not retried", async () => {
    const dfs = createClient({ login: LOGIN, password: "wrong-password", baseUrl: server.baseUrl, retry: FAST_RETRY });
    const error = await rejection(dfs.live("backlinks/referring_domains", TASK), HttpError);
    expect(error).toMatchObject({ status: 401, apiStatusCode: 40100, attempts: 1, retryable: false });
  });

  it("a redirect is refused, never followed with the credentials", async () => {
    server.next({ kind: "redirect", location: "https://elsewhere.example/v3/" });
    const error = await rejection(client().live("backlinks/referring_domains", TASK), HttpError);
    expect(error.status).toBe(302);
    expect(server.requests).toHaveLength(1);
  });

  it("a caller's abort cancels the call and its retries", async () => {
    server.next({ kind: "slow", delayMs: 1000 });
    const controller = new AbortController();
    const pending = client({ timeoutMs: 5000 }).live("backlinks/referring_domains", TASK, { signal: controller.signal });
    // Abort once the call has arrived (a fixed delay loses that race on a loaded machine, and the
    // late request then shows up in the next test).
    await vi.waitFor(() => expect(server.requests).toHaveLength(1), { timeout: 5000 });
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
    expect(server.requests).toHaveLength(1);
  });
});

describe("client.post and client.get", () => {
  it("posts an array of tasks unchecked and returns the envelope", async () => {
    const envelope = await client().post("/v3/backlinks/history/live", [{ target: "dataforseo.com", date_from: "2024-01-01" }]);
    expect(envelope.tasks?.[0]?.data).toEqual({ target: "dataforseo.com", date_from: "2024-01-01" });
    expect(server.requests[0]!.body).toEqual([{ target: "dataforseo.com", date_from: "2024-01-01" }]);
  });

  it("refuses bodies the API would refuse, before sending", async () => {
    const dfs = client();
    for (const tasks of [[], Array.from({ length: 101 }, () => ({})), [{}, {}]]) {
      const path = tasks.length === 2 ? "/v3/backlinks/summary/live" : "/v3/on_page/task_post";
      const error = await rejection(dfs.post(path, tasks), TaskError);
      expect(error.diagnostics[0]!.code).toBe("invalid_parameter");
    }
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a path that would leave the base URL", async () => {
    await expect(client().post("https://evil.example/v3/x", [{}])).rejects.toThrow(TypeError);
    await expect(client().post("//evil.example/v3/x", [{}])).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it("GETs available_filters", async () => {
    const envelope = await client().get("/v3/backlinks/available_filters");
    expect(server.requests[0]).toMatchObject({ method: "GET", path: "/v3/backlinks/available_filters", body: undefined });
    expect(envelope.tasks?.[0]?.result?.[0]).toHaveProperty("referring_domains");
  });

  it("a failed task among several: ApiError holding the envelope, not retried", async () => {
    const ok = structuredClone(SEED_RESPONSE.tasks[0]!);
    const bad = { ...structuredClone(ok), id: "bad-task", status_code: 40501, status_message: "Invalid Field: 'target'.", result: null };
    server.next({ kind: "json", body: { ...SEED_RESPONSE, tasks_count: 2, tasks_error: 1, tasks: [ok, bad] } });
    const error = await rejection(client().post("/v3/on_page/task_post", [{ a: 1 }, { b: 2 }]), ApiError);
    expect(error).toMatchObject({ statusCode: 40501, taskId: "bad-task", taskIndex: 1, attempts: 1 });
    expect((error.response as { tasks: unknown[] }).tasks).toHaveLength(2);
  });
});

/** A clock whose sleeps return at once and move time on, recording each wait. */
function steppingClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: {
      now: () => now,
      sleep: (ms: number) => {
        sleeps.push(ms);
        now += ms;
        return Promise.resolve();
      },
    },
  };
}

describe("limits", () => {
  it("waits for the calls-per-minute window before a call past the limit", async () => {
    const { clock, sleeps } = steppingClock();
    const dfs = client({ maxCallsPerMinute: 2, clock });
    for (let i = 0; i < 3; i++) await dfs.live("backlinks/referring_domains", TASK);
    expect(sleeps).toEqual([60_000]);
    expect(server.requests).toHaveLength(3);
  });

  it("backs off exponentially between retries, with jitter, through the client's clock", async () => {
    const { clock, sleeps } = steppingClock();
    server.next({ kind: "http", status: 500 }, { kind: "status", code: 50000, message: "Internal Error." }, { kind: "reset" });
    const r = await client({ clock, retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 300 } }).live("backlinks/referring_domains", TASK);
    expect(r.attempts).toBe(4);
    expect(sleeps).toHaveLength(3);
    expect(sleeps[0]).toBeGreaterThanOrEqual(50);
    expect(sleeps[0]).toBeLessThanOrEqual(100);
    expect(sleeps[1]).toBeGreaterThanOrEqual(100);
    expect(sleeps[1]).toBeLessThanOrEqual(200);
    expect(sleeps[2]).toBeGreaterThanOrEqual(150);
    expect(sleeps[2]).toBeLessThanOrEqual(300);
  });

  it("keeps at most maxConcurrent calls in flight", async () => {
    server.next(...Array.from({ length: 8 }, () => ({ kind: "slow" as const, delayMs: 30 })));
    const dfs = client({ maxConcurrent: 2, timeoutMs: 5000 });
    await Promise.all(Array.from({ length: 8 }, () => dfs.live("backlinks/referring_domains", TASK)));
    expect(server.requests).toHaveLength(8);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
  });
});

describe("client.paginate", () => {
  it("pages by offset up to total_count", async () => {
    server.dataset = { total: 250 };
    const domains: string[] = [];
    for await (const item of client().paginate("backlinks/referring_domains", { target: "dataforseo.com", limit: 100 })) {
      domains.push(item.domain);
    }
    expect(domains).toHaveLength(250);
    expect(new Set(domains).size).toBe(250);
    expect(server.requests.map((r) => (r.body as { offset?: number }[])[0]!.offset)).toEqual([undefined, 100, 200]);
  });

  it("stops when the loop is left, without fetching further pages", async () => {
    server.dataset = { total: 1000 };
    let n = 0;
    for await (const _ of client().paginate("backlinks/referring_domains", { target: "dataforseo.com", limit: 10 })) {
      if (++n === 15) break;
    }
    expect(server.requests).toHaveLength(2);
  });

  it("checks the task before the first page, when iteration starts", async () => {
    const pages = client().paginate("backlinks/summary", { target: "x.com", offset: 100 } as never);
    await expect(pages.next()).rejects.toBeInstanceOf(TaskError);
    await expect(client().paginate("backlinks/nope", { target: "x.com" }).next()).rejects.toBeInstanceOf(DfsqError);
    expect(server.requests).toHaveLength(0);
  });

  it("pages backlinks/backlinks by search_after_token past offset 20,000", async () => {
    server.dataset = { total: 22_500 };
    let count = 0;
    for await (const _ of client().paginate("backlinks/backlinks", { target: "dataforseo.com", limit: 1000 })) count++;
    expect(count).toBe(22_500);
    const bodies = server.requests.map((r) => (r.body as Record<string, unknown>[])[0]!);
    expect(bodies).toHaveLength(23);
    expect(bodies[20]).toMatchObject({ offset: 20_000 });
    expect(bodies[21]).toEqual({ target: "dataforseo.com", limit: 1000, search_after_token: "after:21000" });
    expect(bodies[22]).toMatchObject({ search_after_token: "after:22000" });
    expect(bodies.every((b) => typeof b.offset !== "number" || b.offset <= 20_000)).toBe(true);
  });
});
