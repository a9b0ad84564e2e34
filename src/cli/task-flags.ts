import * as hints from "../diagnostics/hints.js";
import { findEndpoint } from "../catalog/resolve.js";
import type { TaskProblem } from "../task/task-error.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import * as messages from "../diagnostics/messages.js";
import { EXIT } from "./io.js";

/*
 * `dfsq run` sets task fields with flags, while the client's diagnostics name the fields as the
 * library does (`where`, `backlinksWhere`, `orderBy`). These map them back to the flags.
 */

/** A flag of `dfsq run` that sets one task field: the field's name in dfsq/client and on the wire. */
export interface TaskFlag {
  readonly flag: string;
  readonly key: string;
  readonly wire: string;
}

export const TASK_FLAGS: readonly TaskFlag[] = [
  { flag: "--target", key: "target", wire: "target" },
  { flag: "--where", key: "where", wire: "filters" },
  { flag: "--backlinks-where", key: "backlinksWhere", wire: "backlinks_filters" },
  { flag: "--order-by", key: "orderBy", wire: "order_by" },
  { flag: "--limit", key: "limit", wire: "limit" },
];

/** The compiler's options, as the command line spells them. */
const OPTION_FLAGS: Readonly<Record<string, string>> = { catalog: "--catalog", now: "--now" };

/**
 * How the command line spells a task field or one of its parts, given the keys set with --param:
 * `--where` for `where`, `--param limit=…` for a parameter given with --param
 * (`custom_mode.value` → `--param custom_mode=…`).
 */
export function flagOf(field: string, params: ReadonlySet<string>): string {
  const key = field.split(".")[0]!;
  if (params.has(key)) return `--param ${key}=…`;
  // The client's name for a problem of the whole task (no one parameter is to blame).
  if (key === "task") return "the task";
  return TASK_FLAGS.find((f) => f.key === key)?.flag ?? OPTION_FLAGS[key] ?? `--param ${key}=…`;
}

/** The flags that set the filter parameters an endpoint takes, for "use --backlinks-where". */
function filterFlagsOf(endpoint: string): string[] {
  const spec = findEndpoint(endpoint);
  if (spec === undefined) return [];
  return Object.keys(spec.params).map((wire) => TASK_FLAGS.find((f) => f.wire === wire)?.flag ?? `--param ${wire}=[…]`);
}

/**
 * One diagnostic of a task as the command line says it: its option named as a flag, and none of
 * the advice that only fits the library (`client.post`, `{ where: … }`).
 */
function cliDiagnostic(d: Diagnostic, field: string, endpoint: string, params: ReadonlySet<string>): Diagnostic {
  if (d.code === "unknown_endpoint") return { ...d, message: messages.unknownEndpoint(endpoint) };
  if (d.option === undefined || d.option === "endpoint") return d;
  // The compiler's `param` option is, on this command line, the flag that gave the expression.
  if (d.option === "param") {
    const flags = filterFlagsOf(endpoint);
    return { ...d, option: flagOf(field, params), ...(d.hint === undefined && flags.length > 0 ? { hint: hints.useFlags(flags) } : {}) };
  }
  const dfsqField = TASK_FLAGS.find((f) => d.hint !== undefined && d.hint === hints.useDfsqField(f.key));
  return {
    ...d,
    option: flagOf(d.option, params),
    ...(dfsqField === undefined ? {} : { hint: hints.giveWithFlag(dfsqField.flag) }),
  };
}

/** The task's problems, each under the flag it came from, worded for the command line. */
export function cliProblems(problems: readonly TaskProblem[], endpoint: string, params: ReadonlySet<string>): TaskProblem[] {
  return problems.map((p) => ({
    field: flagOf(p.field, params),
    source: p.source,
    diagnostics: p.diagnostics.map((d) => cliDiagnostic(d, p.field, endpoint, params)),
  }));
}

/**
 * 2 when the task names what does not exist (an endpoint, a task parameter, a filter parameter
 * the endpoint does not take, a catalog it cannot use), 1 for other errors, 0 for none.
 */
export function taskExitStatus(problems: readonly TaskProblem[], endpointId: string): number {
  const errors = problems.flatMap((p) => p.diagnostics.filter((d) => d.severity === "error").map((d) => ({ field: p.field, d })));
  const usage = errors.some(
    ({ field, d }) =>
      d.option === "endpoint" ||
      d.option === "param" ||
      d.option === "catalog" ||
      d.code === "unsupported_parameter" ||
      // Nothing but its wording tells an unknown key from a bad value: both are invalid_parameter.
      d.message === messages.unknownParameter(field, endpointId),
  );
  if (usage) return EXIT.usage;
  return errors.length > 0 ? EXIT.compileError : EXIT.ok;
}
