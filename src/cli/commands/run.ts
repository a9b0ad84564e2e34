import { createClient, type DataForSeoClient, type RetryNotice } from "../../client/client.js";
import { ClientError } from "../../client/errors.js";
import { prepareLiveRequest, type PreparedRequest } from "../../client/prepare-request.js";
import { formatTaskProblems, TaskError, type TaskProblem } from "../../task/task-error.js";
import { DfsqError } from "../../diagnostics/error.js";
import { formatDiagnostics, formatPath } from "../../diagnostics/format.js";
import { HELP_OPTION, optionsHelp, parseCommandLine, type OptionSpecs } from "../args.js";
import { CATALOG_OPTIONS, catalogOptions, NOW_OPTION, nowOption } from "../catalog-options.js";
import { EXIT, UsageError, useColor, type CliIo } from "../io.js";
import { prettyJson } from "../pretty-json.js";
import { readArgument } from "../read-argument.js";
import { exitStatusOf } from "../report.js";
import { cliProblems, TASK_FLAGS, taskExitStatus } from "../task-flags.js";

/** The options of every command that calls DataForSEO. */
export const CLIENT_OPTIONS = {
  sandbox: { type: "boolean", help: "use https://sandbox.dataforseo.com (free, sample data)" },
  "base-url": { type: "string", value: "<url>", help: "another base URL (env DFSQ_BASE_URL); plain http only to loopback" },
  timeout: { type: "string", value: "<ms>", help: "deadline of one call (default 120000)" },
  "no-retry": {
    type: "boolean",
    help: "never retry; by default network failures before an answer, HTTP\n429 and 500, 40202 and retryable 5xxxx codes are retried up to 3\ntimes; a POST that timed out or was cut off is not (it may have run).",
  },
} as const satisfies OptionSpecs;

const OPTIONS = {
  target: { type: "string", value: "<t>", help: "the target: a domain without scheme or www. (example.com),\nor an absolute URL (https://example.com/page)" },
  where: { type: "string", value: "<expr>", help: 'the "filters" expression, checked with the endpoint\'s catalog' },
  "backlinks-where": { type: "string", value: "<expr>", help: 'the "backlinks_filters" expression' },
  "order-by": { type: "string", value: "<expr>", help: 'the "order_by" expression ("rank desc, backlinks")' },
  limit: { type: "string", value: "<n>", help: "results per call" },
  param: {
    type: "string",
    multiple: true,
    value: "<k=v>",
    help: "any other task parameter, repeatable; v is read as JSON when it\nparses (10, true, {\"1\":\"a.com\"}), else as a string; --param 'tag=\"7\"'",
  },
  catalog: CATALOG_OPTIONS.catalog,
  now: NOW_OPTION,
  "dry-run": {
    type: "boolean",
    help: "send nothing: print the JSON body on standard output and the\nmethod and URL on standard error (needs no credentials)",
  },
  ...CLIENT_OPTIONS,
  envelope: { type: "boolean", help: "print the whole response envelope, not only the result" },
  pretty: { type: "boolean", help: "indent the JSON" },
  help: HELP_OPTION,
} as const;

export const RUN_HELP = `Usage: dfsq run <endpoint> --target <t> [options]

Compiles and checks a whole task locally, then posts it to DataForSEO and prints the
task's result as JSON. A task that fails the checks is never sent.

  dfsq run backlinks/referring_domains --target dataforseo.com \\
      --where 'backlinks > 100' --order-by 'rank desc' --limit 5

Options:
${optionsHelp(OPTIONS)}

Credentials come from DATAFORSEO_LOGIN and DATAFORSEO_PASSWORD (the API login and
password of https://app.dataforseo.com/api-access).
Exit status: 0 ok, 1 the task or the API failed (the API's code and message are
printed), 2 the command line is wrong (an unknown endpoint or parameter, an unusable
catalog, an unreadable --now, missing credentials).`;

/** `k=v` → [k, v], with v read as JSON when it parses and as a string otherwise. */
export function parseParam(text: string): [string, unknown] {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UsageError(`--param takes key=value, got ${JSON.stringify(text)}`);
  const raw = text.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: the text itself.
  }
  return [text.slice(0, eq), value];
}

function positiveInteger(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0 || !/^\d+$/.test(text.trim())) throw new UsageError(`${option} takes a positive whole number, got ${JSON.stringify(text)}`);
  return n;
}

/** `--base-url`, else DFSQ_BASE_URL, and `--sandbox`, as base URL options. */
export function baseUrlOptions(values: { "base-url"?: string | undefined; sandbox?: boolean | undefined }, io: CliIo) {
  const baseUrl = values["base-url"] ?? (io.env.DFSQ_BASE_URL === "" ? undefined : io.env.DFSQ_BASE_URL);
  if (values.sandbox === true && baseUrl !== undefined) throw new UsageError("give either --sandbox or --base-url (or DFSQ_BASE_URL), not both");
  return { ...(baseUrl === undefined ? {} : { baseUrl }), ...(values.sandbox === true ? { sandbox: true } : {}) };
}

export interface ClientFlags {
  readonly "base-url"?: string | undefined;
  readonly sandbox?: boolean | undefined;
  readonly timeout?: string | undefined;
  readonly "no-retry"?: boolean | undefined;
}

const WAIT_WORDS: Record<RetryNotice["wait"], string> = {
  "retry-after": "as the server asked",
  "rate-limit": "for the API's per-minute rate limit",
  backoff: "back-off",
};

/** One stderr line per retry: `dfsq run: call 1 of 4 failed: HTTP 500 …; retrying in 1.2 s (back-off)`. */
export function retryNoticeLine(command: string | undefined, n: RetryNotice): string {
  const wait = n.delayMs < 1000 ? `${n.delayMs} ms` : `${Number((n.delayMs / 1000).toFixed(1))} s`;
  return `dfsq${command === undefined ? "" : ` ${command}`}: call ${n.attempt} of ${n.maxAttempts} failed: ${n.error.message}; retrying in ${wait} (${WAIT_WORDS[n.wait]})\n`;
}

/**
 * A client from the environment's credentials and the command line; UsageError when they are
 * missing or refused. Each retry is told on stderr (prefixed with `command` when given).
 */
export function clientFromCli(values: ClientFlags, io: CliIo, command?: string): DataForSeoClient {
  const login = io.env.DATAFORSEO_LOGIN;
  const password = io.env.DATAFORSEO_PASSWORD;
  if (login === undefined || login === "" || password === undefined || password === "") {
    throw new UsageError("set DATAFORSEO_LOGIN and DATAFORSEO_PASSWORD to the API login and password of https://app.dataforseo.com/api-access");
  }
  const timeoutMs = positiveInteger("--timeout", values.timeout);
  try {
    return createClient({
      login,
      password,
      ...baseUrlOptions(values, io),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(values["no-retry"] === true ? { retry: false } : {}),
      onRetry: (notice) => io.stderr(retryNoticeLine(command, notice)),
    });
  } catch (e) {
    if (e instanceof TypeError || e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
}

/** Prints a failed call's error (the API's code and message) and returns exit status 1. */
export function reportClientError(command: string, e: ClientError, io: CliIo): number {
  const calls = e.attempts > 1 ? ` (after ${e.attempts} calls)` : "";
  io.stderr(`dfsq ${command}: ${e.message}${calls}\n`);
  return EXIT.compileError;
}

function printWarnings(warnings: readonly TaskProblem[], io: CliIo): void {
  if (warnings.length > 0) io.stderr(formatTaskProblems(warnings, { color: useColor(io) }));
}

export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout(`${RUN_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("run takes one endpoint, e.g. backlinks/referring_domains");
  const endpoint = positionals[0]!;

  const task: Record<string, unknown> = {};
  for (const text of values.param ?? []) {
    const [key, value] = parseParam(text);
    if (key in task) throw new UsageError(`--param ${key} is given twice`);
    task[key] = value;
  }
  const fromStdin = [values.where, values["backlinks-where"], values["order-by"]].filter((v) => v === "-").length;
  if (fromStdin > 1) throw new UsageError("only one of --where, --backlinks-where and --order-by can read standard input");
  const params = new Set(Object.keys(task));
  const flagValues: Record<string, unknown> = {
    "--target": values.target,
    "--where": values.where === undefined ? undefined : await readArgument(values.where, io),
    "--backlinks-where": values["backlinks-where"] === undefined ? undefined : await readArgument(values["backlinks-where"], io),
    "--order-by": values["order-by"] === undefined ? undefined : await readArgument(values["order-by"], io),
    "--limit": positiveInteger("--limit", values.limit),
  };
  for (const { flag, key, wire } of TASK_FLAGS) {
    const value = flagValues[flag];
    if (value === undefined) continue;
    const same = [key, wire].find((name) => name in task);
    if (same !== undefined) throw new UsageError(`${flag} and --param ${same} are the same parameter; give one`);
    task[key] = value;
  }
  const { catalog } = catalogOptions(values.catalog === undefined ? {} : { catalog: values.catalog });
  const prepareOptions = { ...(catalog === undefined ? {} : { catalog }), ...nowOption(values.now) };
  const indent = values.pretty ? 2 : undefined;

  try {
    if (values["dry-run"]) {
      let request: PreparedRequest;
      try {
        request = prepareLiveRequest(endpoint, task, { ...prepareOptions, ...baseUrlOptions(values, io) });
      } catch (e) {
        if (e instanceof TypeError) throw new UsageError(e.message);
        throw e;
      }
      printWarnings(cliProblems(request.warnings, endpoint, params), io);
      // Only JSON on stdout, so that a dry run pipes into jq or curl.
      io.stderr(`${request.method} ${request.url}\n`);
      io.stdout(`${prettyJson(request.body)}\n`);
      return EXIT.ok;
    }
    const client = clientFromCli(values, io, "run");
    const r = await client.live(endpoint, task as never, prepareOptions);
    printWarnings(cliProblems(r.warnings, endpoint, params), io);
    // Items that did not fit their schema were kept as received: say where.
    for (const w of r.responseWarnings) io.stderr(`dfsq run: warning[${w.code}] at ${formatPath(w.path)}: ${w.message}\n`);
    io.stdout(`${JSON.stringify(values.envelope ? r.envelope : r.task.result, null, indent)}\n`);
    const total = r.result?.total_count;
    const counts = typeof total === "number" ? `, ${r.items.length} of ${total} items` : "";
    io.stderr(`dfsq run: ${r.task.status_code} ${r.task.status_message} cost ${r.envelope.cost} USD${counts}\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof TaskError) {
      io.stderr(formatTaskProblems(cliProblems(e.problems, endpoint, params), { color: useColor(io) }));
      return taskExitStatus(e.problems, e.endpoint);
    }
    if (e instanceof DfsqError) {
      // An unknown endpoint: the one DfsqError that is not a TaskError, and a usage error.
      const problems = cliProblems([{ field: "endpoint", source: "", diagnostics: e.diagnostics }], endpoint, params);
      io.stderr(formatDiagnostics("", problems[0]!.diagnostics, { color: useColor(io) }));
      return exitStatusOf(e.diagnostics);
    }
    if (e instanceof ClientError) return reportClientError("run", e, io);
    throw e;
  }
}
