import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { helpColumns, optionsHelp, parseCommandLine } from "../../src/cli/args.js";
import { UsageError } from "../../src/cli/io.js";
import { dfsq } from "../helpers/cli.js";
import { dfsqInProcess } from "./in-process.js";

const COMMANDS = [["compile"], ["print"], ["fields"], ["endpoints"], ["validate"], ["eval"], ["run"], ["catalog"], ["mcp"], ["lsp"]];

async function helpOf(argv: readonly string[]): Promise<string> {
  const r = await dfsqInProcess([...argv, "--help"]);
  expect(r.status).toBe(0);
  return r.stdout;
}

/** The lines of the section that starts with `title` and ends at the next blank line. */
function section(help: string, title: string): string[] {
  const lines = help.split("\n");
  const start = lines.indexOf(title);
  expect(lines).toContain(title);
  const end = lines.findIndex((line, i) => i > start && line === "");
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** The column where the text of each row (and each continuation line) starts. */
function textColumns(lines: readonly string[], row: RegExp): number[] {
  return lines.map((line) => {
    const m = row.exec(line);
    if (m !== null) return m[0].length - 1;
    return /^ +/.exec(line)![0].length;
  });
}

describe("help", () => {
  it.each(COMMANDS)("dfsq %s --help: every option's text starts at one column", async (command) => {
    const options = section(await helpOf([command]), "Options:");
    expect(options.length).toBeGreaterThan(1);
    const columns = textColumns(options, /^ {2}-\S.*?\S {2,}\S/);
    expect({ columns: new Set(columns).size, options }).toEqual({ columns: 1, options });
  });

  it("dfsq --help: the commands' summaries start at one column, and every command is listed", async () => {
    const help = (await dfsqInProcess(["--help"])).stdout;
    const commands = section(help, "Commands:");
    expect(new Set(textColumns(commands, /^ {2}\w+ {2,}\S/))).toHaveLength(1);
    expect(commands.map((line) => line.trim().split(" ")[0])).toEqual(COMMANDS.map(([c]) => c));
  });

  it("dfsq --help: each continued usage line starts under the first argument", async () => {
    const usage = section((await dfsqInProcess(["--help"])).stdout, "Usage:");
    let argumentColumn = 0;
    const misplaced: string[] = [];
    for (const line of usage) {
      const command = /^ {2}dfsq (catalog fetch|\S+) /.exec(line);
      if (command !== null) argumentColumn = command[0].length;
      else if (/^ +/.exec(line)![0].length !== argumentColumn) misplaced.push(line);
    }
    expect(misplaced).toEqual([]);
  });

  it("README's CLI synopsis is the usage of dfsq --help", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const cli = readme.slice(readme.indexOf("## CLI"));
    const block = /```\n([\s\S]*?)```/.exec(cli)![1]!.trimEnd();
    const usage = section((await dfsqInProcess(["--help"])).stdout, "Usage:").map((line) => line.slice(2));
    expect(block).toBe(usage.join("\n"));
  });

  it("the binary prints the same help", async () => {
    expect(dfsq(["--help"]).stdout).toBe((await dfsqInProcess(["--help"])).stdout);
  });

  it("helpColumns indents continuation lines under the text", () => {
    expect(helpColumns([["-a", "one\ntwo"], ["--longer", "three"]])).toBe("  -a        one\n            two\n  --longer  three");
    expect(optionsHelp({ x: { type: "string", short: "x", value: "<v>", help: "the x" } })).toBe("  -x, --x <v>  the x");
  });
});

describe("did you mean", () => {
  it("suggests the command closest to a misspelt one", async () => {
    const r = await dfsqInProcess(["complie", "rank > 1"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "complie"; did you mean compile?');
    expect((await dfsqInProcess(["valdiate"])).stderr).toContain("did you mean validate?");
    expect((await dfsqInProcess(["xyzzy"])).stderr).not.toContain("did you mean");
    expect((await dfsqInProcess(["catalog", "fetc", "backlinks"])).stderr).toContain('unknown sub-command "fetc"; did you mean fetch?');
  });

  it.each([
    [["compile", "rank > 1", "--ednpoint", "backlinks/anchors"], "--ednpoint", "--endpoint"],
    [["compile", "rank > 1", "--prety"], "--prety", "--pretty"],
    [["validate", "[]", "--endpiont", "x"], "--endpiont", "--endpoint"],
    [["eval", "--wehre", "rank > 1", "-"], "--wehre", "--where"],
    [["fields", "backlinks/anchors", "--jsno"], "--jsno", "--json"],
    [["run", "backlinks/anchors", "--traget", "x.com", "--dry-run"], "--traget", "--target"],
    [["run", "backlinks/anchors", "--target", "x.com", "--dryrun"], "--dryrun", "--dry-run"],
    [["catalog", "fetch", "backlinks", "--otu", "-"], "--otu", "--out"],
    [["print", "[]", "--order_by"], "--order_by", "--order-by"],
  ])("%j: %s → %s", async (argv, typed, meant) => {
    const r = await dfsqInProcess(argv);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`unknown option ${typed}; did you mean ${meant}?`);
  });

  it("names an unknown short option without a guess", () => {
    expect(() => parseCommandLine(["-x"], { endpoint: { type: "string", short: "e", help: "" } })).toThrow(new UsageError("unknown option -x"));
  });

  it("still reads known short options and values that start with a dash", () => {
    const { values, positionals } = parseCommandLine(["-e", "a", "--limit=-5", "--", "--not-an-option"], {
      endpoint: { type: "string", short: "e", help: "" },
      limit: { type: "string", help: "" },
    });
    expect(values).toEqual({ endpoint: "a", limit: "-5" });
    expect(positionals).toEqual(["--not-an-option"]);
  });
});
