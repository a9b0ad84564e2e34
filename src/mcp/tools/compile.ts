import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { FILTER_PARAMS, type FilterParam } from "../../catalog/endpoints.js";
import { checkFilter, checkOrderBy } from "../../compile.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { FilterSchema, OrderBySchema } from "../../validate/schemas.js";
import { DESCRIPTIONS, forAgent, mcpMessages } from "../messages.js";
import { DiagnosticOutput, diagnosticsJson, type InputDiagnostics } from "../report.js";
import { answer, failure } from "../result.js";

export const CompileInput = {
  endpoint: z.string().describe("an endpoint id from list_endpoints, e.g. backlinks/referring_domains; the fields are checked against it"),
  filters: z.string().optional().describe('a dfsq filter expression, e.g. referring_domains > 10 and (domain like "%seo%" or rank > 200)'),
  order_by: z.string().optional().describe("a dfsq order-by expression, e.g. rank desc, backlinks"),
  param: z
    .enum(FILTER_PARAMS as [FilterParam, ...FilterParam[]])
    .optional()
    .describe("the task parameter `filters` is written for: filters (default), backlinks_filters, initial_dataset_filters or relevant_pages_filters"),
};

export const CompileOutput = {
  ok: z.boolean().describe("no errors: `task` holds every array asked for"),
  endpoint: z.string(),
  task: z
    .object({
      ...Object.fromEntries(FILTER_PARAMS.map((p) => [p, z.optional(FilterSchema)])),
      order_by: z.optional(OrderBySchema),
    })
    .describe("the compiled arrays under their task parameter names, ready to put in the task"),
  diagnostics: z.array(DiagnosticOutput),
};

interface Args {
  readonly endpoint: string;
  readonly filters?: string | undefined;
  readonly order_by?: string | undefined;
  readonly param?: FilterParam | undefined;
}

/**
 * Problems with the arguments (an unknown endpoint, a parameter it does not take) are told by
 * each input's check; the agent reads them once, as problems of the arguments.
 */
function argumentsFirst(groups: readonly InputDiagnostics[]): InputDiagnostics[] {
  const seen = new Map<string, Diagnostic>();
  for (const d of groups.flatMap((g) => g.diagnostics)) {
    if (d.option !== undefined) seen.set(`${d.code}\u0000${d.option}\u0000${d.message}`, d);
  }
  const inputs = groups.map((g) => ({ ...g, diagnostics: g.diagnostics.filter((d) => d.option === undefined) }));
  return [{ input: "arguments", source: "", diagnostics: [...seen.values()] }, ...inputs];
}

export function compileTool({ endpoint, filters, order_by: orderBy, param = "filters" }: Args): CallToolResult {
  if (filters === undefined && orderBy === undefined) {
    return failure({ ok: false, endpoint, task: {}, diagnostics: [] }, mcpMessages.noInput());
  }
  const task: Record<string, unknown> = {};
  const groups: InputDiagnostics[] = [];
  if (filters !== undefined) {
    const r = checkFilter(filters, { endpoint, param });
    if (r.ok) task[param] = r.value;
    groups.push({ input: param, source: filters, diagnostics: r.diagnostics.map((d) => forAgent(d)) });
  }
  if (orderBy !== undefined) {
    const r = checkOrderBy(orderBy, { endpoint });
    if (r.ok) task.order_by = r.value;
    groups.push({ input: "order_by", source: orderBy, diagnostics: r.diagnostics.map((d) => forAgent(d)) });
  }
  const reported = argumentsFirst(groups);
  const ok = !reported.some((g) => hasErrors(g.diagnostics));
  const structured = { ok, endpoint, task, diagnostics: diagnosticsJson(reported) };
  return answer("compile", structured, reported);
}

export function registerCompile(server: McpServer): void {
  server.registerTool(
    "compile",
    {
      title: "Compile dfsq text to DataForSEO arrays",
      description: DESCRIPTIONS.compile,
      inputSchema: CompileInput,
      outputSchema: CompileOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) => compileTool(args),
  );
}
