import { describe, expect, it } from "vitest";
import { readEnvelope } from "../../src/client/envelope.js";
import { ApiError, ResponseError } from "../../src/client/errors.js";
import { envelope, SEED_RESPONSE, task } from "./fake-dataforseo.js";

const CALL = { method: "POST", url: "https://api.dataforseo.com/v3/backlinks/referring_domains/live" } as const;
const read = (body: unknown) => readEnvelope(typeof body === "string" ? body : JSON.stringify(body), CALL);
const PATH = "/v3/backlinks/referring_domains/live";

describe("readEnvelope", () => {
  it("reads the seed response, keeping unknown fields", () => {
    const outcome = read({ ...SEED_RESPONSE, brand_new_top_field: true });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.cost).toBe(0.02003);
    expect(outcome.envelope.tasks).toHaveLength(1);
    expect(outcome.envelope).toHaveProperty("brand_new_top_field", true);
  });

  it("a body that is not JSON: ResponseError malformed_json", () => {
    const outcome = read("<html>502 Bad Gateway</html>");
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toBeInstanceOf(ResponseError);
    expect(!outcome.ok && (outcome.error as ResponseError).reason).toBe("malformed_json");
  });

  it.each([
    ["no status at all", { tasks: [] }, ["status_code"]],
    ["a status of the wrong type", { ...SEED_RESPONSE, status_code: "20000" }, ["status_code"]],
    ["required top-level fields missing", { status_code: 20000, status_message: "Ok.", tasks: [] }, ["version", "time", "cost", "tasks_count", "tasks_error"]],
    ["tasks missing", { ...SEED_RESPONSE, tasks: undefined }, ["tasks"]],
    ["a task without its fields", envelope([{ id: "t", status_code: 20000, status_message: "Ok." }]), ["tasks.0.time", "tasks.0.cost"]],
    ["a task without a status", envelope([{ id: "t" }]), ["tasks.0.status_code"]],
  ])("%s: ResponseError invalid_envelope naming the paths", (_name, body, paths) => {
    const outcome = read(body);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(ResponseError);
    expect((outcome.error as ResponseError).reason).toBe("invalid_envelope");
    expect((outcome.error as ResponseError).issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(paths));
  });

  it("an envelope status other than 2xxxx: ApiError with DataForSEO's code, even from a partial envelope", () => {
    const outcome = read({ status_code: 40202, status_message: "The rate-limit per minute has been exceeded." });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(ApiError);
    expect(outcome.error).toMatchObject({ statusCode: 40202, taskId: undefined, retryable: true });
  });

  it("checks every task even when the envelope says 20000", () => {
    const failed = task(PATH, {}, null, { id: "t-1", status_code: 40501, status_message: "Invalid Field: 'limit'." });
    const outcome = read(envelope([failed]));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ statusCode: 40501, taskId: "t-1", taskIndex: 0, retryable: false });
  });

  it("reports a failed task with only its status fields as ApiError, not as a broken envelope", () => {
    const outcome = read(envelope([{ id: "t-2", status_code: 50000, status_message: "Internal Error." }]));
    expect(!outcome.ok && outcome.error).toMatchObject({ name: "ApiError", statusCode: 50000, retryable: true });
  });

  it("does not retry a call in which some task succeeded (a retry would pay for it again)", () => {
    const ok = task(PATH, {}, []);
    const failed = task(PATH, {}, null, { status_code: 50000, status_message: "Internal Error." });
    const outcome = read(envelope([ok, failed]));
    expect(!outcome.ok && outcome.error).toMatchObject({ statusCode: 50000, taskIndex: 1, retryable: false });
    const allFailed = read(envelope([failed, failed]));
    expect(!allFailed.ok && allFailed.error).toMatchObject({ statusCode: 50000, retryable: true });
  });

  it("accepts 20100 (task created) as success", () => {
    expect(read(envelope([task("/v3/on_page/task_post", {}, null, { status_code: 20100, status_message: "Task Created." })])).ok).toBe(true);
  });
});
