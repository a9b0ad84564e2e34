import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CLI } from "../helpers/cli.js";

/** A client of `node dist/cli.js mcp`, spoken to by the SDK's own Client over stdio. */
export interface Connection {
  readonly client: Client;
  /** What the server wrote on standard error so far. */
  readonly stderr: () => string;
  readonly close: () => Promise<void>;
}

/**
 * Starts the built server as an MCP client would (test/global-setup.ts builds dist/ first). Only
 * `env` reaches it beyond the SDK's default safe variables (PATH, HOME, …): no credentials leak
 * in from the test's own environment.
 */
export async function connect(env: Record<string, string> = {}): Promise<Connection> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, "mcp"], env, stderr: "pipe" });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const client = new Client({ name: "dfsq-test", version: "1.0.0" });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** Calls a tool; the result typed as a tool result (the SDK's union also admits task results). */
export async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult & { structuredContent: Record<string, unknown> }> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult & { structuredContent: Record<string, unknown> };
}

/** The text of a result's content blocks, joined. */
export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
}
