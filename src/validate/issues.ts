import type { z } from "zod";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { JsonPath } from "../diagnostics/diagnostic.js";

/** A zod issue as a dfsq problem: code, JSON path, message. */
export interface Problem {
  readonly code: DiagnosticCode;
  readonly path: JsonPath;
  readonly message: string;
}

type Issue = z.core.$ZodIssue;

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined), root);

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 30 ? `${value.slice(0, 29)}…` : value)}`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/**
 * Zod reports a failed union as every branch's failures. The branch that got furthest into the
 * value (its deepest issue) is almost always the one the value meant, so only its issues are kept:
 * `[["a", "~", 1]]` is a condition with a bad operator, not a malformed group.
 */
function flatten(issue: Issue, base: readonly PropertyKey[]): { issue: Issue; path: PropertyKey[] }[] {
  const path = [...base, ...issue.path];
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [{ issue, path }];
  let best: { issue: Issue; path: PropertyKey[] }[] = [];
  let bestDepth = -1;
  for (const branch of issue.errors) {
    const flat = branch.flatMap((i) => flatten(i, path));
    const depth = Math.max(...flat.map((f) => f.path.length));
    if (depth > bestDepth || (depth === bestDepth && flat.length < best.length)) {
      best = flat;
      bestDepth = depth;
    }
  }
  return best;
}

function message(issue: Issue, value: unknown, what: "filter" | "order_by"): string {
  switch (issue.code) {
    case "invalid_type":
      return what === "filter"
        ? `expected ${issue.expected === "tuple" || issue.expected === "array" ? "a condition or a group" : `a ${issue.expected}`}, found ${describe(value)}`
        : `expected ${issue.expected === "array" ? 'an array of "field,asc|desc" strings' : `a ${issue.expected}`}, found ${describe(value)}`;
    case "invalid_value":
      return `${JSON.stringify(value)} is not a DataForSEO filter operator; expected one of ${issue.values.join(" ")}`;
    case "too_small":
      return what === "filter" ? "a group alternates operands and \"and\"/\"or\", so it has an odd length of at least 3" : issue.message;
    case "too_big":
      return "a condition is [field, operator, value]";
    default:
      return issue.message;
  }
}

export function problemsOf(error: z.ZodError, root: unknown, what: "filter" | "order_by"): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const { issue, path } of error.issues.flatMap((i) => flatten(i, []))) {
    const jsonPath = path.filter((k): k is string | number => typeof k !== "symbol");
    const key = `${JSON.stringify(jsonPath)}:${issue.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fromParams = issue.code === "custom" ? (issue.params as { dfsq?: DiagnosticCode } | undefined)?.dfsq : undefined;
    out.push({
      code: fromParams ?? (what === "filter" ? "invalid_filter" : "invalid_order_by"),
      path: jsonPath,
      message: message(issue, valueAt(root, path), what),
    });
  }
  return out;
}
