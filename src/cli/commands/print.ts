import { FILTER_PARAMS } from "../../catalog/endpoints.js";
import { suggest } from "../../catalog/suggest.js";
import { makeDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { DfsqError } from "../../diagnostics/error.js";
import * as messages from "../../diagnostics/messages.js";
import { printFilter, printOrderBy } from "../../print/print-filter.js";
import { HELP_OPTION, optionsHelp, parseCommandLine } from "../args.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { looksLikeOrderBy, parseJsonInput } from "../json-input.js";
import { readArgument } from "../read-argument.js";
import { reportDiagnostics } from "../report.js";

const OPTIONS = {
  "order-by": { type: "boolean", help: "read the array as an order-by (arrays of \"field,asc|desc\" are anyway)" },
  help: HELP_OPTION,
} as const;

/** The keys of an object of filters, in the order they are printed. */
const PARTS = [...FILTER_PARAMS, "order_by"] as const;

export const PRINT_HELP = `Usage: dfsq print <json> [--order-by]

Prints a "filters" array (or an "order_by" array) as dfsq expression text.
Arrays of "field,asc|desc" strings are read as an order-by; --order-by forces it.

  dfsq print '[["rank",">",10],"and",["dofollow","=",true]]'   →  rank > 10 and dofollow

An object of them, as "dfsq compile --order-by" prints it, is printed one part per line,
each after its name (keys: ${PARTS.join(", ")}):

  dfsq print '{"filters":["rank",">",10],"order_by":["rank,desc"]}'
  filters: rank > 10
  order_by: rank desc

Options:
${optionsHelp(OPTIONS)}

Exit status: 0 ok, 1 the JSON is not a filter, 2 the command line is wrong.`;

const ZERO = { start: 0, end: 0 } as const;

type Printed = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

function print(value: unknown, orderBy: boolean): Printed {
  try {
    return { ok: true, text: orderBy ? printOrderBy(value) : printFilter(value) };
  } catch (e) {
    if (!(e instanceof DfsqError)) throw e;
    return { ok: false, diagnostics: e.diagnostics };
  }
}

/** `{"filters": …, "order_by": …}`: each part printed after its name; diagnostics carry the key in their path. */
function printParts(object: Record<string, unknown>): Printed {
  const diagnostics: Diagnostic[] = [];
  const lines: string[] = [];
  const keys = Object.keys(object);
  for (const key of keys.filter((k) => !(PARTS as readonly string[]).includes(k))) {
    const close = suggest(key, PARTS);
    diagnostics.push(
      makeDiagnostic("", "invalid_filter", ZERO, messages.notAFilterPart(key, PARTS), {
        path: [key],
        ...(close.length > 0 ? { hint: messages.didYouMean(close), suggestions: close } : {}),
      }),
    );
  }
  for (const key of PARTS.filter((k) => keys.includes(k))) {
    const printed = print(object[key], key === "order_by");
    if (printed.ok) lines.push(`${key}: ${printed.text}`);
    else diagnostics.push(...printed.diagnostics.map((d) => ({ ...d, path: [key, ...(d.path ?? [])] })));
  }
  return diagnostics.some((d) => d.severity === "error") ? { ok: false, diagnostics } : { ok: true, text: lines.join("\n") };
}

export async function printCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout(`${PRINT_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("print takes one JSON value (use - to read standard input)");
  const text = await readArgument(positionals[0]!, io);
  const parsed = parseJsonInput(text, io);
  if (parsed === undefined) return EXIT.compileError;
  const { value } = parsed;
  // An empty object is left to the printer, which says what a filter looks like.
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
  const printed = isObject ? printParts(value as Record<string, unknown>) : print(value, values["order-by"] === true || looksLikeOrderBy(value));
  if (!printed.ok) {
    reportDiagnostics(io, text, printed.diagnostics);
    return EXIT.compileError;
  }
  io.stdout(`${printed.text}\n`);
  return EXIT.ok;
}
