import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatDiagnostics } from "../../diagnostics/format.js";
import { validateFilter, validateOrderBy } from "../../validate/validate.js";
import { validateRequest } from "../../validate/validate-task.js";
import { catalogOptions } from "../catalog-options.js";
import { EXIT, UsageError, useColor, type CliIo } from "../io.js";
import { looksLikeOrderBy, parseJsonInput } from "../json-input.js";
import { readArgument, readFileArgument } from "../read-argument.js";

export const VALIDATE_HELP = `Usage: dfsq validate <json | file.json | -> [--endpoint <id>] [--param <p>] [--catalog <file>] [--order-by]

Checks what DataForSEO would receive: a raw "filters" array (or an "order_by" array), a whole task
object, or a whole request body (an array of tasks, a post_data dict {"0": {…}}, or a saved request
{"endpoint": "…", "tasks": […]}). A task's filters, backlinks_filters, initial_dataset_filters,
relevant_pages_filters and order_by are checked as filters are; unknown keys get "did you mean";
with an endpoint (--endpoint, or an "endpoint"/"path" key) fields, operators, values and the
endpoint's other parameters are checked too. Prints the canonical form on success; diagnostics
name the JSON path of each problem.

  dfsq validate '[["rank",">",10],"and",["dofollow","=",true]]'
  dfsq validate saved-filter.json --endpoint backlinks/backlinks
  dfsq validate task.json --endpoint backlinks/referring_domains`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/** A saved request holds its tasks under one key. */
const isSavedRequest = (v: Record<string, unknown>) => "tasks" in v || "post_data" in v || "body" in v || Object.keys(v).every((k) => /^\d+$/.test(k));
/** A task, or tasks: an object, or an array of objects (a filter is an array of arrays). */
const isRequest = (v: unknown) => isObject(v) || (Array.isArray(v) && v.length > 0 && v.every(isObject));

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
  const isOrderBy = values["order-by"] === true || looksLikeOrderBy(value);
  const r = isOrderBy
    ? validateOrderBy(value, options)
    : isRequest(value)
      ? validateRequest(value, { ...options, ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }) })
      : validateFilter(value, options);
  if (r.diagnostics.length > 0) io.stderr(formatDiagnostics("", r.diagnostics, { color }));
  if (!r.ok) return EXIT.compileError;
  // One task in, one task out: a body of one task prints as that task.
  const output = isObject(value) && Array.isArray(r.value) && r.value.length === 1 && !isSavedRequest(value) ? r.value[0] : r.value;
  io.stdout(`${JSON.stringify(output, null, values.pretty ? 2 : undefined)}\n`);
  return EXIT.ok;
}
