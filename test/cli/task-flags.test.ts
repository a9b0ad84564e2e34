import { describe, expect, it } from "vitest";
import { prepareTask } from "../../src/task/prepare-task.js";
import { TaskError } from "../../src/task/task-error.js";
import { EXIT } from "../../src/cli/io.js";
import { cliProblems, flagOf, taskExitStatus } from "../../src/cli/task-flags.js";

function problemsOf(endpoint: string, task: Record<string, unknown>) {
  try {
    prepareTask(endpoint, task);
  } catch (e) {
    if (e instanceof TaskError) return e.problems;
    throw e;
  }
  throw new Error("expected a TaskError");
}

describe("task fields as the command line spells them", () => {
  it.each([
    ["where", [], "--where"],
    ["backlinksWhere", [], "--backlinks-where"],
    ["orderBy", [], "--order-by"],
    ["limit", [], "--limit"],
    ["limit", ["limit"], "--param limit=…"],
    ["custom_mode.value", ["custom_mode"], "--param custom_mode=…"],
    ["rank_scale", ["rank_scale"], "--param rank_scale=…"],
    ["filters", ["filters"], "--param filters=…"],
    ["catalog", [], "--catalog"],
    ["task", [], "the task"],
  ])("%s (--param %j) → %s", (field, params, flag) => {
    expect(flagOf(field, new Set(params))).toBe(flag);
  });

  it("tells an unknown parameter (2) from a bad value (1)", () => {
    const endpoint = "backlinks/referring_domains";
    expect(taskExitStatus(problemsOf(endpoint, { target: "x.com", limt: 5 }), endpoint)).toBe(EXIT.usage);
    expect(taskExitStatus(problemsOf(endpoint, { target: "x.com", limit: 5000 }), endpoint)).toBe(EXIT.compileError);
    expect(taskExitStatus(problemsOf(endpoint, { target: "x.com", where: "rank >" }), endpoint)).toBe(EXIT.compileError);
    expect(taskExitStatus(problemsOf("backlinks/summary", { target: "x.com", orderBy: "rank" }), "backlinks/summary")).toBe(EXIT.usage);
  });

  it("leaves no library name in a problem's label or option", () => {
    const problems = cliProblems(problemsOf("backlinks/summary", { target: "x.com", where: "rank > 1", orderBy: "rank" }), "backlinks/summary", new Set());
    expect(problems.map((p) => p.field)).toEqual(["--where", "--order-by"]);
    expect(problems.flatMap((p) => p.diagnostics.map((d) => d.option))).toEqual(["--where", "--order-by"]);
  });
});
