import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFilter } from "../../src/compile.js";
import { LOGIN, PASSWORD, SEED_RESPONSE, useFakeDataForSeo } from "../client/fake-dataforseo.js";
import { CLI } from "../helpers/cli.js";
import { call, connect, textOf, type Connection } from "./connect.js";

/*
 * `dfsq mcp` as an agent meets it: the built CLI started by the MCP SDK's own Client over stdio.
 * The Client also checks every structured result against the output schema the server declared.
 */

const RD = "backlinks/referring_domains";

describe("dfsq mcp without credentials", () => {
  let mcp: Connection;
  beforeAll(async () => {
    mcp = await connect();
  });
  afterAll(() => mcp.close());

  it("lists list_endpoints, describe_fields, compile, validate and explain, and no run", async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name).toSorted()).toEqual(["compile", "describe_fields", "explain", "list_endpoints", "validate"]);
    for (const tool of tools) {
      expect(tool.outputSchema?.type).toBe("object");
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
    expect(mcp.stderr()).toContain("run is off");
  });

  it("compile's input schema comes from its zod shape: endpoint required, filters and order_by text", async () => {
    const { tools } = await mcp.client.listTools();
    const schema = tools.find((t) => t.name === "compile")!.inputSchema;
    expect(schema.required).toEqual(["endpoint"]);
    expect(schema.properties).toMatchObject({ endpoint: { type: "string" }, filters: { type: "string" }, order_by: { type: "string" } });
  });

  it("names itself and gives the model instructions", () => {
    expect(mcp.client.getServerVersion()?.name).toBe("dfsq");
    expect(mcp.client.getInstructions()).toContain("describe_fields");
  });

  it("compile: a good filter and order-by come back as the arrays, under their task parameter names", async () => {
    const filters = 'referring_domains > 10 and (domain like "%seo%" or rank > 200)';
    const r = await call(mcp.client, "compile", { endpoint: RD, filters, order_by: "rank desc, backlinks" });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toEqual({
      ok: true,
      endpoint: RD,
      task: { filters: compileFilter(filters, { endpoint: RD }), order_by: ["rank,desc", "backlinks,asc"] },
      diagnostics: [],
    });
    // The text is the same result, for clients that show only the text.
    expect(JSON.parse(textOf(r))).toEqual(r.structuredContent);
  });

  it("compile: param names the parameter the text is for", async () => {
    const r = await call(mcp.client, "compile", { endpoint: RD, filters: "dofollow", param: "backlinks_filters" });
    expect(r.structuredContent.task).toEqual({ backlinks_filters: ["dofollow", "=", true] });
  });

  it("compile: a bad filter is an error with structured diagnostics, the caret line and each fix as the corrected input", async () => {
    const filters = "referring_domains > 10 and domain = seo";
    const r = await call(mcp.client, "compile", { endpoint: RD, filters });
    expect(r.isError).toBe(true);
    expect(r.structuredContent).toMatchObject({ ok: false, task: {} });
    expect(r.structuredContent.diagnostics).toEqual([
      expect.objectContaining({
        input: "filters",
        code: "unquoted_text",
        severity: "error",
        line: 1,
        column: 37,
        span: { start: 36, end: 39 },
        hint: expect.any(String),
        fixes: [{ title: expect.any(String), result: 'referring_domains > 10 and domain = "seo"' }],
      }),
    ]);
    const text = textOf(r);
    expect(text).toContain("error[unquoted_text]");
    expect(text).toContain(`1 | ${filters}\n  |                                     ^^^`);
    expect(text).toContain('= fix (quote it: "seo"): referring_domains > 10 and domain = "seo"');
    // The fix, applied as given, compiles.
    const fixed = await call(mcp.client, "compile", { endpoint: RD, filters: 'referring_domains > 10 and domain = "seo"' });
    expect(fixed.isError).toBeFalsy();
  });

  it("compile: an error in one input leaves the other's array, and each problem names its input", async () => {
    const r = await call(mcp.client, "compile", { endpoint: RD, filters: "rank >", order_by: "rank desc" });
    expect(r.isError).toBe(true);
    expect(r.structuredContent.task).toEqual({ order_by: ["rank,desc"] });
    expect(r.structuredContent.diagnostics).toEqual([expect.objectContaining({ input: "filters", code: "unexpected_end" })]);
  });

  it("compile: a warning keeps the result usable and offers its fixes", async () => {
    const r = await call(mcp.client, "compile", { endpoint: RD, filters: "referring_domain > 10" });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent.task).toEqual({ filters: ["referring_domain", ">", 10] });
    expect(r.structuredContent.diagnostics).toEqual([
      expect.objectContaining({ code: "unknown_field", severity: "warning", suggestions: ["referring_domains", "referring_domains_nofollow"] }),
    ]);
    expect(textOf(r)).toContain("warning[unknown_field]");
  });

  it("compile: an unknown endpoint is told once, as a problem of the arguments, with the closest ids", async () => {
    const r = await call(mcp.client, "compile", { endpoint: "backlinks/referring_domain", filters: "rank > 1", order_by: "rank desc" });
    expect(r.isError).toBe(true);
    expect(r.structuredContent.diagnostics).toEqual([
      expect.objectContaining({ input: "arguments", code: "unknown_endpoint", option: "endpoint", suggestions: expect.arrayContaining([RD]) }),
    ]);
  });

  it("compile: an endpoint nothing resembles points the agent at list_endpoints, not at the command line", async () => {
    const r = await call(mcp.client, "compile", { endpoint: "qqq", filters: "rank > 1" });
    expect(r.structuredContent.diagnostics).toEqual([expect.objectContaining({ code: "unknown_endpoint", hint: "call list_endpoints for the list" })]);
    expect(textOf(r)).not.toContain("dfsq endpoints");
  });

  it("compile: neither filters nor order_by is an error", async () => {
    const r = await call(mcp.client, "compile", { endpoint: RD });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toContain("give `filters`, `order_by` or both");
  });

  it("validate: a whole task comes back as sent, its filters in canonical form", async () => {
    const task = { target: "dataforseo.com", limit: 10, filters: [["rank", ">", 1], "and", ["rank", "<", 100], "and", ["domain", "like", "%a%"]], order_by: ["rank,desc"] };
    const r = await call(mcp.client, "validate", { task, endpoint: RD });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toEqual({
      ok: true,
      tasks: [{ ...task, filters: [[["rank", ">", 1], "and", ["rank", "<", 100]], "and", ["domain", "like", "%a%"]] }],
      diagnostics: [],
    });
  });

  it("validate: a task's problems are errors with the JSON path of each, and did-you-mean for unknown keys", async () => {
    const task = { endpoint: RD, target: "dataforseo.com", limt: 10, filters: [["rank", ">", 1], "and", ["domain", "lik", "%a%"]] };
    const r = await call(mcp.client, "validate", { task });
    expect(r.isError).toBe(true);
    expect(r.structuredContent.diagnostics).toEqual([
      expect.objectContaining({ input: "task", code: "invalid_filter", path: ["filters", 2, 1] }),
      expect.objectContaining({ code: "invalid_parameter", path: ["limt"], suggestions: ["limit"] }),
    ]);
    expect(textOf(r)).toContain('--> at ["limt"]');
  });

  it("validate: a filter given as text is pointed at the compile tool", async () => {
    const r = await call(mcp.client, "validate", { task: { target: "dataforseo.com", filters: "rank > 1" }, endpoint: RD });
    expect(r.isError).toBe(true);
    expect(r.structuredContent.diagnostics).toEqual([expect.objectContaining({ path: ["filters"], hint: expect.stringContaining("compile tool") })]);
  });

  it("validate: without an endpoint, says what was not checked", async () => {
    const r = await call(mcp.client, "validate", { task: { filters: ["rank", ">", 1] } });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent.note).toContain("only its structure");
  });

  it("explain: arrays come back as dfsq text with an English reading", async () => {
    const filters = [["referring_domains", ">", 10], "and", [["domain", "like", "%seo%"], "or", ["rank", ">", 200]]];
    const r = await call(mcp.client, "explain", { filters, order_by: ["rank,desc"] });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toEqual({
      ok: true,
      dfsq: { filters: 'referring_domains > 10 and (domain like "%seo%" or rank > 200)', order_by: "rank desc" },
      reading: 'items where referring_domains is greater than 10 and (domain matches the pattern "%seo%" or rank is greater than 200), sorted by rank descending',
      diagnostics: [],
    });
  });

  it("explain: a value that is no filter gets dfsq's diagnostics with JSON paths, not the SDK's input validation", async () => {
    const r = await call(mcp.client, "explain", { filters: [["rank", "lik", 10]] });
    expect(r.isError).toBe(true);
    expect(r.structuredContent.diagnostics).toEqual([expect.objectContaining({ input: "filters", code: "invalid_filter", path: [0, 1] })]);
    expect(textOf(r)).not.toContain("Input validation error");
  });

  it("explain: 2,000 nested arrays get nesting_too_deep, not a stack overflow", async () => {
    let filters: unknown = ["rank", ">", 1];
    for (let i = 0; i < 2_000; i++) filters = [["rank", ">", i], "and", filters];
    const r = await call(mcp.client, "explain", { filters });
    expect(r.isError).toBe(true);
    expect(r.structuredContent.diagnostics).toEqual([expect.objectContaining({ code: "nesting_too_deep" })]);
    expect(textOf(r)).not.toMatch(/call stack/i);
  });

  it("explain: with an endpoint, the fields are checked against its catalog", async () => {
    const r = await call(mcp.client, "explain", { filters: ["referring_domain", ">", 1], endpoint: RD });
    expect(r.structuredContent.diagnostics).toEqual([expect.objectContaining({ code: "unknown_field", suggestions: expect.arrayContaining(["referring_domains"]) })]);
  });

  it("list_endpoints: every endpoint, or those whose id contains match", async () => {
    const all = await call(mcp.client, "list_endpoints", {});
    const some = await call(mcp.client, "list_endpoints", { match: "backlinks/" });
    const ids = (r: typeof all) => (r.structuredContent.endpoints as { id: string }[]).map((e) => e.id);
    expect(ids(all)).toContain("dataforseo_labs/google/ranked_keywords");
    expect(ids(some)).toContain(RD);
    expect(ids(some).every((id) => id.includes("backlinks/"))).toBe(true);
    expect(ids(some).length).toBeLessThan(ids(all).length);
  });

  it("describe_fields: the fields match keeps, with type, sortable, and the operators of their types", async () => {
    const r = await call(mcp.client, "describe_fields", { endpoint: RD, match: "referring dom" });
    expect(r.isError).toBeFalsy();
    const fields = r.structuredContent.fields as { path: string; type: string; sortable: boolean }[];
    expect(fields.map((f) => f.path)).toContain("referring_domains");
    expect(fields.every((f) => f.path.includes("referring") && f.path.includes("dom"))).toBe(true);
    expect(fields[0]).toMatchObject({ type: "num", sortable: true });
    expect(r.structuredContent.operators).toEqual({ num: ["<", "<=", ">", ">=", "=", "<>", "in", "not_in"] });
  });

  it("describe_fields: the operators DataForSEO's pages dispute come with why", async () => {
    const r = await call(mcp.client, "describe_fields", { endpoint: RD, match: "domain" });
    const disputed = r.structuredContent.disputed as { type: string; operators: string[]; kind: string; reason: string }[];
    expect(disputed.filter((d) => d.type === "str").flatMap((d) => d.operators)).toEqual(["ilike", "not_ilike"]);
    expect(disputed.every((d) => d.kind === "conflict" && d.reason.includes(RD))).toBe(true);
  });

  it("describe_fields: a match no path contains lists the closest paths: typos, then the letters in order", async () => {
    const typo = await call(mcp.client, "describe_fields", { endpoint: RD, match: "rnak" });
    expect((typo.structuredContent.fields as { path: string }[])[0]!.path).toBe("rank");
    const r = await call(mcp.client, "describe_fields", { endpoint: RD, match: "refering" });
    const paths = (r.structuredContent.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toContain("referring_domains");
    expect(paths.every((p) => p.startsWith("referring_"))).toBe(true);
    expect(r.structuredContent.note).toContain('no field path contains "refering"');
  });

  it("describe_fields: a parameter the endpoint does not take is an error naming those it takes", async () => {
    const r = await call(mcp.client, "describe_fields", { endpoint: RD, param: "relevant_pages_filters" });
    expect(r.isError).toBe(true);
    expect(r.structuredContent.diagnostics).toEqual([expect.objectContaining({ input: "arguments", code: "unsupported_parameter", option: "param" })]);
  });
});

describe("dfsq mcp with credentials, against the local fake DataForSEO", () => {
  const server = useFakeDataForSeo();
  let mcp: Connection;
  beforeAll(async () => {
    mcp = await connect({ DATAFORSEO_LOGIN: LOGIN, DATAFORSEO_PASSWORD: PASSWORD, DFSQ_BASE_URL: server.baseUrl });
  });
  afterAll(() => mcp.close());

  const task = { target: "dataforseo.com", where: "backlinks > 100", orderBy: "rank desc", limit: 5 };
  const body = [{ target: "dataforseo.com", filters: ["backlinks", ">", 100], order_by: ["rank,desc"], limit: 5 }];

  it("offers run too, dry by default and marked as reaching the outside world", async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name)).toContain("run");
    const run = tools.find((t) => t.name === "run")!;
    expect(run.inputSchema.properties?.dry_run).toMatchObject({ type: "boolean", default: true });
    expect(run.annotations).toMatchObject({ readOnlyHint: false, openWorldHint: true });
    expect(mcp.stderr()).toContain(`run sends to ${server.baseUrl}`);
  });

  it("run without dry_run returns the prepared request and sends nothing", async () => {
    const r = await call(mcp.client, "run", { endpoint: RD, task });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toMatchObject({
      ok: true,
      dry_run: true,
      request: { method: "POST", url: `${server.baseUrl}/v3/backlinks/referring_domains/live`, body },
    });
    expect(textOf(r)).toContain("nothing was sent");
    expect(server.requests).toHaveLength(0);
  });

  it("run with dry_run: false sends the task through the client and returns DataForSEO's result", async () => {
    const r = await call(mcp.client, "run", { endpoint: RD, task, dry_run: false });
    expect(r.isError).toBeFalsy();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: "POST", path: "/v3/backlinks/referring_domains/live", body });
    const seed = (SEED_RESPONSE.tasks[0]!.result as Record<string, unknown>[])[0]!;
    expect(r.structuredContent).toMatchObject({ ok: true, dry_run: false, status_code: 20000, cost: 0.02, result: [{ ...seed, target: "dataforseo.com" }] });
    expect(r.structuredContent.spent).toBeGreaterThanOrEqual(0.02);
  });

  it("run: a task that fails the checks is an error, and nothing is sent even with dry_run: false", async () => {
    const r = await call(mcp.client, "run", { endpoint: RD, task: { ...task, where: "backlinks >" }, dry_run: false });
    expect(r.isError).toBe(true);
    expect(r.structuredContent.diagnostics).toEqual([expect.objectContaining({ input: "where", code: "unexpected_end" })]);
    expect(textOf(r)).toContain("Nothing was sent");
    expect(server.requests).toHaveLength(0);
  });

  it("run: DataForSEO's refusal is an error with its status code", async () => {
    server.next({ kind: "task-error", code: 40501, message: "Invalid Field." });
    const r = await call(mcp.client, "run", { endpoint: RD, task, dry_run: false });
    expect(r.isError).toBe(true);
    expect(r.structuredContent.error).toMatchObject({ name: "ApiError", status_code: 40501 });
    expect(textOf(r)).toContain("40501");
  });
});

/** Writes `messages` to a fresh `dfsq mcp`, closes its input at once, and waits for it to exit. */
async function session(messages: readonly object[], env: Record<string, string> = {}): Promise<{ status: number | null; replies: Record<string, unknown>[] }> {
  const child = spawn(process.execPath, [CLI, "mcp"], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  child.stdin.end(messages.map((m) => `${JSON.stringify(m)}\n`).join(""));
  const status = await exited;
  // Every line of stdout must be a protocol message: JSON.parse throws on anything else.
  const replies = stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status, replies };
}

const INITIALIZE = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } };
const INITIALIZED = { jsonrpc: "2.0", method: "notifications/initialized" };

describe("dfsq mcp as a process", () => {
  const server = useFakeDataForSeo();

  it("writes only protocol messages on stdout, and exits 0 when the client closes its input", async () => {
    const { status, replies } = await session([INITIALIZE]);
    expect(status).toBe(0);
    expect(replies).toEqual([expect.objectContaining({ id: 1, result: expect.objectContaining({ serverInfo: expect.objectContaining({ name: "dfsq" }) }) })]);
  });

  it("answers a call still in flight when the input closes, then exits 0", async () => {
    server.next({ kind: "slow", delayMs: 300 });
    const run = { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "run", arguments: { endpoint: RD, task: { target: "dataforseo.com" }, dry_run: false } } };
    const { status, replies } = await session([INITIALIZE, INITIALIZED, run], { DATAFORSEO_LOGIN: LOGIN, DATAFORSEO_PASSWORD: PASSWORD, DFSQ_BASE_URL: server.baseUrl });
    expect(status).toBe(0);
    expect(server.requests).toHaveLength(1);
    expect(replies.find((r) => r.id === 2)).toMatchObject({ result: { structuredContent: { ok: true, status_code: 20000 } } });
  });
});
