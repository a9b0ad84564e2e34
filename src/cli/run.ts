import { compileCommand } from "./commands/compile.js";
import { catalogCommand } from "./commands/catalog-fetch.js";
import { endpointsCommand, fieldsCommand } from "./commands/fields.js";
import { printCommand } from "./commands/print.js";
import { runCommand } from "./commands/run.js";
import { HELP } from "./help.js";
import { EXIT, UsageError, type CliIo } from "./io.js";

/** Set by the build (esbuild `define`) from package.json. */
declare const DFSQ_VERSION: string;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  compile: compileCommand,
  print: printCommand,
  fields: fieldsCommand,
  endpoints: endpointsCommand,
  run: runCommand,
  catalog: catalogCommand,
};

/** Runs one CLI invocation and returns its exit status. Never throws for bad input. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(`${HELP.main}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${DFSQ_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(`dfsq: unknown command "${name}"\n\n${HELP.main}\n`);
    return EXIT.usage;
  }
  try {
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
