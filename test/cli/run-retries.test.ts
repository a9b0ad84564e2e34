import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCommand } from "../../src/cli/commands/run.js";
import type { CliIo } from "../../src/cli/io.js";
import { LOGIN, PASSWORD, useFakeDataForSeo } from "../client/fake-dataforseo.js";
import { CLI } from "../helpers/cli.js";

/* `dfsq run` says on stderr when it retries, one line per retry; the built binary sends its version as User-Agent. */

const server = useFakeDataForSeo();
const ENV = () => ({ DATAFORSEO_LOGIN: LOGIN, DATAFORSEO_PASSWORD: PASSWORD, DFSQ_BASE_URL: server.baseUrl });
const RD = ["backlinks/referring_domains", "--target", "dataforseo.com"];

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => Promise.resolve(""), env: ENV(), stderrIsTTY: false };
  const status = await runCommand(args, io);
  return { status, stdout, stderr };
}

describe("dfsq run retries", () => {
  it("prints one line per retry: the call, why it failed, and the wait", async () => {
    server.next({ kind: "too-many", retryAfter: "0" }, { kind: "too-many", retryAfter: "1" });
    const r = await run(RD);
    expect(r.status).toBe(0);
    const lines = r.stderr.split("\n").filter((l) => l.includes("retrying"));
    expect(lines).toEqual([
      "dfsq run: call 1 of 4 failed: HTTP 429 Too Many Requests; retrying in 0 ms (as the server asked)",
      "dfsq run: call 2 of 4 failed: HTTP 429 Too Many Requests; retrying in 1 s (as the server asked)",
    ]);
    expect(server.requests).toHaveLength(3);
  });

  it("prints nothing about retries when there is none", async () => {
    const r = await run(RD);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain("retrying");
  });
});

describe("the dfsq binary", () => {
  it("sends User-Agent: dfsq/<the package's version>", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const status = await new Promise<number>((resolve) => {
      execFile(process.execPath, [CLI, "run", ...RD], { env: { PATH: process.env.PATH ?? "", ...ENV() }, timeout: 15_000 }, (error) =>
        resolve(error === null ? 0 : -1),
      );
    });
    expect(status).toBe(0);
    expect(server.requests.map((r) => r.userAgent)).toEqual([`dfsq/${version}`]);
  });
});
