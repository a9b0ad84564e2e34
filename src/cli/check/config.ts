import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import picomatch from "picomatch";
import type { z } from "zod";
import { ENDPOINTS } from "../../catalog/endpoints.js";
import { findEndpoint, normalizeEndpointId } from "../../catalog/resolve.js";
import { suggest } from "../../catalog/suggest.js";
import { DIAGNOSTIC_CODES, type DiagnosticCode } from "../../diagnostics/codes.js";
import { makeDiagnostic, type Diagnostic, type JsonPath } from "../../diagnostics/diagnostic.js";
import * as messages from "../../diagnostics/messages.js";
import type { TaskLimits } from "../../task/check-task.js";
import { toEpochMs } from "../../values/time.js";
import { CONFIG_FILE_NAME, ConfigSchema, LimitsSchema, type Config, type RuleLevel } from "./config-schema.js";
import { JsonLocator, jsonSyntaxError } from "./json-locate.js";
import { LineIndex } from "./lines.js";
import { locate, type LocatedDiagnostic } from "./located.js";

/** What `dfsq check` takes from dfsq.config.json, ready to use. */
export interface CheckConfig {
  /** The file read, if any. */
  readonly file: string | undefined;
  /** The endpoint id the config maps an (absolute) file path to. */
  readonly endpointFor: (path: string) => string | undefined;
  /** Whether the config's `ignore` globs cover an (absolute) file path. */
  readonly ignores: (path: string) => boolean;
  readonly rules: Readonly<Partial<Record<DiagnosticCode, RuleLevel>>>;
  readonly limits: TaskLimits;
  readonly now: string | undefined;
}

export const NO_CONFIG: CheckConfig = {
  file: undefined,
  endpointFor: () => undefined,
  ignores: () => false,
  rules: {},
  limits: {},
  now: undefined,
};

/** dfsq.config.json in `dir` or the nearest directory above it. */
export function findConfigFile(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const file = join(at, CONFIG_FILE_NAME);
    if (existsSync(file)) return file;
    if (dirname(at) === at) return undefined;
  }
}

export type ConfigResult =
  | { readonly ok: true; readonly config: CheckConfig }
  | { readonly ok: false; readonly source: string; readonly diagnostics: readonly LocatedDiagnostic[] };

const ZERO = { start: 0, end: 0 } as const;

/** A path as the config's globs see it: relative to the config's directory, with `/`. */
const relativeTo = (dir: string, path: string) => relative(dir, path).split(sep).join("/");

/**
 * Reads and checks a config file. Every problem is a diagnostic placed in the file (an unknown key
 * with "did you mean", an unknown endpoint or diagnostic code, a bad limit); the CLI exits 2 on
 * any. Throws only when the file cannot be read (the caller's usage error).
 */
export function readConfig(file: string): ConfigResult {
  const source = readFileSync(file, "utf8");
  const lines = new LineIndex(source);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    const error = jsonSyntaxError(source);
    const span = error?.span ?? ZERO;
    const diagnostic = makeDiagnostic("", "invalid_json", span, messages.invalidJson(error?.reason ?? ""));
    return { ok: false, source, diagnostics: [locate(diagnostic, span, lines)] };
  }
  const locator = new JsonLocator(source);
  const at = (d: Diagnostic) => locate(d, locator.spanOf(d.path ?? []), lines);
  const parsed = ConfigSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return { ok: false, source, diagnostics: parsed.error.issues.flatMap(issueDiagnostics).map(at) };
  const config = parsed.data;
  const problems = [...endpointProblems(config), ...nowProblems(config)];
  if (problems.length > 0) return { ok: false, source, diagnostics: problems.map(at) };
  return { ok: true, config: ready(file, config) };
}

function ready(file: string, config: Config): CheckConfig {
  const dir = dirname(file);
  const mappings = Object.entries(config.endpoints ?? {}).map(([glob, endpoint]) => ({
    matches: picomatch(glob, { dot: true }),
    id: findEndpoint(endpoint)!.id,
  }));
  const ignored = (config.ignore ?? []).length === 0 ? undefined : picomatch(config.ignore!, { dot: true });
  return {
    file,
    endpointFor: (path) => {
      const rel = relativeTo(dir, path);
      return mappings.find((m) => m.matches(rel))?.id;
    },
    ignores: (path) => ignored !== undefined && ignored(relativeTo(dir, path)),
    rules: (config.rules ?? {}) as Partial<Record<DiagnosticCode, RuleLevel>>,
    limits: config.limits ?? {},
    now: config.now,
  };
}

const configDiagnostic = (path: JsonPath, message: string, close: readonly string[] = [], code: DiagnosticCode = "invalid_config") =>
  makeDiagnostic("", code, ZERO, message, {
    path,
    ...(close.length > 0 ? { hint: messages.didYouMean(close), suggestions: close } : {}),
  });

/** The keys a config object at `path` takes, for "did you mean". */
function keysAt(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return Object.keys(ConfigSchema.shape);
  if (path[0] === "limits") return Object.keys(LimitsSchema.shape);
  if (path[0] === "rules") return DIAGNOSTIC_CODES;
  return [];
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join(".");

function issueDiagnostics(issue: z.core.$ZodIssue): Diagnostic[] {
  const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
  const where = dotted(path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        const known = keysAt(issue.path);
        const message = path[0] === "rules" ? messages.configUnknownCode(key) : messages.configUnknownKey(key, where);
        return configDiagnostic([...path, key], message, suggest(key, known));
      });
    case "invalid_type":
      return [configDiagnostic(path, messages.configWrongType(where, issue.expected, issue.input))];
    case "invalid_value":
      return [configDiagnostic(path, messages.configNotOneOf(where, issue.values, issue.input))];
    case "too_small":
      return [configDiagnostic(path, messages.configTooSmall(where, issue.minimum, issue.inclusive !== false))];
    default:
      return [configDiagnostic(path, messages.configOther(where, issue.message))];
  }
}

function endpointProblems(config: Config): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [glob, endpoint] of Object.entries(config.endpoints ?? {})) {
    if (findEndpoint(endpoint) !== undefined) continue;
    const close = suggest(normalizeEndpointId(endpoint), ENDPOINTS.keys());
    problems.push(
      makeDiagnostic("", "unknown_endpoint", ZERO, messages.unknownEndpoint(endpoint), {
        data: { endpoint },
        path: ["endpoints", glob],
        ...(close.length > 0 ? { hint: messages.didYouMean(close), suggestions: close } : {}),
      }),
    );
  }
  return problems;
}

function nowProblems(config: Config): Diagnostic[] {
  return config.now === undefined || !Number.isNaN(toEpochMs(config.now)) ? [] : [configDiagnostic(["now"], messages.configBadNow(config.now))];
}
