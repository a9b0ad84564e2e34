import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogCommand } from "../../src/cli/commands/catalog-fetch.js";
import { runCommand } from "../../src/cli/commands/run.js";
import { UsageError, type CliIo } from "../../src/cli/io.js";
import { BASIC, LOGIN, PASSWORD, SEED_RESPONSE, useFakeDataForSeo } from "../client/fake-dataforseo.js";
import { CLI } from "../helpers/cli.js";

/*
 * `dfsq run` and `dfsq catalog fetch`, called in-process with a CliIo against the local fake
 * DataForSEO. A UsageError is what src/cli/run.ts turns into exit status 2.
 */

const server = useFakeDataForSeo();

interface Outcome {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

const transcripts: string[] = [];

async function invoke(
  command: (args: string[], io: CliIo) => Promise<number>,
  args: string[],
  env: Record<string, string | undefined> = { DATAFORSEO_LOGIN: LOGIN, DATAFORSEO_PASSWORD: PASSWORD, DFSQ_BASE_URL: server.baseUrl },
): Promise<Outcome> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => Promise.resolve("rank > 5\n"),
    env,
    stderrIsTTY: false,
  };
  let status: number;
  try {
    status = await command(args, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    stderr += `${e.message}\n`;
    status = 2;
  }
  transcripts.push(stdout, stderr);
  return { status, stdout, stderr };
}

const run = (args: string[], env?: Record<string, string | undefined>) => invoke(runCommand, args, env);
const RD = ["backlinks/referring_domains", "--target", "dataforseo.com"];

describe("dfsq run: what it says on stderr", () => {
  it("warns of each item kept as received though it did not fit its schema, with its path", async () => {
    const broken = structuredClone(SEED_RESPONSE);
    (broken.tasks[0]!.result as { items: { rank: unknown }[] }[])[0]!.items[1]!.rank = "high";
    server.next({ kind: "json", body: broken });
    const r = await run(RD);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning[unexpected_result] at ["tasks"][0]["result"][0]["items"][1]["rank"]');
  });

  it("warns when a task's filter parameters add up to more than 8 conditions", async () => {
    const five = "rank > 1 and backlinks > 1 and rank < 100 and backlinks < 5000 and domain like '%a%'";
    const r = await run([...RD, "--where", five, "--backlinks-where", 'dofollow and rank > 1 and rank < 10 and domain_from like "%x%"', "--dry-run"], {});
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("warning[request_conditions]");
  });
});

describe("dfsq run --dry-run", () => {
  it("prints only the JSON body on stdout, the method and URL on stderr; needs no credentials, sends nothing", async () => {
    const r = await run([...RD, "--where", "backlinks > 100", "--order-by", "rank desc", "--limit", "5", "--dry-run"], {});
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ target: "dataforseo.com", filters: ["backlinks", ">", 100], order_by: ["rank,desc"], limit: 5 }]);
    expect(r.stderr).toBe("POST https://api.dataforseo.com/v3/backlinks/referring_domains/live\n");
    expect(server.requests).toHaveLength(0);
  });

  it("keeps each condition of the body on one line", async () => {
    const r = await run([...RD, "--where", "backlinks > 100 and rank > 10", "--dry-run"], {});
    expect(r.stdout).toContain('\n      ["backlinks", ">", 100],\n      "and",\n      ["rank", ">", 10]\n');
  });

  it("follows --sandbox and --base-url", async () => {
    expect((await run([...RD, "--dry-run", "--sandbox"], {})).stderr).toMatch(/^POST https:\/\/sandbox\.dataforseo\.com\/v3\/backlinks\/referring_domains\/live\n/);
    expect((await run([...RD, "--dry-run", "--base-url", "http://127.0.0.1:9"], {})).stderr).toMatch(/^POST http:\/\/127\.0\.0\.1:9\/v3\//);
  });

  it("reads --param values as JSON when they parse, as strings otherwise", async () => {
    const r = await run(
      ["backlinks/domain_intersection", "--param", 'targets={"1":"a.com","2":"b.com"}', "--param", "include_subdomains=false", "--param", 'tag="7"', "--param", "rank_scale=one_hundred", "--dry-run"],
      {},
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { targets: { "1": "a.com", "2": "b.com" }, include_subdomains: false, tag: "7", rank_scale: "one_hundred" },
    ]);
  });

  it("prints compiler warnings on stderr and still succeeds", async () => {
    const r = await run([...RD, "--where", "referring_domain > 1", "--dry-run"], {});
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("--where:\nwarning[unknown_field]");
  });

  it("reads an expression from standard input with -", async () => {
    const r = await run([...RD, "--where", "-", "--dry-run"], {});
    expect(JSON.parse(r.stdout)[0].filters).toEqual(["rank", ">", 5]);
  });
});

describe("dfsq run", () => {
  it("sends the task with the environment's credentials and prints the result", async () => {
    const r = await run([...RD, "--where", "backlinks > 100", "--limit", "3"]);
    expect(r.status).toBe(0);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.authorization).toBe(`Basic ${BASIC}`);
    const result = JSON.parse(r.stdout) as { items: { domain: string }[] }[];
    expect(result[0]!.items.map((i) => i.domain)).toEqual(["github.com", "medium.com", "seo-tools.example"]);
    expect(r.stderr).toMatch(/^dfsq run: 20000 Ok\. cost 0\.02 USD, 3 of 1412 items\n$/);
  });

  it("prints the whole envelope with --envelope, indented with --pretty", async () => {
    const r = await run([...RD, "--envelope", "--pretty"]);
    expect(JSON.parse(r.stdout)).toMatchObject({ status_code: 20000, tasks_count: 1 });
    expect(r.stdout).toContain('\n  "version": ');
  });

  it("exits 1 with the diagnostics of each field, under the flag that gave it, when the task fails its checks, sending nothing", async () => {
    const r = await run([...RD, "--where", "rank >", "--param", "limit=5000", "--param", "rank_scale=one_thousnd"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--where:\nerror[unexpected_end]");
    expect(r.stderr).toContain("1 | rank >");
    expect(r.stderr).toContain("--param limit=…:\nerror[invalid_parameter]: `limit` is 5000; DataForSEO accepts at most 1000\n  --> option --param limit=…");
    expect(r.stderr).toContain("--param rank_scale=…:\nerror[invalid_parameter]");
    expect(r.stderr).toContain("hint: did you mean `one_thousand`?");
    expect(server.requests).toHaveLength(0);
  });

  it("names the flags, not the library's option names, in every problem", async () => {
    const r = await run([...RD, "--backlinks-where", "x >", "--order-by", "rank sideways", "--limit", "5000", "--dry-run"], {});
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--backlinks-where:\nerror[");
    expect(r.stderr).toContain("--order-by:\nerror[");
    expect(r.stderr).toContain("--limit:\nerror[invalid_parameter]");
    expect(r.stderr).toContain("--> option --limit");
    expect(r.stderr).not.toMatch(/\b(backlinksWhere|orderBy)\b|^where:|option limit\b/m);

    const summary = await run(["backlinks/summary", "--target", "x.com", "--where", "rank > 1", "--dry-run"], {});
    expect(summary.stderr).toContain("--where:\nerror[unsupported_parameter]");
    expect(summary.stderr).toContain("--> option --where");
    expect(summary.stderr).toContain("hint: use --backlinks-where");

    const wire = await run([...RD, "--param", "filters=rank > 1", "--dry-run"], {});
    expect(wire.stderr).toContain("--param filters=…:\nerror[invalid_parameter]");
    expect(wire.stderr).toContain("hint: give the expression with --where");
    expect(wire.stderr).not.toContain("{ where:");
  });

  it("is a usage error (2) for an unknown endpoint, naming the closest, and no library advice", async () => {
    const r = await run(["backlinks/referring_domain", "--target", "x.com", "--dry-run"], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("error[unknown_endpoint]");
    expect(r.stderr).toContain("backlinks/referring_domains");
    expect(r.stderr).not.toContain("client.post");
    expect((await run(["backlinks/referring_domain", "--target", "x.com"])).status).toBe(2);
    expect(server.requests).toHaveLength(0);
  });

  it("is a usage error (2) for an unknown --param, a filter parameter the endpoint does not take, or an unreadable --now", async () => {
    const unknown = await run([...RD, "--param", "limt=5", "--dry-run"], {});
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("--param limt=…:\nerror[invalid_parameter]");
    expect(unknown.stderr).toContain("did you mean `limit`?");
    expect((await run(["backlinks/summary", "--target", "x.com", "--where", "rank > 1", "--dry-run"], {})).status).toBe(2);
    expect((await run(["backlinks/summary", "--target", "x.com", "--order-by", "rank", "--dry-run"], {})).status).toBe(2);
    expect((await run([...RD, "--where", "rank > 1", "--now", "yesterday", "--dry-run"], {})).status).toBe(2);
    expect((await run([...RD, "--now", "yesterday"])).status).toBe(2);
    // A bad value of a known parameter is a problem of the task, as before.
    expect((await run([...RD, "--param", "limit=5000", "--dry-run"], {})).status).toBe(1);
    expect(server.requests).toHaveLength(0);
  });

  it("is a usage error to give a filter both as a flag and as its wire name", async () => {
    const r = await run([...RD, "--where", "rank > 1", "--param", 'filters=["rank",">",2]', "--dry-run"], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--where and --param filters are the same parameter");
  });

  it("exits 1 with the API's code and message for a task error", async () => {
    server.next({ kind: "task-error", code: 40501, message: "Invalid Field: 'filters'." });
    const r = await run([...RD, "--where", "backlinks > 1"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^dfsq run: DataForSEO error 40501: Invalid Field: 'filters'\. \(task [0-9a-f-]+\)\n$/);
    expect(r.stdout).toBe("");
  });

  it("exits 1 for HTTP errors and timeouts; --no-retry makes one call", async () => {
    server.next({ kind: "http", status: 500 });
    const http = await run([...RD, "--no-retry"]);
    expect(http.status).toBe(1);
    expect(http.stderr).toContain("HTTP 500 Internal Server Error (DataForSEO 50000: Internal Error.)");
    expect(server.requests).toHaveLength(1);

    server.next({ kind: "slow", delayMs: 1000 });
    const slow = await run([...RD, "--no-retry", "--timeout", "150"]);
    expect(slow.status).toBe(1);
    expect(slow.stderr).toContain("no answer within 150 ms");
  });

  it("says how many calls a retried failure took", async () => {
    server.next({ kind: "reset" }, { kind: "task-error", code: 40501, message: "Invalid Field." });
    const r = await run(RD, { DATAFORSEO_LOGIN: LOGIN, DATAFORSEO_PASSWORD: PASSWORD, DFSQ_BASE_URL: server.baseUrl });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("(after 2 calls)");
  });

  it("is a usage error without credentials, with a refused base URL, or with a malformed command line", async () => {
    const env = { DFSQ_BASE_URL: server.baseUrl };
    expect((await run(RD, env)).stderr).toContain("set DATAFORSEO_LOGIN and DATAFORSEO_PASSWORD");
    const usage = [
      run(RD, env),
      run([...RD, "--base-url", "http://example.com"]),
      run([...RD, "--dry-run", "--base-url", "http://example.com"], {}),
      run([...RD, "--sandbox", "--base-url", "https://x.example"]),
      run(["--target", "x.com"]),
      run([...RD, "--limit", "ten"]),
      run([...RD, "--limit", "3", "--param", "limit=4"]),
      run([...RD, "--param", "novalue"]),
      run([...RD, "--timeout", "0"]),
      run([...RD, "--where", "-", "--order-by", "-"]),
    ];
    expect((await Promise.all(usage)).map((r) => r.status)).toEqual(Array.from({ length: usage.length }, () => 2));
    expect(server.requests).toHaveLength(0);
  });

  it("prints its help", async () => {
    const r = await run(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: dfsq run <endpoint>/);
    expect(r.stdout).toContain("may have run");
  });
});

const catalog = (args: string[], env?: Record<string, string | undefined>) => invoke(catalogCommand, args, env);

describe("dfsq catalog fetch", () => {
  it("saves the live available_filters response, which --catalog then reads", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dfsq-catalog-"));
    const out = join(dir, "backlinks.json");
    const r = await catalog(["fetch", "backlinks", "--out", out]);
    expect(r.status).toBe(0);
    expect(server.requests[0]).toMatchObject({ method: "GET", path: "/v3/backlinks/available_filters" });
    expect(r.stderr).toContain(`saved backlinks (version 0.1.20240801, 2 keys) to ${out}`);
    const saved = JSON.parse(readFileSync(out, "utf8")) as { tasks: { result: Record<string, unknown>[] }[] };
    expect(saved.tasks[0]!.result[0]).toHaveProperty("referring_domains");

    // A catalog you supply is authoritative: its new field is known, a field it lacks is an error.
    const ok = await run([...RD, "--where", "brand_new > 1", "--catalog", out, "--dry-run"], {});
    expect(ok.status).toBe(0);
    expect(ok.stderr).not.toContain("warning");
    const missing = await run([...RD, "--where", "backlinks > 1", "--catalog", out, "--dry-run"], {});
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("error[unknown_field]");
  });

  it("defaults --out to <api>.available_filters.json and writes to standard output with -", async () => {
    const r = await catalog(["fetch", "/v3/domain_analytics/whois/available_filters", "--out", "-"]);
    expect(r.status).toBe(0);
    expect(server.requests[0]!.path).toBe("/v3/domain_analytics/whois/available_filters");
    expect(JSON.parse(r.stdout)).toMatchObject({ status_code: 20000 });
    expect((await catalog(["--help"])).stdout).toContain("default <api>.available_filters.json");
  });

  it("exits 1 with the API's code and message when the call fails", async () => {
    server.next({ kind: "status", code: 40204, message: "Access denied." });
    const r = await catalog(["fetch", "on_page", "--out", "-"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("DataForSEO error 40204: Access denied.");
  });

  it("is a usage error for an unknown api or sub-command, or without credentials", async () => {
    const bad = await catalog(["fetch", "backlink"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("did you mean backlinks");
    expect((await catalog([])).status).toBe(2);
    expect((await catalog(["pull", "backlinks"])).status).toBe(2);
    expect((await catalog(["fetch", "backlinks"], {})).status).toBe(2);
    expect(server.requests).toHaveLength(0);
  });
});

describe("the CLI never prints credentials", () => {
  it("in any output of the runs above", () => {
    expect(transcripts.length).toBeGreaterThan(20);
    const leaks = transcripts.filter((text) => text.includes(PASSWORD) || text.includes(BASIC));
    expect(leaks).toEqual([]);
  });
});

/** Runs the built binary without blocking this process, so that the fake server can answer. */
function dfsqAsync(args: readonly string[], env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 15_000 }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr });
    });
  });
}

const env = () => ({ DATAFORSEO_LOGIN: LOGIN, DATAFORSEO_PASSWORD: PASSWORD, DFSQ_BASE_URL: server.baseUrl });

describe("the dfsq binary", () => {
  it("dfsq run --dry-run prints the body as JSON on stdout, the URL on stderr", async () => {
    const r = await dfsqAsync([...RD, "--where", "backlinks > 100", "--dry-run"].toSpliced(0, 0, "run"), {});
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ target: "dataforseo.com", filters: ["backlinks", ">", 100] }]);
    expect(r.stderr).toMatch(/^POST https:\/\/api\.dataforseo\.com\/v3\/backlinks\/referring_domains\/live\n$/);
  });

  it("dfsq run exits 2 for an unknown endpoint", async () => {
    const r = await dfsqAsync(["run", "backlinks/nope", "--target", "x.com", "--dry-run"], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("error[unknown_endpoint]");
  });

  it("dfsq run calls the API and exits 1 with its code on a task error", async () => {
    const ok = await dfsqAsync(["run", ...RD, "--limit", "3"], env());
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)[0].items).toHaveLength(3);
    server.next({ kind: "task-error", code: 40501, message: "Invalid Field." });
    const failed = await dfsqAsync(["run", ...RD], env());
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("40501");
  });

  it("dfsq run and dfsq catalog are usage errors (exit 2) without credentials", async () => {
    expect((await dfsqAsync(["run", ...RD], { DFSQ_BASE_URL: server.baseUrl })).status).toBe(2);
    expect((await dfsqAsync(["catalog", "fetch", "backlinks"], { DFSQ_BASE_URL: server.baseUrl })).status).toBe(2);
    expect((await dfsqAsync(["run", ...RD, "--bogus"], env())).status).toBe(2);
  });

  it("dfsq catalog fetch saves the catalog", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "dfsq-catalog-")), "backlinks.json");
    const r = await dfsqAsync(["catalog", "fetch", "backlinks", "--out", out], env());
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).tasks[0].result[0]).toHaveProperty("referring_domains");
  });

  it("dfsq --help lists run and catalog", async () => {
    const r = await dfsqAsync(["--help"], {});
    expect(r.stdout).toContain("dfsq run <endpoint>");
    expect(r.stdout).toContain("dfsq catalog fetch <api>");
  });
});
