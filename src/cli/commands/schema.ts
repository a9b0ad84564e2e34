import { DfsqError } from "../../diagnostics/error.js";
import { filterJsonSchema, orderByJsonSchema } from "../../schema/json-schema.js";
import { HELP_OPTION, optionsHelp, parseCommandLine } from "../args.js";
import { CATALOG_OPTIONS, catalogOptions } from "../catalog-options.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { reportDiagnostics } from "../report.js";

const OPTIONS = {
  ...CATALOG_OPTIONS,
  "order-by": { type: "boolean", help: "the schema of an order_by value instead of a filters value" },
  help: HELP_OPTION,
} as const;

export const SCHEMA_HELP = `Usage: dfsq schema [--endpoint <id>] [--param <p>] [--catalog <file>] [--order-by]

Prints a JSON Schema (draft 2020-12) of a "filters" value, or with --order-by of an "order_by"
value, generated from the schemas dfsq validates with. Without an endpoint it is the general
schema the package ships as dfsq/schema/filters.json (dfsq/schema/order-by.json). With one, the
endpoint's field names are an enum (paths with placeholders such as referring_links_tld.$tld a
pattern), and each field type takes its operators and values. docs/schema.md says what a JSON
Schema cannot check that dfsq does.

  dfsq schema > filters.schema.json
  dfsq schema --endpoint backlinks/referring_domains
  dfsq schema --endpoint dataforseo_labs/google/ranked_keywords --order-by

Options:
${optionsHelp(OPTIONS)}

Exit status: 0 ok, 2 the command line is wrong (an unknown endpoint, parameter or catalog).`;

export async function schemaCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout(`${SCHEMA_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError("schema takes no arguments; name the endpoint with --endpoint");
  const options = catalogOptions(values);
  if (values["order-by"] === true && options.param !== undefined) throw new UsageError("--param names a filter parameter; order_by has none");
  try {
    const schema = values["order-by"] === true ? orderByJsonSchema(options) : filterJsonSchema(options);
    io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
    return EXIT.ok;
  } catch (e) {
    // An unknown endpoint, a parameter it does not take, an unusable catalog: all about the options.
    if (e instanceof DfsqError) return reportDiagnostics(io, "", e.diagnostics);
    throw e;
  }
}
