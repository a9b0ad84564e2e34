import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { EVAL_HELP, evalCommand, itemsOf } from "../../src/cli/commands/eval.js";
import { UsageError, type CliIo } from "../../src/cli/io.js";
import { dfsq } from "../helpers/cli.js";

const ENVELOPE = fileURLToPath(new URL("../client/fixtures/referring-domains.json", import.meta.url));
const envelope = JSON.parse(readFileSync(ENVELOPE, "utf8")) as { tasks: { result: { items: { domain: string }[] }[] }[] };
const ITEMS = envelope.tasks[0]!.result[0]!.items;

const dir = mkdtempSync(join(tmpdir(), "dfsq-eval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => options.stdin ?? "",
    env: options.env ?? {},
    stderrIsTTY: false,
  };
  const status = await evalCommand(args, io);
  return { status, stdout, stderr };
}

const domains = (r: Run) => (JSON.parse(r.stdout) as { domain: string }[]).map((i) => i.domain);

describe("dfsq eval", () => {
  it("prints the items of a saved envelope that match", async () => {
    const r = await run(["--where", "rank > 500", ENVELOPE]);
    expect(r).toMatchObject({ status: 0, stderr: "" });
    expect(domains(r)).toEqual(["github.com", "medium.com"]);
    expect(JSON.parse(r.stdout)[0]).toEqual(ITEMS[0]);
    expect(r.stdout.endsWith("]\n")).toBe(true);
  });

  it("applies the null rules, times, patterns and dotted paths", async () => {
    expect(domains(await run(["-w", "lost_date is null", ENVELOPE]))).toEqual(["github.com", "seo-tools.example"]);
    expect(domains(await run(["-w", "lost_date > 2024-01-01", ENVELOPE]))).toEqual(["medium.com"]);
    expect(domains(await run(["-w", "not (lost_date > 2024-01-01)", ENVELOPE]))).toEqual([]);
    expect(domains(await run(["-w", "first_seen > now - 365d", "--now", "2024-06-01T00:00:00Z", ENVELOPE]))).toEqual(["seo-tools.example"]);
    expect(domains(await run(["-w", 'domain like "%.com"', ENVELOPE]))).toEqual(["github.com", "medium.com"]);
    expect(domains(await run(["-w", "referring_links_tld.com > 500", ENVELOPE]))).toEqual(["github.com"]);
  });

  it("prints only the count with --count, and [] when nothing matches", async () => {
    expect((await run(["--where", "rank > 500", "--count", ENVELOPE])).stdout).toBe("2\n");
    const none = await run(["--where", "rank > 5000", ENVELOPE]);
    expect(none).toMatchObject({ status: 0, stdout: "[]\n" });
  });

  it("indents with --pretty", async () => {
    const r = await run(["--where", "rank > 900", "--pretty", ENVELOPE]);
    expect(r.stdout).toMatch(/^\[\n {2}\{\n {4}"type": "backlinks_referring_domain",/);
  });

  it("reads a plain array of items, a result array, one result, and standard input", async () => {
    const where = ["--where", 'domain = "medium.com"'];
    expect(domains(await run([...where, file("items.json", ITEMS)]))).toEqual(["medium.com"]);
    expect(domains(await run([...where, file("results.json", envelope.tasks[0]!.result)]))).toEqual(["medium.com"]);
    expect(domains(await run([...where, file("result.json", envelope.tasks[0]!.result[0])]))).toEqual(["medium.com"]);
    expect(domains(await run([...where, "-"], { stdin: JSON.stringify(envelope) }))).toEqual(["medium.com"]);
  });

  it("reads the expression from standard input with --where -", async () => {
    expect(domains(await run(["--where", "-", ENVELOPE], { stdin: "rank < 300\n" }))).toEqual(["seo-tools.example"]);
  });

  it("skips failed tasks, whose result is null", async () => {
    const failed = { ...envelope, tasks: [...envelope.tasks, { status_code: 40501, result: null }] };
    expect(domains(await run(["-w", "rank > 0", file("failed.json", failed)]))).toHaveLength(3);
  });

  it("checks the expression against the endpoint's catalog", async () => {
    const r = await run(["--where", 'rank like "%1%"', "--endpoint", "backlinks/referring_domains", ENVELOPE]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error[operator_not_allowed]");
    const ok = await run(["--where", "first_seen > 2023-01-01", "-e", "backlinks/referring_domains", ENVELOPE]);
    expect(ok).toMatchObject({ status: 0, stderr: "" });
    expect(domains(ok)).toEqual(["seo-tools.example"]);
  });

  it("prints warnings and carries on", async () => {
    const r = await run(["--where", 'rank > "$item->backlinks"', ENVELOPE]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("warning[field_reference]");
    expect(domains(r)).toEqual(["medium.com", "seo-tools.example"]);
  });

  it("exits 1 with a caret frame for an expression with errors", async () => {
    const r = await run(["--where", "rank > and x", ENVELOPE]);
    expect(r).toMatchObject({ status: 1, stdout: "" });
    expect(r.stderr).toContain("error[unexpected_token]");
    expect(r.stderr).toContain("1 | rank > and x");
    const regex = await run(["--where", 'domain ~ "(?=x)"', ENVELOPE]);
    expect(regex.status).toBe(1);
    expect(regex.stderr).toContain("error[invalid_regex]");
  });

  it("exits 1 for a file that is not JSON or holds no items", async () => {
    const notJson = await run(["--where", "rank > 1", file("bad.json", "{oops")]);
    expect(notJson.status).toBe(1);
    expect(notJson.stderr).toContain("is not JSON");
    const noItems = await run(["--where", "rank > 1", file("object.json", { rank: 1 })]);
    expect(noItems.status).toBe(1);
    expect(noItems.stderr).toContain("expected a response envelope");
  });

  it("throws UsageError for a wrong command line", async () => {
    await expect(run([ENVELOPE])).rejects.toThrow(UsageError);
    await expect(run(["--where", "rank > 1"])).rejects.toThrow(UsageError);
    await expect(run(["--where", "rank > 1", ENVELOPE, ENVELOPE])).rejects.toThrow(UsageError);
    await expect(run(["--where", "-", "-"])).rejects.toThrow(UsageError);
    await expect(run(["--where", "rank > 1", join(dir, "missing.json")])).rejects.toThrow(/cannot read/);
    await expect(run(["--where", "rank > 1", "--param", "nope", ENVELOPE])).rejects.toThrow(UsageError);
    await expect(run(["--where", "rank > 1", "--bogus", ENVELOPE])).rejects.toThrow(/bogus/);
  });

  it("prints its help", async () => {
    const r = await run(["--help"]);
    expect(r).toMatchObject({ status: 0, stdout: `${EVAL_HELP}\n` });
    expect(EVAL_HELP).toMatch(/^Usage: dfsq eval --where <expr>/);
  });
});

describe("itemsOf", () => {
  it("tells a result array from an array of items by items_count", () => {
    const items = [{ items: ["a"], type: "people_also_ask" }];
    expect(itemsOf(items)).toEqual({ ok: true, items });
    expect(itemsOf([{ items: ["a"], items_count: 1 }, { items: null, items_count: 0 }])).toEqual({ ok: true, items: ["a"] });
    expect(itemsOf([])).toEqual({ ok: true, items: [] });
    expect(itemsOf({ tasks: [{ result: null }, "junk", { result: [{ items: [1] }, null] }] })).toEqual({ ok: true, items: [1] });
    expect(itemsOf("text").ok).toBe(false);
    expect(itemsOf(null).ok).toBe(false);
  });
});

describe("dfsq eval (the built binary)", () => {
  it("filters a saved envelope", () => {
    const r = dfsq(["eval", "--where", "rank > 500", "--count", ENVELOPE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("2\n");
  });
  it("reads items from standard input and exits 1 on compile errors", () => {
    const r = dfsq(["eval", "--where", 'domain like "%.com"', "-"], { input: JSON.stringify(ITEMS) });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { domain: string }[]).map((i) => i.domain)).toEqual(["github.com", "medium.com"]);
    const bad = dfsq(["eval", "--where", "rank >", ENVELOPE]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("error[unexpected_end]");
  });
  it("exits 2 on usage errors and prints its help", () => {
    expect(dfsq(["eval", ENVELOPE]).status).toBe(2);
    expect(dfsq(["eval", "--where", "rank > 1", "--bogus", ENVELOPE]).status).toBe(2);
    const help = dfsq(["eval", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(`${EVAL_HELP}\n`);
  });
});
