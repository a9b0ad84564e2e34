import type { CliIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";

export interface Outcome {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one `dfsq` command line in this process, through the same entry (src/cli/run.ts) the
 * binary uses after main.ts: faster than spawning dist/cli.js for tests of many command lines.
 */
export async function dfsqInProcess(argv: readonly string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<Outcome> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => Promise.resolve(options.input ?? ""),
    env: options.env ?? {},
    stderrIsTTY: false,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  };
  const status = await run(argv, io);
  return { status, stdout, stderr };
}
