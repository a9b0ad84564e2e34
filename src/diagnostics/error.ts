import type { Diagnostic } from "./diagnostic.js";

/**
 * The only error dfsq's compiler API throws. `diagnostics` holds every problem found (errors and
 * warnings); `message` summarises the first error.
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
    const first = diagnostics.find((d) => d.severity === "error") ?? diagnostics[0];
    super(
      message ??
        (first === undefined
          ? "dfsq: invalid input"
          : `${first.message} (${first.code} at ${first.line}:${first.column})`),
    );
    this.diagnostics = diagnostics;
  }
}
