import type { z } from "zod";
import { suggest } from "../catalog/suggest.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import * as messages from "../diagnostics/messages.js";
import { paramName } from "../diagnostics/wording.js";
import type { TaskProblem } from "./task-error.js";

const ZERO = { start: 0, end: 0 } as const;

/** One `invalid_parameter` diagnostic, located by JSON path and shown as `--> option <path>`. */
export function parameterDiagnostic(
  path: readonly PropertyKey[],
  message: string,
  extras: { hint?: string | undefined; suggestions?: readonly string[] } = {},
): Diagnostic {
  const jsonPath = path.map((p) => (typeof p === "number" ? p : String(p)));
  return makeDiagnostic("", "invalid_parameter", ZERO, message, {
    ...extras,
    path: jsonPath,
    option: jsonPath.length === 0 ? "task" : paramName(jsonPath),
  });
}

/** The value at `path` in `root`, for messages (zod reports it too, but not for every code). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Turns the zod issues of a task's parameters into problems, one per top-level parameter (an
 * unknown key is its own problem). `known` lists the names the endpoint takes, for "did you mean".
 */
export function parameterProblems(
  issues: readonly z.core.$ZodIssue[],
  task: Record<string, unknown>,
  endpoint: string,
  known: readonly string[],
): TaskProblem[] {
  const byField = new Map<string, Diagnostic[]>();
  const add = (field: string, diagnostic: Diagnostic) => {
    const list = byField.get(field) ?? [];
    list.push(diagnostic);
    byField.set(field, list);
  };
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const close = suggest(key, known);
        add(
          key,
          parameterDiagnostic([...issue.path, key], messages.unknownParameter(key, endpoint), {
            hint: close.length > 0 ? messages.didYouMean(close) : undefined,
            suggestions: close,
          }),
        );
      }
      continue;
    }
    const field = issue.path.length === 0 ? "task" : String(issue.path[0]);
    add(field, diagnosticOf(issue, task));
  }
  return [...byField].map(([field, diagnostics]) => ({ field, source: "", diagnostics }));
}

function diagnosticOf(issue: z.core.$ZodIssue, task: Record<string, unknown>): Diagnostic {
  const name = paramName(issue.path);
  const found = "input" in issue ? issue.input : valueAt(task, issue.path);
  switch (issue.code) {
    case "invalid_type":
      return parameterDiagnostic(
        issue.path,
        found === undefined && valueAt(task, issue.path) === undefined ? messages.required(name) : messages.wrongType(name, issue.expected, found),
      );
    case "too_big":
      return parameterDiagnostic(issue.path, messages.tooBig(name, issue.origin, issue.maximum, found));
    case "too_small":
      return parameterDiagnostic(issue.path, messages.tooSmall(name, issue.origin, issue.minimum, found));
    case "invalid_value": {
      const close = typeof found === "string" ? suggest(found, issue.values.map(String)) : [];
      return parameterDiagnostic(issue.path, messages.notOneOf(name, issue.values, found), {
        hint: close.length > 0 ? messages.didYouMean(close) : undefined,
        suggestions: close,
      });
    }
    case "invalid_key": {
      const why = issue.issues[0]?.message ?? issue.message;
      return parameterDiagnostic(issue.path, messages.invalidKey(paramName(issue.path.slice(0, -1)), String(issue.path.at(-1)), why));
    }
    case "custom": {
      const hint = (issue.params as { hint?: unknown } | undefined)?.hint;
      return parameterDiagnostic(issue.path, messages.other(name, issue.message), {
        hint: typeof hint === "string" ? hint : undefined,
      });
    }
    default:
      return parameterDiagnostic(issue.path, messages.other(name, issue.message));
  }
}
