import { existsSync } from "node:fs";
import { validateFilter, validateOrderBy } from "../../validate/validate.js";
import { validateRequest } from "../../validate/validate-task.js";
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

Checks what DataForSEO would receive: a raw "filters" array (or an "order_by" array), a whole task
object, or a whole request body (an array of tasks, a post_data dict {"0": {…}}, or a saved request
{"endpoint": "…", "tasks": […]}). A task's filters, backlinks_filters, initial_dataset_filters,
relevant_pages_filters and order_by are checked as filters are; unknown keys get "did you mean";
with an endpoint (--endpoint, or an "endpoint"/"path" key) fields, operators, values and the
endpoint's other parameters are checked too. Prints the canonical form on success; diagnostics
name the JSON path of each problem.

  dfsq validate '[["rank",">",10],"and",["dofollow","=",true]]'
  dfsq validate saved-filter.json --endpoint backlinks/backlinks
  dfsq validate task.json --endpoint backlinks/referring_domains

Options:
${optionsHelp(OPTIONS)}

Exit status: 0 ok, 1 the JSON has errors, 2 the command line is wrong (an unknown endpoint,
parameter or catalog).`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/** A saved request holds its tasks under one key. */
const isSavedRequest = (v: Record<string, unknown>) => "tasks" in v || "post_data" in v || "body" in v || Object.keys(v).every((k) => /^\d+$/.test(k));
/** A task, or tasks: an object, or an array of objects (a filter is an array of arrays). */
const isRequest = (v: unknown) => isObject(v) || (Array.isArray(v) && v.length > 0 && v.every(isObject));

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
  const isOrderBy = values["order-by"] === true || looksLikeOrderBy(value);
  const r = isOrderBy
    ? validateOrderBy(value, options)
    : isRequest(value)
      ? validateRequest(value, { ...options, ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }) })
      : validateFilter(value, options);
  const status = worstStatus(reportDiagnostics(io, "", r.diagnostics), r.ok ? EXIT.ok : EXIT.compileError);
  if (status !== EXIT.ok) return status;
  // One task in, one task out: a body of one task prints as that task.
  const output = isObject(value) && Array.isArray(r.value) && r.value.length === 1 && !isSavedRequest(value) ? r.value[0] : r.value;
  io.stdout(`${values.pretty ? prettyJson(output) : JSON.stringify(output)}\n`);
  return EXIT.ok;
}
