import type { Diagnostic } from "./diagnostic.js";

/**
 * The only error dfsq's compiler API throws. `diagnostics` holds every problem found (errors and
 * warnings); `message` summarises the first error.
 */
export class DfsqError extends Error {
  override readonly name = "DfsqError";
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
