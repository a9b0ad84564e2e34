import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { DataForSeoClient } from "../../client/client.js";
import { ApiError, ClientError, HttpError } from "../../client/errors.js";
import { DfsqError } from "../../diagnostics/error.js";
import { TaskError, type TaskProblem } from "../../task/task-error.js";
import { DESCRIPTIONS, forAgent, mcpMessages } from "../messages.js";
import { DiagnosticOutput, diagnosticsJson, type InputDiagnostics } from "../report.js";
import { failure, reportOf, success } from "../result.js";

export const RunInput = {
  endpoint: z.string().describe("an endpoint id from list_endpoints, e.g. backlinks/referring_domains"),
  task: z
    .record(z.string(), z.unknown())
    .describe(
      'the task\'s parameters, e.g. {"target": "dataforseo.com", "where": "backlinks > 100", "orderBy": "rank desc", "limit": 10}; filters as dfsq text under where / backlinksWhere / orderBy, or as arrays under filters / backlinks_filters / order_by',
    ),
  dry_run: z.boolean().default(true).describe("true (the default): return the request without sending it; false: send it (a paid call)"),
};

export const RunOutput = {
  ok: z.boolean(),
  dry_run: z.boolean(),
  endpoint: z.string(),
  request: z
    .object({ method: z.literal("POST"), url: z.string(), body: z.array(z.record(z.string(), z.unknown())).optional() })
    .optional()
    .describe("where the task went; on a dry run, with the body that would be sent"),
  status_code: z.number().optional().describe("the task's DataForSEO status code"),
  status_message: z.string().optional(),
  cost: z.number().optional().describe("USD charged for this call"),
  spent: z.number().optional().describe("USD charged for all the calls of this server so far"),
  result: z.unknown().optional().describe("the task's result, as DataForSEO answered it"),
  response_warnings: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
  error: z.object({ name: z.string(), message: z.string(), status_code: z.number().optional() }).optional(),
  diagnostics: z.array(DiagnosticOutput),
};

interface Args {
  readonly endpoint: string;
  readonly task: Record<string, unknown>;
  readonly dry_run: boolean;
}

function groupsOf(problems: readonly TaskProblem[], endpoint: string): InputDiagnostics[] {
  return problems.map((p) => ({ input: p.field, source: p.source, diagnostics: p.diagnostics.map((d) => forAgent(d, endpoint)) }));
}

/** Sends `task` (or, on a dry run, prepares it) with `client`: its checks, limits and retries. */
export async function runTool(client: DataForSeoClient, { endpoint, task, dry_run: dryRun }: Args): Promise<CallToolResult> {
  const base = { dry_run: dryRun, endpoint };
  try {
    if (dryRun) {
      const prepared = client.prepare(endpoint, task as never);
      const groups = groupsOf(prepared.warnings, endpoint);
      const request = { method: prepared.method, url: prepared.url, body: prepared.body.map((t) => ({ ...t })) };
      const structured = { ok: true, ...base, request, diagnostics: diagnosticsJson(groups) };
      return success(structured, [reportOf("run", true, groups), mcpMessages.notSent()].filter(Boolean).join("\n\n"));
    }
    const r = await client.live(endpoint, task as never);
    const groups = groupsOf(r.warnings, endpoint);
    const structured = {
      ok: true,
      ...base,
      request: { method: "POST" as const, url: r.url },
      status_code: r.task.status_code,
      status_message: r.task.status_message,
      cost: r.envelope.cost,
      spent: client.spent,
      result: r.task.result,
      response_warnings: r.responseWarnings.map(({ path, message }) => ({ path: [...path], message })),
      diagnostics: diagnosticsJson(groups),
    };
    return success(structured, reportOf("run", true, groups));
  } catch (e) {
    if (e instanceof DfsqError) {
      // A TaskError groups its problems by task field; any other DfsqError is about the endpoint.
      const groups = e instanceof TaskError ? groupsOf(e.problems, endpoint) : groupsOf([{ field: "endpoint", source: "", diagnostics: e.diagnostics }], endpoint);
      const structured = { ok: false, ...base, diagnostics: diagnosticsJson(groups) };
      return failure(structured, `${mcpMessages.notSentAfterErrors()} ${reportOf("run", false, groups) ?? ""}`);
    }
    if (e instanceof ClientError) {
      const statusCode = e instanceof ApiError ? e.statusCode : e instanceof HttpError ? e.apiStatusCode : undefined;
      const error = { name: e.name, message: e.message, ...(statusCode === undefined ? {} : { status_code: statusCode }) };
      return failure({ ok: false, ...base, error, spent: client.spent, diagnostics: [] }, mcpMessages.clientFailed(e.message));
    }
    throw e;
  }
}

export function registerRun(server: McpServer, client: DataForSeoClient): void {
  server.registerTool(
    "run",
    {
      title: "Run a DataForSEO task",
      description: DESCRIPTIONS.run,
      inputSchema: RunInput,
      outputSchema: RunOutput,
      // Not read-only, and not idempotent: every real call is charged.
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    (args) => runTool(client, args),
  );
}
