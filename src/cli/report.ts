import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostics } from "../diagnostics/format.js";
import { EXIT, useColor, type CliIo } from "./io.js";

/** The compiler's option names as the command line spells them. */
const FLAGS: Readonly<Record<string, string>> = { endpoint: "--endpoint", param: "--param", catalog: "--catalog", now: "--now" };

/**
 * The exit status for a list of diagnostics: 2 when an error is about an option (an unknown
 * endpoint, a parameter the endpoint does not take, an unusable catalog: the command line is
 * wrong), 1 when an error is about the input, 0 for warnings only.
 */
export function exitStatusOf(diagnostics: readonly Diagnostic[]): number {
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.some((d) => d.option !== undefined)) return EXIT.usage;
  return errors.length > 0 ? EXIT.compileError : EXIT.ok;
}

/** The most severe of several exit statuses (usage over input errors over success). */
export function worstStatus(...statuses: readonly number[]): number {
  return Math.max(EXIT.ok, ...statuses);
}

/** Diagnostics with their option named as a flag: `--> option --endpoint`. */
export function withFlagNames(diagnostics: readonly Diagnostic[], flags: Readonly<Record<string, string>> = FLAGS): Diagnostic[] {
  return diagnostics.map((d) => (d.option !== undefined && flags[d.option] !== undefined ? { ...d, option: flags[d.option] } : d));
}

/** Prints diagnostics (if any) on stderr, under `label` when given, and returns their exit status. */
export function reportDiagnostics(io: CliIo, source: string, diagnostics: readonly Diagnostic[], label?: string): number {
  if (diagnostics.length > 0) {
    io.stderr(`${label === undefined ? "" : `${label}:\n`}${formatDiagnostics(source, withFlagNames(diagnostics), { color: useColor(io) })}`);
  }
  return exitStatusOf(diagnostics);
}
