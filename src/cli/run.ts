import { suggest } from "../catalog/suggest.js";
import { MAIN_HELP } from "./help.js";
import { EXIT, UsageError, type CliIo } from "./io.js";

/** Set by the build (esbuild `define`) from package.json. */
declare const DFSQ_VERSION: string;

type Command = (args: string[], io: CliIo) => Promise<number>;

// Commands load on demand: `dfsq compile` should not pay for zod (validate, run) or re2js (eval).
const COMMANDS: Record<string, () => Promise<Command>> = {
  compile: async () => (await import("./commands/compile.js")).compileCommand,
  print: async () => (await import("./commands/print.js")).printCommand,
  fields: async () => (await import("./commands/fields.js")).fieldsCommand,
  endpoints: async () => (await import("./commands/fields.js")).endpointsCommand,
  validate: async () => (await import("./commands/validate.js")).validateCommand,
  eval: async () => (await import("./commands/eval.js")).evalCommand,
  run: async () => (await import("./commands/run.js")).runCommand,
  catalog: async () => (await import("./commands/catalog-fetch.js")).catalogCommand,
  // The MCP SDK is bundled into this command's chunks only.
  mcp: async () => (await import("./commands/mcp.js")).mcpCommand,
  lsp: async () => (await import("./commands/lsp.js")).lspCommand,
};

/** Runs one CLI invocation and returns its exit status. Never throws for bad input. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(`${MAIN_HELP}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${DFSQ_VERSION}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    const close = suggest(name, Object.keys(COMMANDS));
    io.stderr(`dfsq: unknown command "${name}"${close.length > 0 ? `; did you mean ${close.join(", ")}?` : ""}\nRun "dfsq --help" for the commands.\n`);
    return EXIT.usage;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (e) {
    // parseArgs throws TypeErrors with a code for unknown or malformed options.
    if (e instanceof UsageError || (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))) {
      io.stderr(`dfsq ${name}: ${e.message}\nRun "dfsq ${name} --help" for usage.\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
