import { createConnection } from "vscode-languageserver/node";
import { startServer } from "../../lsp/server.js";

/*
 * The language server on standard input and output. Built apart from the CLI's shared chunks
 * (scripts/build.mjs): with the server libraries and its own copy of the compiler in one file,
 * adding or changing the server never reshuffles the chunks the other commands load.
 */

/** Serves until the client says exit or closes the input; the connection then ends the process. */
export function serveStdio(version: string): void {
  // Nothing else may write to stdout from here on: it carries the protocol.
  startServer(createConnection(process.stdin, process.stdout), { version });
}
