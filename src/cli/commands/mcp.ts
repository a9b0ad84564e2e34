import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createDfsqServer } from "../../mcp/server.js";
import { HELP_OPTION, optionsHelp, parseCommandLine } from "../args.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { CLIENT_OPTIONS, clientFromCli } from "./run.js";

/*
 * `dfsq mcp`: dfsq's MCP server on standard input and output. This module is the only way into
 * the MCP SDK, and src/cli/run.ts imports it on demand, so the SDK (bundled into chunks of its
 * own) costs nothing to the other commands.
 */

/** Set by the build (esbuild `define`) from package.json. */
declare const DFSQ_VERSION: string;

const OPTIONS = {
  ...CLIENT_OPTIONS,
  help: HELP_OPTION,
} as const;

export const MCP_HELP = `Usage: dfsq mcp [options]

Serves dfsq to AI agents as a Model Context Protocol server over standard input and
output: an MCP client (Claude Desktop, Claude Code, VS Code, …) starts it and calls its
tools. Nothing but protocol messages goes to standard output; logs go to standard error.

Tools: list_endpoints, describe_fields, compile, validate, explain, and run (only when
DATAFORSEO_LOGIN and DATAFORSEO_PASSWORD are set; dry runs by default).

  {"mcpServers": {"dfsq": {"command": "npx", "args": ["-y", "dfsq", "mcp"]}}}

The options apply to run, as they do to dfsq run.

Options:
${optionsHelp(OPTIONS)}

See docs/mcp.md for the tools and client configuration.`;

const hasCredentials = (env: CliIo["env"]) =>
  env.DATAFORSEO_LOGIN !== undefined && env.DATAFORSEO_LOGIN !== "" && env.DATAFORSEO_PASSWORD !== undefined && env.DATAFORSEO_PASSWORD !== "";

/** Serves until the client closes standard input; returns 0 (the process exits when the calls in flight have answered). */
export async function mcpCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout(`${MCP_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError("mcp takes no arguments; an MCP client starts it and talks to it on standard input and output");
  const client = hasCredentials(io.env) ? clientFromCli(values, io, "mcp") : undefined;
  const server = createDfsqServer({ version: DFSQ_VERSION, client });
  const transport = new StdioServerTransport();
  // Serving ends when the client closes our input (or the transport gives up). The server is
  // not closed then: a call still in flight (a run waiting for DataForSEO) answers, and the
  // process exits once nothing is left to do.
  const done = new Promise<void>((resolve) => {
    process.stdin.once("end", resolve);
    // oxlint-disable-next-line unicorn/prefer-add-event-listener -- the SDK's Protocol has only this property
    server.server.onclose = resolve;
  });
  await server.connect(transport);
  io.stderr(
    client === undefined
      ? "dfsq mcp: serving on stdio; run is off (set DATAFORSEO_LOGIN and DATAFORSEO_PASSWORD to offer it)\n"
      : `dfsq mcp: serving on stdio; run sends to ${client.baseUrl} (dry runs by default)\n`,
  );
  await done;
  return EXIT.ok;
}
