import type { CompileOptions } from "../../src/options.js";
import { expectDiagnostics, type Expected } from "./diagnostics.js";

/** expectDiagnostics against an endpoint's catalog. */
export function expectTyped(
  endpoint: string,
  source: string,
  expected: readonly Expected[],
  options: CompileOptions & { mode?: "filter" | "orderBy" } = {},
) {
  return expectDiagnostics(source, expected, { endpoint, now: "2024-06-15T00:00:00Z", ...options });
}
