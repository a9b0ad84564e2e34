import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import AjvDraft04 from "ajv-draft-04";
import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty } from "../../src/cli/check/formats/github.js";
import { DIAGNOSTIC_SEVERITY, type DiagnosticCode } from "../../src/diagnostics/codes.js";
import { check, checkJson, project, PROJECT } from "../helpers/check.js";

/* `dfsq check --format text|json|github|sarif`, against the fixture project and made-up files. */

describe("--format text", () => {
  it("prints each problem at file:line:column with the source line and carets, then the totals", async () => {
    const r = await check([], PROJECT);
    expect(r.stdout).toMatchSnapshot();
    expect(r.stdout).toContain(" --> tasks/referring-domains.json:6:20 at [\"tasks\"][0][\"filters\"][0][0]\n");
    expect(r.stdout).toContain('6 |       "filters": [["referring_domain", ">", 10], "and", ["rank", ">", 100]],\n  |                    ^^^^^^^^^^^^^^^^^^\n');
  });

  it("paints only for a terminal or FORCE_COLOR, and never with NO_COLOR", async () => {
    expect((await check([], PROJECT)).stdout).not.toContain("\u001b[");
    expect((await check([], PROJECT, { FORCE_COLOR: "1" })).stdout).toContain("\u001b[31m");
    expect((await check([], PROJECT, { FORCE_COLOR: "1", NO_COLOR: "1" })).stdout).not.toContain("\u001b[");
  });
});

describe("--format json", () => {
  it("gives one object per diagnostic, every documented field present, one per line", async () => {
    const r = await check(["--format", "json"], PROJECT);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("[");
    expect(lines.at(-1)).toBe("]");
    const first = JSON.parse(lines[1]!.replace(/,$/, "")) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(["file", "line", "column", "endLine", "endColumn", "code", "severity", "message", "hint", "path", "fixes"]);
    expect(first).toMatchObject({ file: "config/reports.json", line: 6, column: 36, endLine: 6, endColumn: 42, code: "quoted_boolean", severity: "warning", path: ["reports", 0, "filters", 2], fixes: [] });
    expect(JSON.parse(r.stdout)).toHaveLength(7);
  });

  it("gives the quick fixes' edits as lines and columns of the file", async () => {
    const dir = project({ "a.dfsq": "# endpont: backlinks/backlinks\nrank > 1\n" });
    const r = await checkJson([], dir);
    expect(r.diagnostics).toEqual([
      {
        file: "a.dfsq",
        line: 1,
        column: 3,
        endLine: 1,
        endColumn: 10,
        code: "unknown_header",
        severity: "warning",
        message: expect.any(String),
        hint: "did you mean `endpoint`?",
        path: null,
        fixes: [{ title: "write # endpoint:", edits: [{ line: 1, column: 3, endLine: 1, endColumn: 10, insert: "endpoint" }] }],
      },
    ]);
  });

  it("is an empty array when there is nothing to say", async () => {
    const r = await check(["--format", "json"], project({ "t.dfsq": "rank > 1" }));
    expect(r).toMatchObject({ status: 0, stdout: "[]\n" });
  });
});

describe("--format github", () => {
  it("prints one workflow command per diagnostic, with the location as properties", async () => {
    const r = await check(["--format", "github"], PROJECT);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe(
      "::error file=tasks/referring-domains.json,line=13,col=7,endLine=13,endColumn=17,title=dfsq invalid_parameter::`limt` is not a parameter of `backlinks/referring_domains`%0Ahint: did you mean `limit`?",
    );
    expect(lines[0]).toMatch(/^::warning file=config\/reports\.json,line=6,col=36,endLine=6,endColumn=42,title=dfsq quoted_boolean::/);
  });

  it("escapes %, CR and LF in messages, and also : and , in properties", () => {
    expect(escapeData("50% off\r\nnext: a, b")).toBe("50%25 off%0D%0Anext: a, b");
    expect(escapeProperty("dir,1/a:b%.json\n")).toBe("dir%2C1/a%3Ab%25.json%0A");
  });

  it("escapes a file name that holds , and : and a message that holds %", async () => {
    const dir = project({ "a,b:c.dfsq": "# endpoint: backlinks/backlinks\n`rank%` > 1\n" });
    const r = await check(["--format", "github"], dir);
    expect(r.stdout).toBe(
      "::warning file=a%2Cb%3Ac.dfsq,line=2,col=1,endLine=2,endColumn=8,title=dfsq unknown_field::`rank%25` is not a field of `backlinks/backlinks` (its catalog is derived from response schemas and may be incomplete)%0Ahint: did you mean `rank`?\n",
    );
  });
});

describe("--format sarif", () => {
  const require = createRequire(import.meta.url);
  // The SARIF 2.1.0 schema as @microsoft/jest-sarif ships it (a draft-04 schema).
  const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as object;
  // unicodeRegExp off: the schema's pattern for `language` has a stray `]` that only non-unicode
  // regular expressions accept.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat("uri", (text: string) => URL.canParse(text));
  ajv.addFormat("uri-reference", (text: string) => URL.canParse(text, "file:///base/"));
  ajv.addFormat("date-time", (text: string) => !Number.isNaN(Date.parse(text)));
  const validate = ajv.compile(schema);

  const sarif = async (args: readonly string[], cwd: string): Promise<Sarif.Log> => {
    const r = await check(["--format", "sarif", ...args], cwd);
    const log = JSON.parse(r.stdout) as Sarif.Log;
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    return log;
  };

  it("is a valid SARIF 2.1.0 log: a rule for each code that appears, a result with a region for each diagnostic", async () => {
    const log = await sarif([], PROJECT);
    const json = (await checkJson([], PROJECT)).diagnostics;
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual([...new Set(json.map((d) => d.code))].toSorted());
    for (const rule of rules) expect(rule.defaultConfiguration?.level).toBe(DIAGNOSTIC_SEVERITY[rule.id as DiagnosticCode]);
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: `${pathToFileURL(PROJECT).href}/` } });
    expect(
      run.results!.map((r) => {
        const location = r.locations![0]!.physicalLocation!;
        return [r.ruleId, rules[r.ruleIndex!]!.id, r.level, location.artifactLocation!.uri, location.region];
      }),
    ).toEqual(
      json.map((d) => [d.code, d.code, d.severity, d.file, { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn }]),
    );
  });

  it("carries quick fixes, percent-encodes file names, and is valid with no results", async () => {
    const dir = project({ "my filters/a b.dfsq": "# endpont: backlinks/backlinks\nrank > 1\n" });
    const log = await sarif([], dir);
    const [result] = log.runs[0]!.results!;
    expect(result!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: "my%20filters/a%20b.dfsq", uriBaseId: "%SRCROOT%" });
    expect(result!.fixes).toEqual([
      {
        description: { text: "write # endpoint:" },
        artifactChanges: [
          {
            artifactLocation: { uri: "my%20filters/a%20b.dfsq", uriBaseId: "%SRCROOT%" },
            replacements: [{ deletedRegion: { startLine: 1, startColumn: 3, endLine: 1, endColumn: 10 }, insertedContent: { text: "endpoint" } }],
          },
        ],
      },
    ]);
    const empty = await sarif([], project({ "ok.dfsq": "rank > 1" }));
    expect(empty.runs[0]!.results).toEqual([]);
    expect(empty.runs[0]!.tool.driver.rules).toEqual([]);
  });

  it("the schema check catches a broken log (it is not vacuous)", () => {
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: { name: "dfsq" } }, results: [{ message: { text: "x" }, level: "fatal" }] }] })).toBe(false);
  });
});

describe("JSON positions", () => {
  it("the text under a JSON report's range is the file's, across CRLF line ends", async () => {
    const dir = project({ "crlf.json": '{\r\n  "target": "x.com",\r\n  "filters": ["rank", "~", 1]\r\n}\r\n' });
    const [d] = (await checkJson([], dir)).diagnostics;
    expect(d).toMatchObject({ line: 3, column: 23, endLine: 3, endColumn: 26 });
    expect(readFileSync(join(dir, "crlf.json"), "utf8").split("\r\n")[2]!.slice(22, 25)).toBe('"~"');
  });
});
