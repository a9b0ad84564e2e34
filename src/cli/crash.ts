/** The exit status of an internal error (sysexits' EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

/** Enough of a message to say what went wrong; the rest is the debugger's. */
const MAX_MESSAGE = 500;

function clip(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, " ").trim();
  return oneLine.length <= MAX_MESSAGE ? oneLine : `${oneLine.slice(0, MAX_MESSAGE)}… (${oneLine.length - MAX_MESSAGE} more characters)`;
}

function headline(error: unknown): string {
  if (error instanceof Error) return `${clip(error.name || "Error")}: ${clip(error.message)}`;
  let text: string;
  try {
    text = typeof error === "object" && error !== null ? (JSON.stringify(error) ?? String(error)) : String(error);
  } catch {
    text = Object.prototype.toString.call(error);
  }
  return `a thrown ${error === null ? "null" : typeof error}: ${clip(text)}`;
}

/**
 * How an error that escaped every command reads on stderr: `Name: message` on one line (a
 * minified bundle's stack and source line say nothing to a user, and a message can be 40 KB),
 * and what to do about it. With `debug` (DFSQ_DEBUG=1) the whole stack follows, and each cause's.
 */
export function describeCrash(error: unknown, debug: boolean): string {
  const lines = [`dfsq: internal error: ${headline(error)}`];
  if (debug) {
    for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
      lines.push(depth === 0 ? (e.stack ?? "") : `caused by: ${e.stack ?? headline(e)}`);
    }
  } else {
    lines.push("This is a bug in dfsq: please report it with the command line that caused it. DFSQ_DEBUG=1 prints the stack.");
  }
  return `${lines.join("\n")}\n`;
}
