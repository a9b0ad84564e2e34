import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { DataForSeoClient } from "../client/client.js";
import { INSTRUCTIONS } from "./messages.js";
import { registerCompile } from "./tools/compile.js";
import { registerDescribeFields } from "./tools/describe-fields.js";
import { registerExplain } from "./tools/explain.js";
import { registerListEndpoints } from "./tools/list-endpoints.js";
import { registerRun } from "./tools/run.js";
import { registerValidate } from "./tools/validate.js";

/*
 * dfsq's MCP server: the compiler's checks as tools an agent calls, over any transport (the CLI
 * connects it to stdio: src/cli/commands/mcp.ts). Only the CLI imports this folder, from a chunk
 * of its own, so neither the library nor `dfsq compile` loads the MCP SDK.
 */

export interface DfsqServerOptions {
  /** dfsq's version, told to the client at initialisation. */
  readonly version: string;
  /** Offers the `run` tool, which sends tasks with it; without one, nothing can be sent. */
  readonly client?: DataForSeoClient | undefined;
}

export function createDfsqServer({ version, client }: DfsqServerOptions): McpServer {
  const server = new McpServer({ name: "dfsq", title: "dfsq: DataForSEO filters and tasks", version }, { instructions: INSTRUCTIONS });
  registerListEndpoints(server);
  registerDescribeFields(server);
  registerCompile(server);
  registerValidate(server);
  registerExplain(server);
  if (client !== undefined) registerRun(server, client);
  return server;
}
