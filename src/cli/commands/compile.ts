import { parseArgs } from "node:util";
import { checkFilter, checkOrderBy, type CheckResult } from "../../compile.js";
import { formatDiagnostics } from "../../diagnostics/format.js";
import type { CompileOptions } from "../../options.js";
import { HELP } from "../help.js";
import { EXIT, UsageError, useColor, type CliIo } from "../io.js";
import { catalogOptions } from "../catalog-options.js";
import { readArgument } from "../read-argument.js";

export async function compileCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "order-by": { type: "string" },
      flat: { type: "boolean" },
      pretty: { type: "boolean" },
      optimize: { type: "boolean" },
      now: { type: "string" },
      endpoint: { type: "string", short: "e" },
      param: { type: "string" },
      catalog: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(`${HELP.compile}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("compile takes one expression (use - to read standard input)");
  const source = await readArgument(positionals[0]!, io);
  const options: CompileOptions = {
    chains: values.flat ? "flat" : "binary",
    optimize: values.optimize === true,
    ...(values.now === undefined ? {} : { now: values.now }),
    ...catalogOptions(values),
  };
  const orderBySource = values["order-by"];
  const color = useColor(io);
  let failed = false;
  const report = (label: string, text: string, r: CheckResult<unknown>) => {
    if (r.diagnostics.length > 0) {
      io.stderr(`${label}${formatDiagnostics(text, r.diagnostics, { color })}`);
    }
    if (!r.ok) failed = true;
  };

  const onlyOrderBy = orderBySource !== undefined && source.trim() === "";
  const filter = onlyOrderBy ? undefined : checkFilter(source, options);
  if (filter !== undefined) report(orderBySource === undefined ? "" : "filters:\n", source, filter);
  const orderBy = orderBySource === undefined ? undefined : checkOrderBy(orderBySource, options);
  if (orderBy !== undefined) report("order_by:\n", orderBySource!, orderBy);
  if (failed) return EXIT.compileError;

  const output =
    orderBy === undefined
      ? filter!.value
      : { ...(filter === undefined ? {} : { filters: filter.value }), order_by: orderBy.value };
  io.stdout(`${JSON.stringify(output, null, values.pretty ? 2 : undefined)}\n`);
  return EXIT.ok;
}
