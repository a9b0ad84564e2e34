import type { CliIo } from "./io.js";

/** `-` means standard input (with one trailing newline dropped); anything else is the text. */
export async function readArgument(arg: string, io: CliIo): Promise<string> {
  if (arg !== "-") return arg;
  const text = await io.readStdin();
  return text.replace(/\r?\n$/, "");
}
