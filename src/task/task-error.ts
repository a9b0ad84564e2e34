import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import { formatDiagnostics, type FormatOptions } from "../diagnostics/format.js";

/**
 * The diagnostics of one field of a task. For `where`, `backlinksWhere`, `orderBy` (and the other
 * filter fields) they are the compiler's, with spans into `source`; for any other parameter they
 * are `invalid_parameter` diagnostics with the parameter's JSON `path`, and `source` is "".
 */
export interface TaskProblem {
  /** The task field as written: `where`, `backlinksWhere`, `orderBy`, `filters`, or a parameter such as `limit`. */
  readonly field: string;
  /** The text the spans point into: the expression, or a ready array printed as dfsq text. */
  readonly source: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A task that failed the local checks, so nothing was sent. A `DfsqError` whose `diagnostics`
 * hold every problem of every field; `problems` groups them by field (each with the source its
 * spans refer to), and `field` names the field of the first error. The message says which field:
 * `where: … (unknown_field at 1:1)`, or `` `limit` is 5000; … (invalid_parameter)``.
 */
export class TaskError extends DfsqError {
  static {
    Object.defineProperty(this, "name", { value: "TaskError" });
  }
  override readonly name: string = "TaskError";
  readonly endpoint: string;
  readonly field: string;
  readonly problems: readonly TaskProblem[];

  constructor(endpoint: string, problems: readonly TaskProblem[]) {
    const first = problems.find((p) => p.diagnostics.some((d) => d.severity === "error")) ?? problems[0];
    const diagnostic = first?.diagnostics.find((d) => d.severity === "error") ?? first?.diagnostics[0];
    const summary =
      diagnostic === undefined
        ? "invalid task"
        : `${diagnostic.message} (${diagnostic.code}${diagnostic.option === undefined ? ` at ${diagnostic.line}:${diagnostic.column}` : ""})`;
    // invalid_parameter messages name their parameter; the compiler's do not say which field they are about.
    const prefix = diagnostic?.code === "invalid_parameter" ? "" : `${first?.field ?? "task"}: `;
    super(
      problems.flatMap((p) => p.diagnostics),
      `${prefix}${summary}`,
    );
    this.endpoint = endpoint;
    this.field = first?.field ?? "task";
    this.problems = problems;
  }
}

/** Renders problems field by field, each under its name with its source line and caret (as `dfsq compile` does). */
export function formatTaskProblems(problems: readonly TaskProblem[], options: FormatOptions = {}): string {
  return problems.map((p) => `${p.field}:\n${formatDiagnostics(p.source, p.diagnostics, options)}`).join("\n");
}
