import { makeDiagnostic, type Diagnostic } from "./diagnostic.js";
import { formatPath } from "./json-path.js";
import { kindOf, readElements, readProperty } from "../values/guarded.js";

/**
 * The only error dfsq's compiler API throws. `diagnostics` holds every problem found (errors and
 * warnings); `message` summarises the first error. Constructed by a caller with anything else
 * than an array of diagnostics, it holds none, and a `message` that is not a string is ignored.
 */
export class DfsqError extends Error {
  // The class's own name too: util.inspect and stack headers read it, and a minifier renames classes.
  static {
    Object.defineProperty(this, "name", { value: "DfsqError" });
  }
  /** "DfsqError", or the subclass's own name (TaskError). */
  override readonly name: string = "DfsqError";
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], message?: string) {
    const list = diagnosticsIn(diagnostics);
    const first = list.find((d) => d.severity === "error") ?? list[0];
    super(
      typeof message === "string"
        ? message
        : first === undefined
          ? "dfsq: invalid input"
          : `${first.message} (${first.code} at ${whereOf(first)})`,
    );
    this.diagnostics = list;
  }
}

/** Where a diagnostic is, for the summary: its JSON path when it has one (a problem in raw arrays),
 * else its line and column. A caller-made diagnostic may hold anything in `path`. */
function whereOf(d: Diagnostic): string {
  const path = readProperty(d, "path");
  const keys = path.ok && kindOf(path.value) === "array" ? readElements(path.value as object, 1000) : undefined;
  if (keys?.ok === true && keys.items.every((k) => typeof k === "string" || typeof k === "number")) {
    return formatPath(keys.items as (string | number)[]);
  }
  return `${d.line}:${d.column}`;
}

/** Far more than dfsq ever makes (a bag keeps 101); a longer list is not one of dfsq's. */
const MAX_LIST = 1_000_000;

function diagnosticsIn(value: unknown): Diagnostic[] {
  // Read through the guarded accessors: a Proxy may throw, or claim a length of 1e15.
  const read = kindOf(value) === "array" ? readElements(value as object, MAX_LIST) : undefined;
  return read?.ok ? read.items.filter(isDiagnosticLike) : [];
}

/** Enough of a diagnostic to summarise (anything else in a caller-made list is dropped). */
function isDiagnosticLike(d: unknown): d is Diagnostic {
  if (kindOf(d) !== "object") return false;
  const is = (key: string, type: "string" | "number") => {
    const got = readProperty(d as object, key);
    return got.ok && typeof got.value === type;
  };
  return is("code", "string") && is("severity", "string") && is("message", "string") && is("line", "number") && is("column", "number");
}

/** The DfsqError for an argument a JavaScript caller got wrong (`invalid_argument`): `what` says
 * which and what it should be. */
export function invalidArgument(message: string): DfsqError {
  return new DfsqError([makeDiagnostic("", "invalid_argument", { start: 0, end: 0 }, message)]);
}
