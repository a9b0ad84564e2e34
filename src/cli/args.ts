import { parseArgs } from "node:util";
import { suggest } from "../catalog/suggest.js";
import { UsageError } from "./io.js";

/**
 * One command-line option, declared once: what `parseArgs` needs to read it and what `--help`
 * says about it, so the parser, the help table and "did you mean" never disagree.
 */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly multiple?: boolean;
  /** The placeholder of its value in help: `<id>`. */
  readonly value?: string;
  /** What it does; each "\n" starts a continuation line, indented under the first. */
  readonly help: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export const HELP_OPTION = { type: "boolean", short: "h", help: "this help" } as const satisfies OptionSpec;

/**
 * Reads `args` against `options` (positionals allowed). Throws UsageError for an option the command
 * does not have, naming the closest one (`--ednpoint` → `--endpoint`); parseArgs' own TypeErrors
 * (a missing value, a value given to a flag) propagate for src/cli/run.ts to report.
 */
export function parseCommandLine<const O extends OptionSpecs>(args: readonly string[], options: O) {
  rejectUnknownOptions(args, options);
  return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
}

function rejectUnknownOptions(args: readonly string[], options: OptionSpecs): void {
  // A lenient pass finds every option token, known or not, without guessing from parseArgs' wording.
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    // A known short option's token carries its long name.
    if (token.kind !== "option" || token.name in options) continue;
    const close = token.rawName.startsWith("--") ? suggest(token.name, Object.keys(options), 1) : [];
    throw new UsageError(`unknown option ${token.rawName}${close.length > 0 ? `; did you mean --${close[0]}?` : ""}`);
  }
}

/** A column of names and a column of text, the text starting at one column on every line. */
export function helpColumns(rows: readonly (readonly [name: string, text: string])[]): string {
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  return rows
    .flatMap(([name, text]) => {
      const [first = "", ...rest] = text.split("\n");
      return [`  ${name.padEnd(width)}${first}`, ...rest.map((line) => `  ${" ".repeat(width)}${line}`)];
    })
    .join("\n");
}

/** The "Options:" table of a command's help. */
export function optionsHelp(options: OptionSpecs): string {
  return helpColumns(
    Object.entries(options).map(([name, o]) => {
      const flag = `${o.short === undefined ? "" : `-${o.short}, `}--${name}${o.value === undefined ? "" : ` ${o.value}`}`;
      return [flag, o.help] as const;
    }),
  );
}
