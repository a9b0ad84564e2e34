import { HELP_OPTION, optionsHelp, parseCommandLine } from "../args.js";
import { EXIT, UsageError, type CliIo } from "../io.js";

/** Set by the build (esbuild `define`) from package.json. */
declare const DFSQ_VERSION: string;

const OPTIONS = {
  stdio: { type: "boolean", help: "talk LSP over standard input and output (the default;\neditors pass it)" },
  clientProcessId: { type: "string", value: "<pid>", help: "exit when that process does (editors pass it)" },
  help: HELP_OPTION,
} as const;

export const LSP_HELP = `Usage: dfsq lsp [--stdio]

Starts dfsq's language server (Language Server Protocol over standard input and output) for
.dfsq files: diagnostics with quick fixes, completion, hover, semantic highlighting and
formatting, in any editor with an LSP client (VS Code, Neovim, Helix, Zed, Monaco).

A .dfsq file holds one expression; header lines name what it is for:

  # endpoint: backlinks/referring_domains
  # param: backlinks_filters
  dofollow and rank > 100

Settings (initializationOptions, or the client's "dfsq" settings): endpoint, param, now.

Options:
${optionsHelp(OPTIONS)}

See docs/editor.md for the VS Code and Neovim set-up.`;

/** Runs the server until the client says exit or closes the input; the connection ends the process. */
export async function lspCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout(`${LSP_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError("lsp takes no arguments: it reads LSP messages from standard input");
  (await import("./lsp-stdio.js")).serveStdio(DFSQ_VERSION);
  return new Promise<number>(() => {});
}
