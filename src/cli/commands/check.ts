import { existsSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { ENDPOINTS } from "../../catalog/endpoints.js";
import { findEndpoint, normalizeEndpointId } from "../../catalog/resolve.js";
import { suggest } from "../../catalog/suggest.js";
import { formatDiagnostics } from "../../diagnostics/format.js";
import { HELP_OPTION, optionsHelp, parseCommandLine } from "../args.js";
import { NOW_OPTION, nowOption } from "../catalog-options.js";
import { checkFile, type FileJob, type FileOutcome, type RunOptions } from "../check/check-file.js";
import { collectFiles } from "../check/collect.js";
import { findConfigFile, NO_CONFIG, readConfig, type CheckConfig } from "../check/config.js";
import { CONFIG_FILE_NAME } from "../check/config-schema.js";
import { githubReport } from "../check/formats/github.js";
import { jsonReport } from "../check/formats/json.js";
import { sarifReport } from "../check/formats/sarif.js";
import { textReport } from "../check/formats/text.js";
import type { LocatedDiagnostic } from "../check/located.js";
import { checkInThreads, threadsFor } from "../check/parallel.js";
import type { CheckResults, FileResult } from "../check/results.js";
import { unreachable } from "../../syntax/ast.js";
import { EXIT, UsageError, useColor, type CliIo } from "../io.js";

const FORMATS = ["text", "json", "github", "sarif"] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  endpoint: {
    type: "string",
    short: "e",
    value: "<id>",
    help: "the endpoint of the tasks and filters that name none and that the\nconfig does not map (dfsq endpoints lists them)",
  },
  config: {
    type: "string",
    short: "c",
    value: "<file>",
    help: `the config (default: ${CONFIG_FILE_NAME} in the current directory or\nthe nearest one above it)`,
  },
  format: { type: "string", short: "f", value: "<format>", help: "text (default), json, github (workflow annotations) or sarif" },
  "max-warnings": { type: "string", value: "<n>", help: "exit 1 when there are more than n warnings (0: any warning fails)" },
  now: NOW_OPTION,
  jobs: {
    type: "string",
    short: "j",
    value: "<n>",
    help: "check in n worker threads (default 1: in this thread); pays only where\nthat many cores are idle",
  },
  "skip-other-json": {
    type: "boolean",
    help: "skip named JSON files that hold no task or filter, as a walk does\n(for pre-commit, which names every staged file)",
  },
  help: HELP_OPTION,
} as const;

export const CHECK_HELP = `Usage: dfsq check [paths…] [options]

Checks every saved task and filter under the paths (files, directories, globs; default: the
current directory), honouring .gitignore, in one process:
  .json    a task, an array of tasks, a post_data dict {"0": {…}}, a saved request
           {"endpoint": "…", "tasks": […]}, or any JSON with "filters"/"order_by" keys
           (a directory's other JSON files are skipped)
  .jsonl   one task or request per line
  .dfsq    one filter expression, after a header such as "# endpoint: backlinks/backlinks"
A task's endpoint comes from the file (an "endpoint"/"path" key, the header), then from the
config's "endpoints" globs, then from --endpoint. Diagnostics point at file:line:column.

Options:
${optionsHelp(OPTIONS)}

Exit status: 0 no errors (and no more warnings than --max-warnings), 1 errors or too many
warnings, 2 the command line or the config is wrong.`;

/** A file's path as reports show it: relative to the working directory, with `/`. */
const shown = (cwd: string, path: string) => relative(cwd, path).split(sep).join("/") || ".";

function parseFormat(text: string | undefined): Format {
  if (text === undefined) return "text";
  if ((FORMATS as readonly string[]).includes(text)) return text as Format;
  const close = suggest(text, FORMATS, 1);
  throw new UsageError(`--format takes ${FORMATS.join(", ")}${close.length > 0 ? `; did you mean ${close[0]}?` : ""}`);
}

function parseJobs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`--jobs takes a number of threads (1 or more), got ${JSON.stringify(text)}`);
  return Number(text);
}

function parseMaxWarnings(text: string | undefined): number {
  if (text === undefined) return Infinity;
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings takes a whole number of warnings, got ${JSON.stringify(text)}`);
  return Number(text);
}

function endpointOption(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const spec = findEndpoint(text);
  if (spec !== undefined) return spec.id;
  const close = suggest(normalizeEndpointId(text), ENDPOINTS.keys());
  throw new UsageError(`--endpoint: unknown endpoint ${JSON.stringify(text)}${close.length > 0 ? `; did you mean ${close.join(", ")}?` : "; dfsq endpoints lists them"}`);
}

/** The config named by --config, or found from the working directory up; undefined when broken
 * (its diagnostics are then printed). */
function loadConfig(io: CliIo, cwd: string, named: string | undefined): CheckConfig | undefined {
  const file = named === undefined ? findConfigFile(cwd) : resolve(cwd, named);
  if (file === undefined) return NO_CONFIG;
  let result;
  try {
    result = readConfig(file);
  } catch (e) {
    throw new UsageError(`cannot read the config ${named ?? shown(cwd, file)}: ${(e as Error).message}`);
  }
  if (result.ok) return result.config;
  io.stderr(formatDiagnostics(result.source, result.diagnostics, { color: useColor(io), file: shown(cwd, file) }));
  return undefined;
}

/** The config's `rules`: codes turned off dropped, the others given the severity asked for. */
function applyRules(diagnostics: readonly LocatedDiagnostic[], rules: CheckConfig["rules"]): LocatedDiagnostic[] {
  const out: LocatedDiagnostic[] = [];
  for (const d of diagnostics) {
    const level = rules[d.code];
    if (level === "off") continue;
    out.push(level === undefined ? d : { ...d, severity: level === "warn" ? "warning" : "error" });
  }
  return out.toSorted((a, b) => a.span.start - b.span.start);
}

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.stdout(`${CHECK_HELP}\n`);
    return EXIT.ok;
  }
  const format = parseFormat(values.format);
  const maxWarnings = parseMaxWarnings(values["max-warnings"]);
  const jobsAsked = parseJobs(values.jobs);
  const endpoint = endpointOption(values.endpoint);
  const cwd = io.cwd ?? process.cwd();
  const config = loadConfig(io, cwd, values.config);
  if (config === undefined) return EXIT.usage;
  const run: RunOptions = { limits: config.limits, now: nowOption(values.now).now ?? config.now };

  const jobs: FileJob[] = collectFiles(positionals, cwd)
    .filter((target) => !config.ignores(target.path))
    .map((target) => ({
      path: target.path,
      explicit: target.explicit && values["skip-other-json"] !== true,
      endpoint: config.endpointFor(target.path) ?? endpoint,
    }));
  // Threads need the worker script, which only the built CLI has.
  const threads = io.checkWorker === undefined || !existsSync(io.checkWorker) ? 1 : threadsFor(jobs, jobsAsked);
  const outcomes: FileOutcome[] = threads > 1 ? await checkInThreads(jobs, run, io.checkWorker!, threads) : jobs.map((job) => checkFile(job, run));

  const files: FileResult[] = [];
  let filesChecked = 0;
  let items = 0;
  let errors = 0;
  let warnings = 0;
  for (const [i, { source, report }] of outcomes.entries()) {
    if (report.items === 0) continue;
    filesChecked++;
    items += report.items;
    const diagnostics = applyRules(report.diagnostics, config.rules);
    if (diagnostics.length === 0) continue;
    for (const d of diagnostics) {
      if (d.severity === "error") errors++;
      else warnings++;
    }
    files.push({ file: shown(cwd, jobs[i]!.path), source, diagnostics });
  }

  const results: CheckResults = { files, filesChecked, items, errors, warnings, cwd };
  io.stdout(formatReport(results, format, useColor(io, "stdout")));
  if (errors > 0) return EXIT.compileError;
  if (warnings > maxWarnings) {
    io.stderr(`dfsq check: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT.compileError;
  }
  return EXIT.ok;
}

function formatReport(results: CheckResults, format: Format, color: boolean): string {
  switch (format) {
    case "text":
      return textReport(results, color);
    case "json":
      return jsonReport(results);
    case "github":
      return githubReport(results);
    case "sarif":
      return sarifReport(results);
    default:
      return unreachable(format);
  }
}
