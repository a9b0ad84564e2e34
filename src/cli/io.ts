/** What the CLI touches of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (colour is used only there, and never with NO_COLOR). */
  readonly stderrIsTTY: boolean;
  /** Whether stdout is a terminal, for the commands whose report is their output (`check`). */
  readonly stdoutIsTTY?: boolean;
  /** The working directory paths are relative to. Default: the process's. */
  readonly cwd?: string;
  /** The built worker script of `dfsq check` (dist/check-worker.js); without it, one thread. */
  readonly checkWorker?: URL;
}

/** Whether to paint what goes to `stream`. */
export function useColor(io: CliIo, stream: "stderr" | "stdout" = "stderr"): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return stream === "stderr" ? io.stderrIsTTY : io.stdoutIsTTY === true;
}

export const EXIT = { ok: 0, compileError: 1, usage: 2 } as const;

/** Raised for bad command lines; the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
