import * as messages from "../../diagnostics/messages.js";
import { checkFilter } from "../../compile.js";
import { DfsqError } from "../../diagnostics/error.js";
import { formatDiagnostics } from "../../diagnostics/format.js";
import { compileMatcher, type ItemMatcher } from "../../eval/evaluate.js";
import type { CompileOptions } from "../../options.js";
import { HELP_OPTION, optionsHelp, parseCommandLine } from "../args.js";
import { CATALOG_OPTIONS, catalogOptions, NOW_OPTION, nowOption } from "../catalog-options.js";
import { EXIT, UsageError, useColor, type CliIo } from "../io.js";
import { readArgument, readFileArgument } from "../read-argument.js";
import { reportDiagnostics } from "../report.js";

const OPTIONS = {
  where: { type: "string", short: "w", value: "<expr>", help: "the filter expression (required); - reads it from standard input" },
  ...CATALOG_OPTIONS,
  now: NOW_OPTION,
  count: { type: "boolean", help: "print only the number of matching items" },
  pretty: { type: "boolean", help: "indent the JSON" },
  help: HELP_OPTION,
} as const;

export const EVAL_HELP = `Usage: dfsq eval --where <expr> [options] <file.json|->

Filters the items of a saved DataForSEO response offline and prints the items that match
as a JSON array. The expression is compiled exactly as for the API (with the endpoint's
checks when --endpoint is given), and the arrays are evaluated with dfsq's reference
semantics (docs/semantics.md): missing and null fields match only "is null".

  dfsq run backlinks/referring_domains --target example.com --envelope > response.json
  dfsq eval --where 'rank > 100 and domain like "%.org"' response.json

The file holds a response envelope (items at tasks[*].result[*].items[*]), the result array
"dfsq run" prints, one result object ({"items": [...]}), or a JSON array of items.
Write - to read it from standard input.

Options:
${optionsHelp(OPTIONS)}

Diagnostics go to standard error. Exit status: 0 ok (also when nothing matches), 1 the
expression or the file has errors, 2 the command line is wrong (an unknown endpoint,
parameter or catalog, an unreadable --now).`;

/** Why a JSON value holds no items, or the items. */
type Items = { readonly ok: true; readonly items: unknown[] } | { readonly ok: false; readonly reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A result object as DataForSEO returns it: `items` (null when empty) next to `items_count`. */
function isResult(value: unknown): value is { items: unknown[] | null } {
  return isRecord(value) && (Array.isArray(value.items) || value.items === null) && "items_count" in value;
}

function itemsOfResults(results: readonly unknown[]): unknown[] {
  return results.flatMap((result) => (isRecord(result) && Array.isArray(result.items) ? result.items : []));
}

/**
 * The items of a saved response. Accepted, in this order: an envelope (`tasks[*].result[*].items`;
 * failed tasks, whose result is null, add none), an array of result objects (what `dfsq run`
 * prints), one object with an `items` array, and any other array, read as the items themselves.
 */
export function itemsOf(value: unknown): Items {
  if (Array.isArray(value)) {
    return { ok: true, items: value.length > 0 && value.every(isResult) ? itemsOfResults(value) : value };
  }
  if (isRecord(value) && Array.isArray(value.tasks)) {
    const results = value.tasks.flatMap((task) => (isRecord(task) && Array.isArray(task.result) ? task.result : []));
    return { ok: true, items: itemsOfResults(results) };
  }
  if (isRecord(value) && Array.isArray(value.items)) return { ok: true, items: value.items };
  return { ok: false, reason: messages.notItems() };
}

export async function evalCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout(`${EVAL_HELP}\n`);
    return EXIT.ok;
  }
  if (values.where === undefined) throw new UsageError("eval needs --where <expr>");
  if (positionals.length !== 1) throw new UsageError("eval takes one file of items (use - to read standard input)");
  const file = positionals[0]!;
  if (file === "-" && values.where === "-") throw new UsageError("only one of --where and the file can read standard input");

  const options: CompileOptions = { ...nowOption(values.now), ...catalogOptions(values) };
  const source = await readArgument(values.where, io);
  const color = useColor(io);
  const compiled = checkFilter(source, options);
  const status = reportDiagnostics(io, source, compiled.diagnostics);
  if (status !== EXIT.ok) return status;
  if (!compiled.ok) return EXIT.compileError;

  let matches: ItemMatcher;
  try {
    matches = compileMatcher(compiled.value);
  } catch (e) {
    if (!(e instanceof DfsqError)) throw e;
    io.stderr(formatDiagnostics(JSON.stringify(compiled.value), e.diagnostics, { color }));
    return EXIT.compileError;
  }

  const text = await readFileArgument(file, io);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    io.stderr(`dfsq eval: ${file === "-" ? "standard input" : file} is not JSON: ${(e as Error).message}\n`);
    return EXIT.compileError;
  }
  const found = itemsOf(json);
  if (!found.ok) {
    io.stderr(`dfsq eval: ${file === "-" ? "standard input" : file}: ${found.reason}\n`);
    return EXIT.compileError;
  }
  const matched = found.items.filter((item) => matches(item));
  io.stdout(values.count ? `${matched.length}\n` : `${JSON.stringify(matched, null, values.pretty ? 2 : undefined)}\n`);
  return EXIT.ok;
}
