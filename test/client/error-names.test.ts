import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import * as source from "../../src/client/index.js";
import { describeValue } from "../../src/values/guarded.js";
import { dfsqError } from "../helpers/errors.js";

/*
 * Error classes carry their own names, in the sources and in the minified bundles (test/global-setup.ts
 * builds dist/ first): util.inspect prints `NetworkError: …`, not `G [NetworkError]: …`.
 */

type Entry = Record<string, unknown>;
const ENTRIES = ["index", "client", "validate", "eval"] as const;

/** The error classes an entry exports, by export name. */
const errorClasses = (entry: Entry) =>
  Object.entries(entry).filter((e): e is [string, abstract new (...args: never[]) => Error] => typeof e[1] === "function" && e[1].prototype instanceof Error);

const CALL = { method: "GET", url: "https://api.dataforseo.com/v3/x" } as const;

/** One instance of each client error class, made with the given module's classes. */
function instances(m: typeof source): Error[] {
  return [
    new m.ApiError({ statusCode: 40501, statusMessage: "Invalid Field." }, CALL, false),
    new m.HttpError({ status: 500, statusText: "Internal Server Error" }, CALL, true),
    new m.TimeoutError(100, CALL, true),
    new m.NetworkError("socket hang up", "ECONNRESET", CALL, true),
    new m.ResponseError("malformed_json", "the body is not JSON", [], CALL),
    new m.TaskError("backlinks/summary", []),
    new m.DfsqError([]),
  ];
}

describe("error names", () => {
  it.each(ENTRIES)("every error class dist/%s.js exports is named as exported", async (name) => {
    const entry = (await import(`../../dist/${name}.js`)) as Entry;
    const classes = errorClasses(entry);
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.map(([, cls]) => cls.name)).toEqual(classes.map(([exported]) => exported));
  });

  it.each([
    ["the sources", () => Promise.resolve(source)],
    ["dist/client.js", () => import(`../../dist/${"client"}.js`) as Promise<typeof source>],
  ])("in %s, each instance is named as its class, and util.inspect shows that name alone", async (_where, load) => {
    for (const error of instances(await load())) {
      expect(error.name).toBe(error.constructor.name);
      const head = inspect(error).split("\n")[0]!;
      expect(head).toMatch(new RegExp(`^${error.name}: `));
      expect(head).not.toContain("[");
      expect(error.stack!.startsWith(`${error.name}: `)).toBe(true);
    }
  });

  it("a DfsqError thrown by the bundled compiler inspects as DfsqError", async () => {
    const built = (await import("../../dist/index.js")) as unknown as typeof import("../../src/index.js");
    const error = (() => {
      try {
        built.compileFilter("rank >");
      } catch (e) {
        return e;
      }
    })();
    expect(inspect(error).split("\n")[0]).toMatch(/^DfsqError: expected/);
  });
});

describe("values in messages", () => {
  it.each([
    [undefined, "nothing"],
    [null, "null"],
    [5, "the number 5"],
    [Number.NaN, "the number NaN"],
    [true, "the boolean true"],
    [10n, "the bigint 10n"],
    [Symbol("s"), "a symbol"],
    [() => "source code", "a function"],
    [[1, 2], "an array of 2"],
    [{}, "an object"],
    ["x", 'the string "x"'],
  ])("%s reads as %s", (value, words) => {
    expect(describeValue(value)).toBe(words);
  });

  it("no task message reads 'undefined undefined' or shows a function's source", () => {
    for (const value of [() => "source code", Symbol("s"), 10n]) {
      for (const field of ["target", "limit", "where", "filters", "mode"]) {
        const error = dfsqError(() => source.prepareTask("backlinks/backlinks", { target: "x.com", [field]: value } as never));
        for (const d of error.diagnostics) expect(d.message).not.toMatch(/undefined undefined|source code/);
      }
    }
  });

  it("an endpoint that is not a string: DfsqError unknown_endpoint, not a TypeError", () => {
    for (const endpoint of [undefined, 5, null, {}]) {
      const error = dfsqError(() => source.prepareTask(endpoint as never, { target: "x.com" }));
      expect(error.diagnostics.map((d) => d.code)).toEqual(["unknown_endpoint"]);
      expect(error.message).not.toContain("undefined undefined");
    }
  });
});
