import { existsSync } from "node:fs";
import { validateFilter, validateOrderBy } from "../../validate/validate.js";
import { HELP_OPTION, optionsHelp, parseCommandLine } from "../args.js";
import { CATALOG_OPTIONS, catalogOptions } from "../catalog-options.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { looksLikeOrderBy, parseJsonInput } from "../json-input.js";
import { prettyJson } from "../pretty-json.js";
import { readArgument, readFileArgument } from "../read-argument.js";
import { reportDiagnostics, worstStatus } from "../report.js";

const OPTIONS = {
  ...CATALOG_OPTIONS,
  "order-by": { type: "boolean", help: "read the array as an order-by (arrays of \"field,asc|desc\" are anyway)" },
  pretty: { type: "boolean", help: "indent the JSON, one condition per line" },
  help: HELP_OPTION,
} as const;

export const VALIDATE_HELP = `Usage: dfsq validate <json | file.json | -> [options]

Checks a raw "filters" array (or an "order_by" array, or {"filters", "order_by"}) as DataForSEO
would receive it: its structure, the API's limits, and with --endpoint the fields, operators and
values. Prints the canonical form on success; diagnostics name the JSON path of each problem.

  dfsq validate '[["rank",">",10],"and",["dofollow","=",true]]'
  dfsq validate saved-filter.json --endpoint backlinks/backlinks

Options:
${optionsHelp(OPTIONS)}

Exit status: 0 ok, 1 the JSON has errors, 2 the command line is wrong (an unknown endpoint,
parameter or catalog).`;

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout(`${VALIDATE_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("validate takes one JSON value or file (use - to read standard input)");
  const arg = positionals[0]!;
  // JSON-looking text is the value itself; anything else naming an existing path is a file.
  const text = arg !== "-" && !/^\s*[[{"]/.test(arg) && existsSync(arg) ? await readFileArgument(arg, io) : await readArgument(arg, io);
  const parsed = parseJsonInput(text, io);
  if (parsed === undefined) return EXIT.compileError;
  const { value } = parsed;
  const options = catalogOptions(values);
  const parts: [label: string, result: ReturnType<typeof validateFilter> | ReturnType<typeof validateOrderBy>][] = [];
  if (value !== null && typeof value === "object" && !Array.isArray(value) && ("filters" in value || "order_by" in value)) {
    const { filters, order_by: orderBy } = value as { filters?: unknown; order_by?: unknown };
    if (filters !== undefined) parts.push(["filters", validateFilter(filters, options)]);
    if (orderBy !== undefined) parts.push(["order_by", validateOrderBy(orderBy, options)]);
  } else {
    const isOrderBy = values["order-by"] === true || looksLikeOrderBy(value);
    parts.push([isOrderBy ? "order_by" : "filters", isOrderBy ? validateOrderBy(value, options) : validateFilter(value, options)]);
  }
  const status = worstStatus(
    ...parts.map(([label, r]) => worstStatus(reportDiagnostics(io, "", r.diagnostics, parts.length > 1 ? label : undefined), r.ok ? EXIT.ok : EXIT.compileError)),
  );
  if (status !== EXIT.ok) return status;
  const output = parts.length === 1 ? parts[0]![1].value : Object.fromEntries(parts.map(([label, r]) => [label, r.value]));
  io.stdout(`${values.pretty ? prettyJson(output) : JSON.stringify(output)}\n`);
  return EXIT.ok;
}
