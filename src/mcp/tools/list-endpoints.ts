import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { listEndpoints } from "../../catalog/api.js";
import { FILTER_PARAMS } from "../../catalog/endpoints.js";
import { DESCRIPTIONS } from "../messages.js";
import { success } from "../result.js";

export const ListEndpointsInput = {
  match: z.string().optional().describe("keep the endpoint ids that contain this text, e.g. backlinks or google/ranked"),
};

/** `listEndpoints()`'s shape, as `dfsq endpoints --json` prints it. */
const EndpointOutput = z.object({
  id: z.string(),
  path: z.string(),
  params: z.array(z.enum(FILTER_PARAMS as [string, ...string[]])),
  orderBy: z.boolean(),
  maxConditions: z.number().int(),
  fieldReferences: z.boolean(),
  provenance: z.enum(["documented", "derived"]),
  catalogVersion: z.string(),
});

export const ListEndpointsOutput = {
  endpoints: z.array(EndpointOutput),
};

export function listEndpointsTool({ match }: { match?: string | undefined }): CallToolResult {
  const needle = match?.trim().toLowerCase() ?? "";
  const endpoints = listEndpoints().filter((e) => e.id.includes(needle));
  return success({ endpoints });
}

export function registerListEndpoints(server: McpServer): void {
  server.registerTool(
    "list_endpoints",
    {
      title: "List DataForSEO endpoints",
      description: DESCRIPTIONS.listEndpoints,
      inputSchema: ListEndpointsInput,
      outputSchema: ListEndpointsOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) => listEndpointsTool(args),
  );
}
