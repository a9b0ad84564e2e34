import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatDiagnostics } from "../../diagnostics/format.js";
import { validateFilter, validateOrderBy } from "../../validate/validate.js";
import { catalogOptions } from "../catalog-options.js";
import { EXIT, UsageError, useColor, type CliIo } from "../io.js";
import { looksLikeOrderBy, parseJsonInput } from "../json-input.js";
import { readArgument, readFileArgument } from "../read-argument.js";

export const VALIDATE_HELP = `Usage: dfsq validate <json | file.json | -> [--endpoint <id>] [--param <p>] [--catalog <file>] [--order-by]

Checks a raw "filters" array (or an "order_by" array, or {"filters", "order_by"}) as DataForSEO
would receive it: its structure, the API's limits, and with --endpoint the fields, operators and
values. Prints the canonical form on success; diagnostics name the JSON path of each problem.

  dfsq validate '[["rank",">",10],"and",["dofollow","=",true]]'
  dfsq validate saved-filter.json --endpoint backlinks/backlinks`;

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      endpoint: { type: "string", short: "e" },
      param: { type: "string" },
      catalog: { type: "string" },
      "order-by": { type: "boolean" },
      pretty: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
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
  const color = useColor(io);
  const parts: [label: string, result: ReturnType<typeof validateFilter> | ReturnType<typeof validateOrderBy>][] = [];
  if (value !== null && typeof value === "object" && !Array.isArray(value) && ("filters" in value || "order_by" in value)) {
    const { filters, order_by: orderBy } = value as { filters?: unknown; order_by?: unknown };
    if (filters !== undefined) parts.push(["filters", validateFilter(filters, options)]);
    if (orderBy !== undefined) parts.push(["order_by", validateOrderBy(orderBy, options)]);
  } else {
    const isOrderBy = values["order-by"] === true || looksLikeOrderBy(value);
    parts.push([isOrderBy ? "order_by" : "filters", isOrderBy ? validateOrderBy(value, options) : validateFilter(value, options)]);
  }
  let failed = false;
  for (const [label, r] of parts) {
    if (r.diagnostics.length > 0) io.stderr(`${parts.length > 1 ? `${label}:\n` : ""}${formatDiagnostics("", r.diagnostics, { color })}`);
    if (!r.ok) failed = true;
  }
  if (failed) return EXIT.compileError;
  const output = parts.length === 1 ? parts[0]![1].value : Object.fromEntries(parts.map(([label, r]) => [label, r.value]));
  io.stdout(`${JSON.stringify(output, null, values.pretty ? 2 : undefined)}\n`);
  return EXIT.ok;
}
