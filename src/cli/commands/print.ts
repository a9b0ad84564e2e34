import { parseArgs } from "node:util";
import { DfsqError } from "../../diagnostics/error.js";
import { formatDiagnostics } from "../../diagnostics/format.js";
import { printFilter, printOrderBy } from "../../print/print-filter.js";
import { HELP } from "../help.js";
import { EXIT, UsageError, useColor, type CliIo } from "../io.js";
import { looksLikeOrderBy, parseJsonInput } from "../json-input.js";
import { readArgument } from "../read-argument.js";

export async function printCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "order-by": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(`${HELP.print}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("print takes one JSON value (use - to read standard input)");
  const text = await readArgument(positionals[0]!, io);
  const parsed = parseJsonInput(text, io);
  if (parsed === undefined) return EXIT.compileError;
  const { value } = parsed;
  const isOrderBy = values["order-by"] === true || looksLikeOrderBy(value);
  try {
    io.stdout(`${isOrderBy ? printOrderBy(value) : printFilter(value)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof DfsqError)) throw e;
    io.stderr(formatDiagnostics(text, e.diagnostics, { color: useColor(io) }));
    return EXIT.compileError;
  }
}
