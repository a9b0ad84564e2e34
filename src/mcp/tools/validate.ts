import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { validateRequest } from "../../validate/validate-task.js";
import { DESCRIPTIONS, forAgent } from "../messages.js";
import { DiagnosticOutput, diagnosticsJson } from "../report.js";
import { answer } from "../result.js";

export const ValidateInput = {
  // Loose on purpose: dfsq's checks answer a wrong task with codes and JSON paths, zod's with a wall of union errors.
  task: z
    .union([z.record(z.string(), z.unknown()), z.array(z.unknown())])
    .describe(
      'a task object as POSTed, e.g. {"target": "dataforseo.com", "filters": [["rank", ">", 100], "and", ["dofollow", "=", true]], "order_by": ["rank,desc"], "limit": 10}; or an array of tasks, a saved request {"endpoint": …, "tasks": […]}, or {filters, order_by} alone',
    ),
  endpoint: z.string().optional().describe("the endpoint id the task is for (list_endpoints); needed to check fields and parameters unless the task names it"),
};

export const ValidateOutput = {
  ok: z.boolean(),
  tasks: z.array(z.record(z.string(), z.unknown())).describe("the request body as it would be sent, filters in canonical form"),
  note: z.string().optional(),
  diagnostics: z.array(DiagnosticOutput),
};

interface Args {
  readonly task: Record<string, unknown> | unknown[];
  readonly endpoint?: string | undefined;
}

const UNNAMED = "no endpoint argument: unless the task names its endpoint (an `endpoint` or `path` key), only its structure and filter limits were checked, not its fields or parameters";

export function validateTool({ task, endpoint }: Args): CallToolResult {
  const r = validateRequest(task, endpoint === undefined ? {} : { endpoint });
  const groups = [{ input: "task", source: "", diagnostics: r.diagnostics.map((d) => forAgent(d)) }];
  const note = endpoint === undefined ? { note: UNNAMED } : {};
  const structured = { ok: r.ok, tasks: r.value ?? [], ...note, diagnostics: diagnosticsJson(groups) };
  return answer("validate", structured, groups);
}

export function registerValidate(server: McpServer): void {
  server.registerTool(
    "validate",
    {
      title: "Validate a whole DataForSEO task",
      description: DESCRIPTIONS.validate,
      inputSchema: ValidateInput,
      outputSchema: ValidateOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) => validateTool(args),
  );
}
