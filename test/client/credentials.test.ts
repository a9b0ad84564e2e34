import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createClient, type ClientEvent, type ClientOptions } from "../../src/client/index.js";
import { thrown } from "../helpers/errors.js";
import { BASIC, FakeDataForSeo, LOGIN, PASSWORD, useFakeDataForSeo, type Behaviour } from "./fake-dataforseo.js";

/*
 * The password and the Authorization header appear in no error (message, stack, JSON, string,
 * inspection) and no event, whatever fails, even when the server reflects them back.
 */

const server = useFakeDataForSeo();

const SECRETS = [PASSWORD, BASIC, `${LOGIN}:${PASSWORD}`];

function renderings(value: unknown): string[] {
  const e = value as Error;
  return [
    String(value),
    e?.message ?? "",
    e?.stack ?? "",
    JSON.stringify(value) ?? "",
    inspect(value, { depth: 10, showHidden: true }),
  ];
}

function expectNoSecret(value: unknown): void {
  for (const text of renderings(value)) {
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  }
}

const TASK = { target: "dataforseo.com", where: "backlinks > 1" } as const;

describe("credentials never leak", () => {
  const failures: [string, Behaviour[], Partial<ClientOptions>][] = [
    ["HTTP 500", [{ kind: "http", status: 500 }], {}],
    ["40202", [{ kind: "status", code: 40202, message: "The rate-limit per minute has been exceeded." }], {}],
    ["40501 task error", [{ kind: "task-error", code: 40501, message: "Invalid Field." }], {}],
    ["timeout", [{ kind: "slow", delayMs: 1000 }], {}],
    ["reset connection", [{ kind: "reset" }], {}],
    ["malformed JSON", [{ kind: "malformed" }], {}],
    ["partial envelope", [{ kind: "partial" }], {}],
    ["redirect", [{ kind: "redirect", location: "https://elsewhere.example/" }], {}],
    ["reflected in a 200 envelope", [{ kind: "echo-auth", status: 200 }], {}],
    ["reflected in an HTTP 500", [{ kind: "echo-auth", status: 500 }], {}],
  ];

  it.each(failures)("%s: not in the error nor in any event", async (_name, behaviours, extra) => {
    server.next(...behaviours);
    const events: ClientEvent[] = [];
    const dfs = createClient({ login: LOGIN, password: PASSWORD, baseUrl: server.baseUrl, timeoutMs: 200, retry: false, onEvent: (e) => events.push(e), ...extra });
    const error = await dfs.live("backlinks/referring_domains", TASK).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expectNoSecret(error);
    expect(events.length).toBeGreaterThan(0);
    expectNoSecret(events);
    expect(JSON.stringify(events)).not.toContain("Basic");
  });

  it("reflected text is redacted, not dropped", async () => {
    server.next({ kind: "echo-auth", status: 200 });
    const dfs = createClient({ login: LOGIN, password: PASSWORD, baseUrl: server.baseUrl, retry: false });
    await expect(dfs.live("backlinks/referring_domains", TASK)).rejects.toThrow(/Invalid Field: Basic \[redacted\] \(\[redacted\]\)/);
  });

  it("a connection refused: not in the NetworkError", async () => {
    const closed = new FakeDataForSeo();
    const url = await closed.start();
    await closed.close();
    const dfs = createClient({ login: LOGIN, password: PASSWORD, baseUrl: url, retry: false });
    const error = await dfs.get("/v3/backlinks/available_filters").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "NetworkError" });
    expectNoSecret(error);
  });

  it("task checks, option errors and the client object itself hold no secret", async () => {
    const dfs = createClient({ login: LOGIN, password: PASSWORD, baseUrl: server.baseUrl, retry: false });
    const taskError = await dfs.live("backlinks/referring_domains", { target: "www.x.com", limit: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expectNoSecret(taskError);
    expectNoSecret(dfs);
    for (const bad of [{ baseUrl: "http://api.dataforseo.com" }, { baseUrl: `https://${LOGIN}:${PASSWORD}@api.dataforseo.com` }, { timeoutMs: -1 }]) {
      expectNoSecret(thrown(() => createClient({ login: LOGIN, password: PASSWORD, ...bad }), Error));
    }
  });
});
