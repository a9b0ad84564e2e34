import { helpColumns } from "./args.js";

/** The commands, in the order `dfsq --help` lists them, with what each does. */
export const COMMAND_SUMMARIES: readonly (readonly [name: string, summary: string])[] = [
  ["compile", 'expression → the "filters" JSON (with --order-by: {"filters", "order_by"})'],
  ["print", 'a "filters" or "order_by" JSON array (or an object of both) → expression text'],
  ["fields", "the fields an endpoint's filters take: path, type, operators, sortable"],
  ["endpoints", "the endpoints dfsq knows, with their filter parameters"],
  ["validate", 'check a raw "filters" or "order_by" JSON array; print its canonical form'],
  ["eval", "filter the items of a saved response offline; print those that match"],
  ["run", "compile and check a whole task, then send it to DataForSEO (--dry-run: print it)"],
  ["catalog", "catalog fetch <api>: save the live available_filters list for --catalog"],
  ["mcp", "serve the compiler to AI agents: an MCP server on stdio (run with credentials)"],
  ["lsp", "the language server for .dfsq files (LSP over stdio), for any editor"],
];

/** The synopsis; README.md's CLI section shows the same lines (test/cli/help.test.ts checks). */
export const SYNOPSIS = `dfsq compile <expr> [--endpoint <id>] [--param <p>] [--catalog <file>] [--order-by <expr>]
             [--flat] [--pretty] [--optimize] [--now <time>]
dfsq print <json> [--order-by]
dfsq fields <endpoint> [--param <p>] [--json]
dfsq endpoints [--json]
dfsq validate <json|file|-> [--endpoint <id>] [--param <p>] [--catalog <file>] [--order-by]
              [--pretty]
dfsq eval --where <expr> [--endpoint <id>] [--param <p>] [--catalog <file>] [--now <time>]
          [--count] [--pretty] <file.json|->
dfsq run <endpoint> --target <t> [--where …] [--backlinks-where …] [--order-by …] [--limit n]
         [--param k=v …] [--catalog <file>] [--now <time>] [--dry-run] [--sandbox]
         [--base-url <url>] [--timeout <ms>] [--no-retry] [--envelope] [--pretty]
dfsq catalog fetch <api> [--out <file>] [--sandbox] [--base-url <url>] [--timeout <ms>]
                   [--no-retry]
dfsq mcp [--sandbox] [--base-url <url>] [--timeout <ms>] [--no-retry]
dfsq lsp [--stdio]
dfsq --help | --version`;

export const MAIN_HELP = `dfsq: compile filter and sort expressions into DataForSEO v3 arrays

Usage:
${SYNOPSIS.replace(/^/gm, "  ")}

Commands:
${helpColumns(COMMAND_SUMMARIES)}

Write - for <expr> or <json> to read it from standard input.
Exit status: 0 ok, 1 the input has errors, 2 the command line is wrong, 70 an internal error.
Run "dfsq <command> --help" for a command's options.`;
