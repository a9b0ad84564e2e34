import { describeCrash, EXIT_INTERNAL } from "./crash.js";
import { run } from "./run.js";
import type { CliIo } from "./io.js";

const debug = process.env.DFSQ_DEBUG !== undefined && process.env.DFSQ_DEBUG !== "" && process.env.DFSQ_DEBUG !== "0";
// The commands load from chunks after this line, so their stack frames name src/ files and lines.
if (debug) process.setSourceMapsEnabled(true);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  env: process.env,
  stderrIsTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  checkWorker: new URL("./check-worker.js", import.meta.url),
};

/**
 * Every error no command caught, thrown now or later (a timer, a stream): one readable report,
 * then exit, since nothing after it can be trusted to finish (stderr is synchronous on pipes and files).
 */
function crash(error: unknown): never {
  process.stderr.write(describeCrash(error, debug));
  process.exit(EXIT_INTERNAL);
}

process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
}, crash);
