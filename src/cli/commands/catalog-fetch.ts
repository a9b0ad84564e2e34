import { writeFileSync } from "node:fs";
import { suggest } from "../../catalog/suggest.js";
import { ClientError } from "../../client/errors.js";
import { HELP_OPTION, optionsHelp, parseCommandLine } from "../args.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { CLIENT_OPTIONS, clientFromCli, reportClientError } from "./run.js";

/** The APIs with a `GET /v3/<api>/available_filters` endpoint. */
export const CATALOG_APIS = [
  "backlinks",
  "dataforseo_labs",
  "on_page",
  "content_analysis",
  "business_data/business_listings",
  "domain_analytics/whois",
  "domain_analytics/technologies",
  "ai_optimization/llm_mentions",
] as const;

const OPTIONS = {
  out: {
    type: "string",
    value: "<file>",
    help: "where to save the response (default <api>.available_filters.json, with\n/ in the api name written as .); - for standard output",
  },
  ...CLIENT_OPTIONS,
  help: HELP_OPTION,
} as const;

export const CATALOG_HELP = `Usage: dfsq catalog fetch <api> [--out <file>] [options]

Saves the live list of filterable fields of an API (GET /v3/<api>/available_filters,
free of charge) for --catalog, which then replaces the built-in catalog:

  dfsq catalog fetch backlinks
  dfsq compile 'rank > 10' -e backlinks/referring_domains --catalog backlinks.available_filters.json

APIs: ${CATALOG_APIS.join(", ")}

Options:
${optionsHelp(OPTIONS)}

Credentials come from DATAFORSEO_LOGIN and DATAFORSEO_PASSWORD.
Exit status: 0 ok, 1 the API failed, 2 the command line is wrong.`;

/** `dfsq catalog <sub-command>`: only `fetch` so far. */
export async function catalogCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout(`${CATALOG_HELP}\n`);
    return EXIT.ok;
  }
  const [sub, api, ...extra] = positionals;
  if (sub !== "fetch") {
    throw new UsageError(
      sub === undefined ? "catalog takes a sub-command: fetch <api>" : `unknown sub-command "${sub}"; ${suggest(sub, ["fetch"]).length > 0 ? "did you mean fetch?" : "catalog has: fetch"}`,
    );
  }
  if (api === undefined || extra.length > 0) throw new UsageError(`catalog fetch takes one api: ${CATALOG_APIS.join(", ")}`);
  const name = api.replace(/^\/?(v3\/)?/, "").replace(/\/(available_filters)?\/?$/, "");
  if (!(CATALOG_APIS as readonly string[]).includes(name)) {
    const close = suggest(name, CATALOG_APIS);
    throw new UsageError(`unknown api "${api}"${close.length > 0 ? `; did you mean ${close.join(", ")}?` : `; the apis are ${CATALOG_APIS.join(", ")}`}`);
  }
  const client = clientFromCli(values, io);
  const out = values.out ?? `${name.replaceAll("/", ".")}.available_filters.json`;

  let envelope;
  try {
    envelope = await client.get(`/v3/${name}/available_filters`);
  } catch (e) {
    if (e instanceof ClientError) return reportClientError("catalog fetch", e, io);
    throw e;
  }
  const catalog = envelope.tasks?.[0]?.result?.[0];
  if (typeof catalog !== "object" || catalog === null || Array.isArray(catalog)) {
    io.stderr(`dfsq catalog fetch: the answer holds no catalog (tasks[0].result[0] is not an object); nothing saved\n`);
    return EXIT.compileError;
  }
  const text = `${JSON.stringify(envelope, null, 2)}\n`;
  if (out === "-") {
    io.stdout(text);
  } else {
    try {
      writeFileSync(out, text);
    } catch (e) {
      io.stderr(`dfsq catalog fetch: cannot write ${out}: ${(e as Error).message}\n`);
      return EXIT.compileError;
    }
  }
  const keys = Object.keys(catalog);
  const where = out === "-" ? "standard output" : out;
  io.stderr(`dfsq catalog fetch: saved ${name} (version ${envelope.version}, ${keys.length} keys) to ${where}; use it with --catalog\n`);
  return EXIT.ok;
}
