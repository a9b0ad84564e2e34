import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { threadsFor } from "../../src/cli/check/parallel.js";
import { check, checkJson, pointed, project, PROJECT, textAt } from "../helpers/check.js";
import { dfsq } from "../helpers/cli.js";

/*
 * `dfsq check`: which files it reads, what it recognises in them, which endpoint each task is
 * checked against, and where its diagnostics point (asserted as the text under each one).
 */

const TASK = (extra: Record<string, unknown> = {}) => JSON.stringify({ target: "example.com", ...extra });

describe("dfsq check: the files of a directory", () => {
  it("reads request bodies, post_data, JSON Lines, filters anywhere in JSON and .dfsq files, and points into each", async () => {
    const r = await checkJson([], PROJECT);
    expect(r.status).toBe(1);
    expect(pointed(PROJECT, r.diagnostics)).toEqual([
      ["config/reports.json", "quoted_boolean", '"true"'],
      ["filters/weekly.dfsq", "like_without_wildcard", '"seo"'],
      ["tasks/batch.jsonl", "invalid_filter", '"~"'],
      ["tasks/post-data.json", "like_without_wildcard", '"blog"'],
      ["tasks/referring-domains.json", "unknown_field", '"referring_domain"'],
      ["tasks/referring-domains.json", "quoted_number", '"80"'],
      ["tasks/referring-domains.json", "invalid_parameter", '"limt": 10'],
    ]);
    expect(r.diagnostics.map((d) => [d.file, d.line, d.column, d.path])).toEqual([
      ["config/reports.json", 6, 36, ["reports", 0, "filters", 2]],
      ["filters/weekly.dfsq", 4, 20, null],
      ["tasks/batch.jsonl", 2, 136, ["filters", 1]],
      ["tasks/post-data.json", 8, 37, ["1", "filters", 2]],
      ["tasks/referring-domains.json", 6, 20, ["tasks", 0, "filters", 0, 0]],
      ["tasks/referring-domains.json", 12, 37, ["tasks", 1, "filters", 2]],
      ["tasks/referring-domains.json", 13, 7, ["tasks", 1, "limt"]],
    ]);
  });

  it("skips JSON files of a walk that hold no task or filter, even broken ones, and counts what it checked", async () => {
    const r = await check([], PROJECT);
    expect(r.stdout).not.toContain("other/");
    expect(r.stdout).toContain("(8 tasks and filters in 5 files checked)");
  });

  it("checks the current directory by default, and a directory named", async () => {
    const dir = project({ "a/task.json": TASK({ filters: ["rank", "~", 1] }), "b/task.json": TASK({ filters: ["rank", "~", 1] }) });
    expect((await checkJson([], dir)).diagnostics.map((d) => d.file)).toEqual(["a/task.json", "b/task.json"]);
    expect((await checkJson(["b"], dir)).diagnostics.map((d) => d.file)).toEqual(["b/task.json"]);
    expect((await checkJson([], join(dir, "a"))).diagnostics.map((d) => d.file)).toEqual(["task.json"]);
  });

  it("exits 0 with no problems, 1 with an error, and says how much it checked", async () => {
    const dir = project({ "ok.json": TASK({ filters: ["rank", ">", 1] }), "ok.dfsq": "rank > 1\n" });
    const ok = await check([], dir);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("dfsq check: no problems in 2 tasks and filters in 2 files\n");
    writeFileSync(join(dir, "bad.dfsq"), "rank >\n");
    expect((await check([], dir)).status).toBe(1);
  });
});

describe("dfsq check: what it recognises in JSON", () => {
  it("reads a task, an array of tasks, a saved request, post_data and {filters, order_by}", async () => {
    const bad = ["rank", "~", 1];
    const dir = project({
      "task.json": TASK({ filters: bad }),
      "tasks.json": JSON.stringify([{ target: "a.com" }, { target: "b.com", filters: bad }]),
      "saved.json": JSON.stringify({ endpoint: "backlinks/backlinks", tasks: [{ target: "a.com", filters: bad }] }),
      "post.json": JSON.stringify({ post_data: { "0": { target: "a.com", filters: bad } } }),
      "only-filters.json": JSON.stringify({ filters: bad, order_by: ["rank,desc"] }),
    });
    const r = await checkJson([], dir);
    expect(r.diagnostics.map((d) => [d.file, d.path])).toEqual([
      ["only-filters.json", ["filters", 1]],
      ["post.json", ["post_data", "0", "filters", 1]],
      ["saved.json", ["tasks", 0, "filters", 1]],
      ["task.json", ["filters", 1]],
      ["tasks.json", [1, "filters", 1]],
    ]);
  });

  it("checks only the filters of an object nested in other JSON, with the endpoint it names", async () => {
    const dir = project({
      "app.json": JSON.stringify({ name: "app", jobs: { daily: { endpoint: "backlinks/referring_domains", cron: "0 0 * * *", filters: ["rnak", ">", 1] } } }, null, 2),
    });
    const r = await checkJson([], dir);
    // `cron` and `name` are the app's business; the unknown field is the filter's.
    expect(pointed(dir, r.diagnostics)).toEqual([["app.json", "unknown_field", '"rnak"']]);
  });

  it("reads a walk's JSON as tasks when they name a DataForSEO endpoint (or nearly), not for any `path` key", async () => {
    const dir = project({
      "typo.json": JSON.stringify({ endpoint: "backlinks/backlink", target: "a.com" }),
      "unrelated.json": JSON.stringify({ path: "src/index.ts", name: "x" }),
      "records.json": JSON.stringify([{ id: 1 }, { id: 2 }]),
    });
    const r = await checkJson([], dir);
    expect(r.diagnostics.map((d) => [d.file, d.code])).toEqual([["typo.json", "unknown_endpoint"]]);
  });

  it("checks a JSON file named on the command line whatever it holds, unless --skip-other-json", async () => {
    const dir = project({ "records.json": JSON.stringify([{ id: 1 }]), "settings.json": JSON.stringify({ oder_by: 1 }) });
    const named = await checkJson(["records.json", "settings.json"], dir);
    expect(named.diagnostics.map((d) => [d.file, d.code, d.severity])).toEqual([
      ["records.json", "invalid_parameter", "warning"],
      ["settings.json", "invalid_parameter", "error"],
    ]);
    const skipped = await checkJson(["records.json", "settings.json", "--skip-other-json"], dir);
    expect(skipped).toMatchObject({ status: 0, diagnostics: [] });
  });

  it("points at a JSON syntax error; a broken file of a walk is reported when it mentions filters", async () => {
    const dir = project({
      "trailing.json": '{\n  "filters": ["rank", ">", 1],\n}\n',
      "comment.json": '{\n  // settings\n  "compilerOptions": {}\n}\n',
      "empty.json": "",
    });
    const walked = await checkJson([], dir);
    expect(pointed(dir, walked.diagnostics)).toEqual([["trailing.json", "invalid_json", "}"]]);
    const named = await checkJson(["comment.json", "empty.json"], dir);
    expect(pointed(dir, named.diagnostics)).toEqual([
      ["comment.json", "invalid_json", "// settings"],
      ["empty.json", "invalid_json", ""],
    ]);
  });

  it("reads JSON Lines line by line, and a byte-order mark", async () => {
    const dir = project({
      "batch.jsonl": `${TASK({ filters: ["rank", ">", 1] })}\n\n${TASK({ filters: ["rank", "~", 1] })}\r\n{oops}\n`,
      "bom.json": `\uFEFF${TASK({ filters: ["rank", "~", 1] })}`,
    });
    const r = await checkJson([], dir);
    expect(r.diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([
      ["batch.jsonl", 3, "invalid_filter"],
      ["batch.jsonl", 4, "invalid_json"],
      ["bom.json", 1, "invalid_filter"],
    ]);
    expect(pointed(dir, r.diagnostics).map(([, , text]) => text)).toEqual(['"~"', "oops", '"~"']);
  });
});

describe("dfsq check: the endpoint of each task", () => {
  const unknownField = TASK({ filters: ["referring_domain", ">", 1] });

  it("is the file's own, then the config's mapping, then --endpoint", async () => {
    const dir = project({
      "dfsq.config.json": JSON.stringify({ endpoints: { "mapped/**": "backlinks/referring_domains" } }),
      "mapped/task.json": unknownField,
      "mapped/own.json": JSON.stringify({ endpoint: "backlinks/backlinks", target: "a.com", filters: ["referring_domain", ">", 1] }),
      "loose/task.json": unknownField,
      "loose/filter.dfsq": "referring_domain > 1",
    });
    const plain = await checkJson([], dir);
    expect(plain.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ["mapped/own.json", "unknown_field"],
      ["mapped/task.json", "unknown_field"],
    ]);
    // backlinks/backlinks has no field `referring_domain` either, but its own message names it.
    expect(plain.diagnostics[0]!.message).toContain("backlinks/backlinks");
    expect(plain.diagnostics[1]!.message).toContain("backlinks/referring_domains");
    const withFlag = await checkJson(["--endpoint", "backlinks/anchors"], dir);
    expect(withFlag.diagnostics.map((d) => [d.file, d.message.match(/`(backlinks\/\w+)`/)?.[1]])).toEqual([
      ["loose/filter.dfsq", "backlinks/anchors"],
      ["loose/task.json", "backlinks/anchors"],
      ["mapped/own.json", "backlinks/backlinks"],
      ["mapped/task.json", "backlinks/referring_domains"],
    ]);
  });

  it("--endpoint that dfsq does not know is a usage error with did-you-mean", async () => {
    const r = await check(["--endpoint", "backlinks/referring_domain"], project({}));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("did you mean backlinks/referring_domains");
  });
});

describe("dfsq check: .dfsq files", () => {
  it("read the header's endpoint and parameter; spans stay the file's", async () => {
    const dir = project({
      "a.dfsq": "# endpoint: backlinks/referring_domains\n# param: backlinks_filters\n\n# why: it is a comment\ndofollow and rnak > 1\n",
      // backlinks/backlinks takes no backlinks_filters: said on the line that asks for it.
      "b.dfsq": "# endpoint: backlinks/backlinks\n# param: backlinks_filters\nrank > 1\n",
    });
    const r = await checkJson([], dir);
    expect(pointed(dir, r.diagnostics)).toEqual([
      ["a.dfsq", "unknown_field", "rnak"],
      ["b.dfsq", "unsupported_parameter", "backlinks_filters"],
    ]);
    // `dofollow` is a field of the backlinks under backlinks_filters, not of the domains.
    expect(r.diagnostics[0]).toMatchObject({ line: 5, column: 14 });
  });

  it("put problems with the header on the header line, with quick fixes that repair the file", async () => {
    const dir = project({
      "a.dfsq": "# endpont: backlinks/referring_domains\nreferring_domain > 1\n",
      "b.dfsq": "# endpoint: backlinks/referring_domain\n# param: backlink_filters\nrank > 1\n",
    });
    const r = await checkJson([], dir);
    expect(pointed(dir, r.diagnostics)).toEqual([
      ["a.dfsq", "unknown_header", "endpont"],
      ["b.dfsq", "unknown_endpoint", "backlinks/referring_domain"],
      ["b.dfsq", "invalid_header", "backlink_filters"],
    ]);
    // Apply each diagnostic's first fix, bottom-up, and check again: nothing is left.
    for (const file of ["a.dfsq", "b.dfsq"]) {
      const lines = readFileSync(join(dir, file), "utf8").split("\n");
      const edits = r.diagnostics.filter((d) => d.file === file).map((d) => d.fixes[0]!.edits[0]!);
      for (const e of edits.toReversed()) {
        expect(e.line).toBe(e.endLine);
        const line = lines[e.line - 1]!;
        lines[e.line - 1] = line.slice(0, e.column - 1) + e.insert + line.slice(e.endColumn - 1);
      }
      writeFileSync(join(dir, file), lines.join("\n"));
    }
    const fixed = await checkJson([], dir);
    // a.dfsq now names its endpoint, whose catalog knows no `referring_domain`.
    expect(fixed.diagnostics.map((d) => [d.file, d.code])).toEqual([["a.dfsq", "unknown_field"]]);
  });

  it("a header alone is an empty expression, pointed at the end", async () => {
    const dir = project({ "empty.dfsq": "# endpoint: backlinks/backlinks\n" });
    const r = await checkJson([], dir);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([["unexpected_end", 2]]);
  });
});

describe("dfsq check: which files", () => {
  it("honours .gitignore files from the repository's top down, with negations, and never walks node_modules or .git", async () => {
    const bad = TASK({ filters: ["rank", "~", 1] });
    const dir = project({
      ".gitignore": "build/\n*.local.json\n",
      "build/task.json": bad,
      "keep.local.json": bad,
      "src/.gitignore": "!keep.local.json\nscratch/\n",
      "src/keep.local.json": bad,
      "src/scratch/task.json": bad,
      "src/task.json": bad,
      "node_modules/pkg/task.json": bad,
      ".git/task.json": bad,
    });
    mkdirSync(join(dir, ".git", "info"), { recursive: true });
    writeFileSync(join(dir, ".git", "info", "exclude"), "src/excluded.json\n");
    writeFileSync(join(dir, "src", "excluded.json"), bad);
    expect((await checkJson([], dir)).diagnostics.map((d) => d.file)).toEqual(["src/keep.local.json", "src/task.json"]);
    // From a subdirectory, the top's .gitignore still applies.
    expect((await checkJson([], join(dir, "src"))).diagnostics.map((d) => d.file)).toEqual(["keep.local.json", "task.json"]);
    expect((await checkJson(["build"], dir)).diagnostics).toEqual([]);
    // A file named is checked even when ignored.
    expect((await checkJson(["build/task.json"], dir)).diagnostics.map((d) => d.file)).toEqual(["build/task.json"]);
  });

  it("matches globs, honouring .gitignore too", async () => {
    const bad = TASK({ filters: ["rank", "~", 1] });
    const dir = project({ ".gitignore": "b.json\n", "tasks/a.json": bad, "tasks/b.json": bad, "tasks/c.dfsq": "rank >", "tasks/deep/d.json": bad });
    mkdirSync(join(dir, ".git"));
    expect((await checkJson(["tasks/*.json"], dir)).diagnostics.map((d) => d.file)).toEqual(["tasks/a.json"]);
    expect((await checkJson(["tasks/**"], dir)).diagnostics.map((d) => d.file)).toEqual(["tasks/a.json", "tasks/c.dfsq", "tasks/deep/d.json"]);
  });

  it("reads each file once, and follows links to files but not to directories", async () => {
    const dir = project({ "tasks/a.json": TASK({ filters: ["rank", "~", 1] }) });
    symlinkSync(join(dir, "tasks", "a.json"), join(dir, "link.json"));
    symlinkSync(join(dir, "tasks"), join(dir, "tasks-link"));
    const r = await checkJson([".", "tasks", "tasks/a.json"], dir);
    expect(r.diagnostics.map((d) => d.file)).toEqual(["link.json", "tasks/a.json"]);
  });

  it("a path that does not exist, a glob that matches nothing, a file of another kind: usage errors (exit 2)", async () => {
    const dir = project({ "notes.txt": "x" });
    for (const [args, says] of [
      [["missing.json"], "missing.json: no such file or directory"],
      [["*.json"], "no .json, .jsonl, .dfsq files match *.json"],
      [["notes.txt"], "notes.txt: dfsq check reads .json, .jsonl, .dfsq files"],
    ] as const) {
      const r = await check(args, dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(says);
    }
  });
});

describe("dfsq check: exit status and --max-warnings", () => {
  const dir = project({ "w.dfsq": 'domain like "seo"\n', "w.json": TASK({ filters: ["domain", "like", "seo"] }) });

  it("warnings alone exit 0, unless there are more than --max-warnings", async () => {
    expect((await check([], dir)).status).toBe(0);
    expect((await check(["--max-warnings", "2"], dir)).status).toBe(0);
    const over = await check(["--max-warnings", "1"], dir);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain("2 warnings, more than --max-warnings 1");
    expect((await check(["--max-warnings", "0"], dir)).status).toBe(1);
  });

  it("a bad --max-warnings, --format or option is a usage error", async () => {
    for (const args of [["--max-warnings", "-1"], ["--max-warnings", "x"], ["--format", "sarf"], ["--fromat", "json"]]) {
      expect((await check(args, dir)).status).toBe(2);
    }
    expect((await check(["--format", "sarf"], dir)).stderr).toContain("did you mean sarif?");
    expect((await check(["--fromat", "json"], dir)).stderr).toContain("did you mean --format?");
  });
});

const job = (name: string) => ({ path: name, explicit: false, endpoint: undefined });

describe("dfsq check: threads", () => {
  it("several threads give the same report as one, in every format", () => {
    const files: Record<string, string> = {
      "dfsq.config.json": JSON.stringify({ endpoints: { "mapped/**": "backlinks/referring_domains" }, rules: { quoted_number: "error" } }),
      "bad.json": "{\n  \"filters\": [\"rank\", \">\", 1],\n}\n",
      "header.dfsq": "# endpont: backlinks/backlinks\nrank > 1 and domain like \"seo\"\n",
      "lines.jsonl": `${TASK({ filters: ["rank", "~", 1] })}\n${TASK({ filters: ["rank", ">", 5] })}\n`,
    };
    for (let i = 0; i < 12; i++) files[`mapped/${i}.json`] = JSON.stringify([{ target: "a.com", filters: ["referring_domain", ">", i] }, { target: "b.com", limt: i }], null, 2);
    const dir = project(files);
    // The binary runs in the tests' directory: the config is named.
    const args = ["check", dir, "--config", join(dir, "dfsq.config.json")];
    for (const format of ["json", "text", "github", "sarif"]) {
      const one = dfsq([...args, "--format", format, "--jobs", "1"]);
      const three = dfsq([...args, "--format", format, "--jobs", "3"]);
      expect(one.status).toBe(1);
      expect(three).toEqual(one);
      // invalid_json; unknown_header, like_without_wildcard; invalid_filter; per array, unknown_field and invalid_parameter
      expect(format !== "json" || JSON.parse(one.stdout).length === 1 + 2 + 1 + 12 * 2).toBe(true);
    }
  }, 60_000);

  it("--jobs takes a number of threads; without the built worker, one thread does it all", async () => {
    const dir = project({ "a.dfsq": "rank >", "b.dfsq": "rank > 1" });
    for (const bad of ["0", "-1", "x", "1.5"]) expect((await check(["--jobs", bad], dir)).status).toBe(2);
    const r = await checkJson(["--jobs", "2"], dir);
    expect(r.diagnostics.map((d) => [d.file, d.code])).toEqual([["a.dfsq", "unexpected_end"]]);
  });

  it("one thread unless asked, and never more threads than files", () => {
    expect(threadsFor([job("a.json"), job("b.json")], undefined)).toBe(1);
    expect(threadsFor([job("a.json"), job("b.json")], 8)).toBe(2);
    expect(threadsFor([], 8)).toBe(1);
  });
});

describe("dfsq check: the built binary", () => {
  it("runs from dist/cli.js with its bundled walker and JSON parser", () => {
    const dir = project({ ".gitignore": "ignored/\n", "ignored/x.json": TASK({ filters: ["rank", "~", 1] }), "t.json": '{\n  "filters": ["rank", "~", 1]\n}\n' });
    const r = dfsq(["check", dir, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const [only, ...rest] = JSON.parse(r.stdout) as { file: string; line: number; column: number; endLine: number; endColumn: number }[];
    expect(rest).toEqual([]);
    expect(only!.file.endsWith("/t.json")).toBe(true);
    expect(textAt(process.cwd(), only!)).toBe('"~"');
  });
});
