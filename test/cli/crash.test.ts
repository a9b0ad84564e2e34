import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { describeCrash, EXIT_INTERNAL } from "../../src/cli/crash.js";
import { CLI } from "../helpers/cli.js";

/*
 * An error that escapes every command is a bug. The binary reports it as one readable line, not
 * the 40 KB minified source line or minified stack Node would print. Faults are injected with a
 * preloaded module (node --import), since no input should be able to cause one.
 */

const BIG_MESSAGE = "x".repeat(40_000);

/** Runs dist/cli.js with `preload` (module text) loaded first. */
function dfsqWithFault(preload: string, args: readonly string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(preload)}`, CLI, ...args], {
    input: "",
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
    timeout: 15_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writing the result throws an error of a class of its own with a 40 KB message. */
const THROW_ON_WRITE = `
class QuotaTrouble extends Error { name = "QuotaTrouble"; }
process.stdout.write = () => { throw new QuotaTrouble(${JSON.stringify(BIG_MESSAGE)}); };`;

describe("an internal error", () => {
  it("prints `Name: message` on one short line, a note to report it, and exits 70", () => {
    const r = dfsqWithFault(THROW_ON_WRITE, ["compile", "rank > 1"]);
    expect(r.status).toBe(EXIT_INTERNAL);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^dfsq: internal error: QuotaTrouble: x+… \(\d+ more characters\)$/);
    expect(lines[0]!.length).toBeLessThan(1000);
    expect(lines[1]).toContain("please report");
    expect(lines[1]).toContain("DFSQ_DEBUG=1");
    expect(r.stderr).not.toMatch(/\bat .*cli\.js|chunks\//);
  });

  it("prints the stack, mapped to the sources, with DFSQ_DEBUG=1", () => {
    const r = dfsqWithFault(THROW_ON_WRITE, ["compile", "rank > 1"], { DFSQ_DEBUG: "1" });
    expect(r.status).toBe(EXIT_INTERNAL);
    expect(r.stderr).toMatch(/^dfsq: internal error: QuotaTrouble: /);
    expect(r.stderr).toMatch(/\n {4}at .*src\/cli\/commands\/compile\.ts:\d+/);
  });

  it("is reported the same way when thrown outside any command, later", () => {
    const late = `process.stdout.write = () => { setImmediate(() => { throw new RangeError("late trouble"); }); return true; };`;
    const r = dfsqWithFault(late, ["compile", "rank > 1"]);
    expect(r.status).toBe(EXIT_INTERNAL);
    expect(r.stderr).toMatch(/^dfsq: internal error: RangeError: late trouble\n.*please report/);
  });

  it("describes thrown values that are not errors, and errors without a message", () => {
    expect(describeCrash("boom", false)).toMatch(/^dfsq: internal error: a thrown string: boom\n/);
    expect(describeCrash({ code: 7 }, false)).toMatch(/^dfsq: internal error: a thrown object: \{"code":7\}\n/);
    expect(describeCrash(null, false)).toMatch(/^dfsq: internal error: a thrown null: null\n/);
    const circular: { self?: unknown } = {};
    circular.self = circular;
    expect(describeCrash(circular, false)).toMatch(/^dfsq: internal error: a thrown object: \[object Object\]\n/);
    expect(describeCrash(new TypeError(""), false)).toMatch(/^dfsq: internal error: TypeError: \n/);
    expect(describeCrash(new Error("line one\nline two"), false)).toMatch(/^dfsq: internal error: Error: line one line two\n/);
  });

  it("includes causes with DFSQ_DEBUG", () => {
    const text = describeCrash(new Error("outer", { cause: new SyntaxError("inner") }), true);
    expect(text).toContain("caused by: SyntaxError: inner");
    expect(text).not.toContain("please report");
  });
});
