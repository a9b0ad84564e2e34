import { parseArgs } from "node:util";
import { fieldsOf, listEndpoints } from "../../catalog/api.js";
import { FILTER_PARAMS, type FilterParam } from "../../catalog/endpoints.js";
import { normalizeEndpointId } from "../../catalog/resolve.js";
import { suggest } from "../../catalog/suggest.js";
import { HELP } from "../help.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { table } from "../table.js";

export async function fieldsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { param: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout(`${HELP.fields}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("fields takes one endpoint id, e.g. backlinks/referring_domains");
  const id = positionals[0]!;
  const param = (values.param ?? "filters") as FilterParam;
  if (!FILTER_PARAMS.includes(param)) throw new UsageError(`--param must be one of ${FILTER_PARAMS.join(", ")}`);
  const fields = fieldsOf(id, param);
  if (fields === undefined) {
    const known = listEndpoints().find((e) => e.id === normalizeEndpointId(id));
    if (known !== undefined) {
      io.stderr(`dfsq: ${known.id} takes no ${param}; it takes ${known.params.join(", ")}\n`);
    } else {
      const close = suggest(normalizeEndpointId(id), listEndpoints().map((e) => e.id));
      io.stderr(`dfsq: unknown endpoint "${id}"${close.length > 0 ? `; did you mean ${close.join(", ")}?` : ""}\n`);
    }
    return EXIT.compileError;
  }
  if (values.json) {
    io.stdout(`${JSON.stringify(fields, null, 2)}\n`);
    return EXIT.ok;
  }
  if (fields.length === 0) {
    io.stdout(`no catalog of the fields of ${normalizeEndpointId(id)} ${param} is known\n`);
    return EXIT.ok;
  }
  io.stdout(
    table(
      ["path", "type", "operators", "sortable", "documented"],
      fields.map((f) => [f.path, f.type, f.operators.join(" "), f.sortable ? "yes" : "no", f.documented ? "yes" : "no"]),
    ),
  );
  return EXIT.ok;
}

export async function endpointsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout(`${HELP.endpoints}\n`);
    return EXIT.ok;
  }
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
