import { readFileSync } from "node:fs";
import { UsageError, type CliIo } from "./io.js";

/** `-` means standard input (with one trailing newline dropped); anything else is the text. */
export async function readArgument(arg: string, io: CliIo): Promise<string> {
  if (arg !== "-") return arg;
  const text = await io.readStdin();
  return text.replace(/\r?\n$/, "");
}

/** A file named on the command line, or standard input for `-`; one that cannot be read (missing,
 * a directory, no permission) is a usage error, not a crash. */
export async function readFileArgument(file: string, io: CliIo): Promise<string> {
  if (file === "-") return io.readStdin();
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
}
