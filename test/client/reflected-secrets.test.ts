import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ApiError, ClientError, createClient, HttpError, NetworkError, ResponseError, type ClientEvent, type RetryNotice } from "../../src/client/index.js";
import { reflections, unicodeEscaped, useFakeDataForSeo, type ReflectShape } from "./fake-dataforseo.js";

/*
 * A server that reflects the credentials it receives (the Authorization value, the login, the
 * password, login:password, each percent-encoded in upper and lower case, form-encoded, base64'd,
 * JSON-escaped) into every field it can: the reason phrase, status messages, task data, result
 * items, object keys (so that they show in JSON paths), a body cut off mid-way. No form of any of
 * them may appear anywhere in what the client hands back: the error's message, stack, cause chain,
 * JSON, util.inspect, every property recursively; the events; the retry notices; the warnings.
 */

// Characters that every encoding treats differently: space, +, /, =, ", \, %, &, ~, (), non-ASCII.
const LOGIN = "dfs user+1@exämple.com";
const PASSWORD = 'p@ss w0rd/+="\\%ü&~(x)';
const server = useFakeDataForSeo({ login: LOGIN, password: PASSWORD });

/** Every spelling of a secret that must not be found, as rendered by JSON and by util.inspect too. */
const FORBIDDEN = [
  ...new Set(
    [...reflections(LOGIN, PASSWORD), ...[LOGIN, PASSWORD, `${LOGIN}:${PASSWORD}`].flatMap((s) => [unicodeEscaped(s), unicodeEscaped(s, true)].map((u) => u.replaceAll("\\\\", "\\")))]
      .flatMap((s) => [s, JSON.stringify(s).slice(1, -1), inspect(s).slice(1, -1)]),
  ),
];

/** Every string reachable from `root` through own properties, hidden ones and keys included (iteratively: bodies can be deep). */
function everyString(root: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === "string") out.push(value);
    if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) continue;
    seen.add(value);
    for (const key of Object.getOwnPropertyNames(value)) {
      out.push(key);
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      pending.push("value" in descriptor ? descriptor.value : (value as Record<string, unknown>)[key]);
    }
  }
  return out;
}

/** What a caller or a logger can make of `value`. */
function renderings(value: unknown): string[] {
  const e = value as Error;
  const causes: string[] = [];
  for (let c: unknown = e, depth = 0; c instanceof Error && depth < 10; c = c.cause, depth++) causes.push(String(c), c.message, c.stack ?? "");
  return [String(value), JSON.stringify(value) ?? "", inspect(value, { showHidden: true, depth: Infinity }), ...causes, ...everyString(value)];
}

function expectNoSecret(value: unknown): void {
  const texts = renderings(value);
  for (const form of FORBIDDEN) {
    // The form alongside, so that a failure says which one was found, and where.
    expect({ form, foundIn: texts.filter((t) => t.includes(form)) }).toEqual({ form, foundIn: [] });
  }
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

const TASK = { target: "dataforseo.com", where: "backlinks > 1" } as const;

describe("credentials reflected by the server", () => {
  const shapes: [ReflectShape, abstract new (...args: never[]) => ClientError][] = [
    ["http-error", HttpError],
    ["envelope-error", ApiError],
    ["task-error", ApiError],
    ["malformed", ResponseError],
    ["invalid-envelope", ResponseError],
    ["two-tasks", ResponseError],
    ["cut-off", NetworkError],
  ];

  it.each(shapes)("%s: in no form anywhere in the error, the events or the retry notices", async (shape, type) => {
    // Twice, for the retryable shapes: the notice of the retry holds the first error.
    server.next({ kind: "reflect", shape }, { kind: "reflect", shape });
    const events: ClientEvent[] = [];
    const notices: RetryNotice[] = [];
    const dfs = createClient({
      login: LOGIN,
      password: PASSWORD,
      baseUrl: server.baseUrl,
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 },
      onEvent: (e) => events.push(e),
      onRetry: (n) => notices.push(n),
    });
    const error = await failure(dfs.live("backlinks/referring_domains", TASK));
    expect(error).toBeInstanceOf(type);
    // The reflection reached the client, and the error kept the body, redacted, not dropped.
    expect((error as ClientError).body).toContain("[redacted]");
    expectNoSecret(error);
    expectNoSecret(events);
    expectNoSecret(notices);
  });

  it("http-error: the reason phrase and the status message are redacted, not dropped", async () => {
    server.next({ kind: "reflect", shape: "http-error" });
    const dfs = createClient({ login: LOGIN, password: PASSWORD, baseUrl: server.baseUrl, retry: false });
    const error = (await failure(dfs.live("backlinks/referring_domains", TASK))) as HttpError;
    expect(error.statusText).toMatch(/^Bad \[redacted\]/);
    expect(error.apiStatusMessage).toMatch(/^Invalid Field: \[redacted\]/);
  });

  it("task-error: ApiError.response (the envelope) is redacted, keys and values", async () => {
    server.next({ kind: "reflect", shape: "task-error" });
    const dfs = createClient({ login: LOGIN, password: PASSWORD, baseUrl: server.baseUrl, retry: false });
    const error = (await failure(dfs.live("backlinks/referring_domains", TASK))) as ApiError;
    const response = error.response as { tasks: { status_message: string; data: Record<string, unknown> }[] };
    expect(response.tasks[0]!.status_message).toMatch(/^Invalid Field: \[redacted\]/);
    expect(Object.keys(response.tasks[0]!.data)).toContain("[redacted]");
    expectNoSecret(response);
  });

  it("result-keys: a paid answer is kept, and its warnings' JSON paths hold no secret", async () => {
    server.next({ kind: "reflect", shape: "result-keys" });
    const dfs = createClient({ login: LOGIN, password: PASSWORD, baseUrl: server.baseUrl, retry: false });
    const r = await dfs.live("backlinks/referring_domains", TASK);
    expect(r.items).toHaveLength(1);
    expect(r.responseWarnings.length).toBeGreaterThan(0);
    expect(r.responseWarnings.some((w) => w.path.includes("[redacted]"))).toBe(true);
    expectNoSecret(r.responseWarnings);
  });
});
