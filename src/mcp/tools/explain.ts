import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { FILTER_PARAMS, type FilterParam } from "../../catalog/endpoints.js";
import type { CheckResult } from "../../compile.js";
import { hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { DfsqError } from "../../diagnostics/error.js";
import { printFilter, printOrderBy } from "../../print/print-filter.js";
import { FilterSchema, OrderBySchema } from "../../validate/schemas.js";
import { validateFilter, validateOrderBy } from "../../validate/validate.js";
import { DESCRIPTIONS, forAgent, mcpMessages } from "../messages.js";
import { readFilter, readOrderBy } from "../read-filter.js";
import { DiagnosticOutput, diagnosticsJson, type InputDiagnostics } from "../report.js";
import { answer, failure } from "../result.js";

/*
 * The input schemas show the agent the wire format (FilterSchema, OrderBySchema: one source) but
 * let any value through: a wrong one gets dfsq's diagnostics, with codes and JSON paths, rather
 * than the SDK's dump of zod's union errors. `unknown` comes first, so that zod accepts the value
 * without running the schema at all: its parser recurses, and 1,000 nested arrays overflow
 * the stack before dfsq's depth check (nesting_too_deep) could answer.
 */
const anyValueLike = <T extends z.core.$ZodType>(schema: T) => z.union([z.unknown(), schema]);

export const ExplainInput = {
  filters: anyValueLike(FilterSchema).optional().describe('a filters array, e.g. [["rank", ">", 10], "and", ["dofollow", "=", true]]'),
  order_by: anyValueLike(OrderBySchema).optional().describe('an order_by array, e.g. ["rank,desc"]'),
  endpoint: z.string().optional().describe("an endpoint id (list_endpoints): also check the fields against its catalog"),
  param: z
    .enum(FILTER_PARAMS as [FilterParam, ...FilterParam[]])
    .optional()
    .describe("with endpoint: the task parameter `filters` belongs to (default filters)"),
};

export const ExplainOutput = {
  ok: z.boolean(),
  dfsq: z.object({ filters: z.string().optional(), order_by: z.string().optional() }).describe("the arrays as dfsq text"),
  reading: z.string().optional().describe("the arrays in one line of English"),
  diagnostics: z.array(DiagnosticOutput),
};

interface Args {
  readonly filters?: unknown;
  readonly order_by?: unknown;
  readonly endpoint?: string | undefined;
  readonly param?: FilterParam | undefined;
}

/** The printed text, or the printer's diagnostics (with JSON paths) for a value that is not one. */
function printed(print: (value: unknown) => string, value: unknown): { text?: string; diagnostics: readonly Diagnostic[] } {
  try {
    return { text: print(value), diagnostics: [] };
  } catch (e) {
    if (e instanceof DfsqError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

/** One input: printed, then (with an endpoint) checked against its catalog. */
function explainOne<T>(input: string, value: unknown, print: (value: unknown) => string, check: (() => CheckResult<T>) | undefined) {
  const { text, diagnostics } = printed(print, value);
  const checked = text !== undefined && check !== undefined ? check().diagnostics : [];
  const group: InputDiagnostics = { input, source: "", diagnostics: [...diagnostics, ...checked].map((d) => forAgent(d)) };
  return { text, group };
}

export function explainTool({ filters, order_by: orderBy, endpoint, param = "filters" }: Args): CallToolResult {
  if (filters === undefined && orderBy === undefined) {
    return failure({ ok: false, dfsq: {}, diagnostics: [] }, mcpMessages.noInput());
  }
  const dfsq: { filters?: string; order_by?: string } = {};
  const readings: string[] = [];
  const groups: InputDiagnostics[] = [];
  if (filters !== undefined) {
    const check = endpoint === undefined ? undefined : () => validateFilter(filters, { endpoint, param });
    const { text, group } = explainOne(param, filters, printFilter, check);
    groups.push(group);
    if (text !== undefined) {
      dfsq.filters = text;
      readings.push(readFilter(filters as unknown[]));
    }
  }
  if (orderBy !== undefined) {
    const check = endpoint === undefined ? undefined : () => validateOrderBy(orderBy, { endpoint });
    const { text, group } = explainOne("order_by", orderBy, printOrderBy, check);
    groups.push(group);
    if (text !== undefined) {
      dfsq.order_by = text;
      readings.push(readOrderBy(orderBy as string[]));
    }
  }
  const ok = !groups.some((g) => hasErrors(g.diagnostics));
  const reading = readings.length > 0 ? { reading: readings.join(", ") } : {};
  const structured = { ok, dfsq, ...reading, diagnostics: diagnosticsJson(groups) };
  return answer("explain", structured, groups);
}

export function registerExplain(server: McpServer): void {
  server.registerTool(
    "explain",
    {
      title: "Explain DataForSEO filter arrays",
      description: DESCRIPTIONS.explain,
      inputSchema: ExplainInput,
      outputSchema: ExplainOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) => explainTool(args),
  );
}
