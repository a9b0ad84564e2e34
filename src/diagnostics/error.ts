import { makeDiagnostic, type Diagnostic } from "./diagnostic.js";
import { messages } from "./messages.js";

/**
 * The only error dfsq's compiler API throws. `diagnostics` holds every problem found (errors and
 * warnings); `message` summarises the first error. Constructed by a caller with anything else
 * than an array of diagnostics, it holds none, and a `message` that is not a string is ignored.
 */
export class DfsqError extends Error {
  override readonly name = "DfsqError";
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], message?: string) {
    const list = diagnosticsIn(diagnostics);
    const first = list.find((d) => d.severity === "error") ?? list[0];
    super(
      typeof message === "string"
        ? message
        : first === undefined
          ? "dfsq: invalid input"
          : `${first.message} (${first.code} at ${first.line}:${first.column})`,
    );
    this.diagnostics = list;
  }
}

function diagnosticsIn(value: unknown): Diagnostic[] {
  try {
    return Array.isArray(value) ? value.filter(isDiagnosticLike) : [];
  } catch {
    // A revoked or throwing Proxy: no diagnostics can be read from it.
    return [];
  }
}

/** Enough of a diagnostic to summarise (anything else in a caller-made list is dropped). */
function isDiagnosticLike(d: unknown): d is Diagnostic {
  if (typeof d !== "object" || d === null) return false;
  const { code, severity, message, line, column } = d as Record<string, unknown>;
  return typeof code === "string" && typeof severity === "string" && typeof message === "string" && typeof line === "number" && typeof column === "number";
}

/** The DfsqError for an argument a JavaScript caller got wrong (`invalid_argument`): `what` says
 * which and what it should be. */
export function invalidArgument(what: string): DfsqError {
  return new DfsqError([makeDiagnostic("", "invalid_argument", { start: 0, end: 0 }, messages.invalidArgument(what))]);
}
