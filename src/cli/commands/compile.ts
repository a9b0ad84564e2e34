import { checkFilter, checkOrderBy } from "../../compile.js";
import type { CompileOptions } from "../../options.js";
import { HELP_OPTION, optionsHelp, parseCommandLine } from "../args.js";
import { CATALOG_OPTIONS, catalogOptions, NOW_OPTION, nowOption } from "../catalog-options.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { prettyJson } from "../pretty-json.js";
import { readArgument } from "../read-argument.js";
import { reportDiagnostics, worstStatus } from "../report.js";

const OPTIONS = {
  ...CATALOG_OPTIONS,
  "order-by": {
    type: "string",
    value: "<expr>",
    help: 'also compile an order-by ("rank desc, backlinks"); prints\n{"filters": …, "order_by": …}. With "" for <expr>, only the order-by.',
  },
  flat: { type: "boolean", help: 'write chains of one connective flat: [A,"and",B,"and",C]' },
  pretty: { type: "boolean", help: "indent the JSON, one condition per line" },
  optimize: { type: "boolean", help: "always merge duplicate and same-field conditions" },
  now: NOW_OPTION,
  help: HELP_OPTION,
} as const;

export const COMPILE_HELP = `Usage: dfsq compile <expr> [options]

Compiles a filter expression into DataForSEO's "filters" array and prints it as JSON.

  referring_domains > 10 and (domain like "%seo%" or rank > 200)

Options:
${optionsHelp(OPTIONS)}

Diagnostics go to standard error, with the source line and a caret under the problem.
Exit status: 0 ok, 1 the expression has errors, 2 the command line is wrong (an unknown
endpoint, parameter or catalog, an unreadable --now).`;

export async function compileCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout(`${COMPILE_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("compile takes one expression (use - to read standard input)");
  const options: CompileOptions = {
    chains: values.flat ? "flat" : "binary",
    optimize: values.optimize === true,
    ...nowOption(values.now),
    ...catalogOptions(values),
  };
  const source = await readArgument(positionals[0]!, io);
  const orderBySource = values["order-by"];

  const onlyOrderBy = orderBySource !== undefined && source.trim() === "";
  const filter = onlyOrderBy ? undefined : checkFilter(source, options);
  const orderBy = orderBySource === undefined ? undefined : checkOrderBy(orderBySource, options);
  const status = worstStatus(
    filter === undefined ? EXIT.ok : reportDiagnostics(io, source, filter.diagnostics, orderBy === undefined ? undefined : "filters"),
    orderBy === undefined ? EXIT.ok : reportDiagnostics(io, orderBySource!, orderBy.diagnostics, "order_by"),
    filter?.ok === false || orderBy?.ok === false ? EXIT.compileError : EXIT.ok,
  );
  if (status !== EXIT.ok) return status;

  const output =
    orderBy === undefined
      ? filter!.value
      : { ...(filter === undefined ? {} : { filters: filter.value }), order_by: orderBy.value };
  io.stdout(`${values.pretty ? prettyJson(output) : JSON.stringify(output)}\n`);
  return EXIT.ok;
}
