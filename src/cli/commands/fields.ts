import { fieldsOf, listEndpoints, type FieldInfo } from "../../catalog/api.js";
import { FILTER_PARAMS, type EndpointSpec, type FieldType, type FilterParam } from "../../catalog/endpoints.js";
import { findEndpoint, normalizeEndpointId } from "../../catalog/resolve.js";
import { suggest } from "../../catalog/suggest.js";
import type { Operator } from "../../syntax/ast.js";
import { HELP_OPTION, optionsHelp, parseCommandLine } from "../args.js";
import { CATALOG_OPTIONS } from "../catalog-options.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { table } from "../table.js";

const FIELDS_OPTIONS = {
  param: CATALOG_OPTIONS.param,
  json: { type: "boolean", help: "print the list as JSON" },
  help: HELP_OPTION,
} as const;

export const FIELDS_HELP = `Usage: dfsq fields <endpoint> [--param <p>] [--json]

Lists the fields an endpoint's filter parameter takes: path, type, the operators its type
takes, whether it can be an order-by field, and whether DataForSEO's docs show it (the rest is
derived from response schemas). Placeholder segments such as $tld stand for any one segment.

An operator marked * is disputed: DataForSEO's pages disagree on it, so dfsq accepts it with a
warning; the list under the table says what each source says. The sortable column is shown
only for a parameter that order_by sorts by (filters, on an endpoint that takes order_by).

  dfsq fields backlinks/referring_domains
  dfsq fields backlinks/anchors --param backlinks_filters

Options:
${optionsHelp(FIELDS_OPTIONS)}`;

const ENDPOINTS_OPTIONS = {
  json: { type: "boolean", help: "print the list as JSON" },
  help: HELP_OPTION,
} as const;

export const ENDPOINTS_HELP = `Usage: dfsq endpoints [--json]

Lists the endpoints dfsq has field catalogs for, with the filter parameters each takes and
the provenance of its catalog (documented: DataForSEO's list; derived: may be incomplete).

Options:
${optionsHelp(ENDPOINTS_OPTIONS)}`;

/** The endpoint named on the command line; an unknown one is a usage error naming the closest. */
function endpointArgument(id: string): EndpointSpec {
  const spec = findEndpoint(id);
  if (spec !== undefined) return spec;
  const close = suggest(normalizeEndpointId(id), listEndpoints().map((e) => e.id));
  throw new UsageError(`unknown endpoint "${id}"; ${close.length > 0 ? `did you mean ${close.join(", ")}?` : "dfsq endpoints lists them"}`);
}

/** A field's operators that DataForSEO's pages disagree on or do not confirm, each with why. */
function disputes(field: FieldInfo): Map<Operator, string> {
  const found = new Map<Operator, string>();
  for (const op of field.operators) {
    const caveat = field.caveats[op];
    if (caveat !== undefined) found.set(op, caveat.reason);
  }
  return found;
}

/** Under the table: each disputed reading once, with the type and operators it is about. */
function disputeNotes(rows: readonly { field: FieldInfo; disputed: Map<Operator, string> }[]): string {
  const notes = new Map<string, { type: FieldType; ops: Set<Operator> }>();
  for (const { field, disputed } of rows) {
    for (const [op, reason] of disputed) {
      const key = `${field.type}\u0000${reason}`;
      const note = notes.get(key) ?? { type: field.type, ops: new Set() };
      note.ops.add(op);
      notes.set(key, note);
    }
  }
  if (notes.size === 0) return "";
  const lines = [...notes].map(([key, { type, ops }]) => `  ${type} ${[...ops].join(" ")}: ${key.slice(key.indexOf("\u0000") + 1)}`);
  return `\n* disputed (accepted with a warning):\n${lines.join("\n")}\n`;
}

export async function fieldsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, FIELDS_OPTIONS);
  if (values.help) {
    io.stdout(`${FIELDS_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("fields takes one endpoint id, e.g. backlinks/referring_domains");
  const spec = endpointArgument(positionals[0]!);
  const param = (values.param ?? "filters") as FilterParam;
  if (!FILTER_PARAMS.includes(param)) throw new UsageError(`--param must be one of ${FILTER_PARAMS.join(", ")}`);
  const fields = fieldsOf(spec.id, param);
  if (fields === undefined) throw new UsageError(`${spec.id} takes no ${param}; it takes ${Object.keys(spec.params).join(", ")}`);
  // order_by sorts the items that "filters" filters; the other parameters filter what feeds them.
  const sorts = spec.orderBy && param === "filters";
  const rows = fields.map((field) => ({ field, disputed: disputes(field) }));

  if (values.json) {
    const json = rows.map(({ field: { sortable, ...field }, disputed }) => ({
      ...field,
      disputed: [...disputed.keys()],
      ...(sorts ? { sortable } : {}),
    }));
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT.ok;
  }
  if (fields.length === 0) {
    io.stdout(`no catalog of the fields of ${spec.id} ${param} is known\n`);
    return EXIT.ok;
  }
  const header = ["path", "type", "operators", ...(sorts ? ["sortable"] : []), "documented"];
  const body = rows.map(({ field: f, disputed }) => [
    f.path,
    f.type,
    f.operators.map((op) => (disputed.has(op) ? `${op}*` : op)).join(" "),
    ...(sorts ? [f.sortable ? "yes" : "no"] : []),
    f.documented ? "yes" : "no",
  ]);
  io.stdout(table(header, body) + disputeNotes(rows));
  return EXIT.ok;
}

export async function endpointsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, ENDPOINTS_OPTIONS);
  if (values.help) {
    io.stdout(`${ENDPOINTS_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError("endpoints takes no arguments; dfsq fields <endpoint> lists one endpoint's fields");
  const endpoints = listEndpoints();
  if (values.json) {
    io.stdout(`${JSON.stringify(endpoints, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout(
    table(
      ["endpoint", "parameters", "order_by", "catalog"],
      endpoints.map((e) => [e.id, e.params.join(", "), e.orderBy ? "yes" : "no", `${e.provenance} ${e.catalogVersion}`]),
    ),
  );
  return EXIT.ok;
}
