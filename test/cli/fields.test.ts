import { describe, expect, it } from "vitest";
import { judgeOperator } from "../../src/catalog/operators.js";
import { findEndpoint } from "../../src/catalog/resolve.js";
import type { FieldType } from "../../src/catalog/endpoints.js";
import type { Operator } from "../../src/syntax/ast.js";
import { dfsqInProcess } from "./in-process.js";

/** The rows of `dfsq fields` as objects keyed by the header's column names. */
function rows(stdout: string): Record<string, string>[] {
  const [header, , ...lines] = stdout.slice(0, stdout.indexOf("\n\n") === -1 ? undefined : stdout.indexOf("\n\n")).trimEnd().split("\n");
  const names = header!.split(/ {2,}/);
  return lines.map((line) => Object.fromEntries(line.split(/ {2,}/).map((cell, i) => [names[i]!, cell])));
}

const isDisputed = (endpoint: string, type: string, op: string) => {
  const spec = findEndpoint(endpoint)!;
  const kind = judgeOperator({ profile: spec.profile, endpoint: spec }, type as FieldType, op as Operator).kind;
  return kind === "conflict" || kind === "unverified";
};

describe("dfsq fields", () => {
  it.each(["backlinks/backlinks", "on_page/pages", "dataforseo_labs/google/ranked_keywords"])(
    "%s: marks with * exactly the operators DataForSEO's pages disagree on, and explains them under the table",
    async (endpoint) => {
      const r = await dfsqInProcess(["fields", endpoint]);
      expect(r.status).toBe(0);
      let marked = 0;
      for (const row of rows(r.stdout)) {
        for (const op of row.operators!.split(" ")) {
          const bare = op.replace(/\*$/, "");
          expect({ field: row.path, op, marked: op.endsWith("*") }).toEqual({ field: row.path, op, marked: isDisputed(endpoint, row.type!, bare) });
          if (op.endsWith("*")) marked++;
        }
      }
      expect(marked).toBeGreaterThan(0);
      expect(r.stdout).toContain("\n* disputed (accepted with a warning):\n");
    },
  );

  it("names each disputed reading once, with the type and operators it is about", async () => {
    const r = await dfsqInProcess(["fields", "backlinks/backlinks"]);
    const notes = r.stdout.slice(r.stdout.indexOf("* disputed")).split("\n").slice(1, -1);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^ {2}time <= >= = <> in not_in: /);
  });

  it("lists disputed operators in --json", async () => {
    const r = await dfsqInProcess(["fields", "backlinks/backlinks", "--json"]);
    const fields = JSON.parse(r.stdout) as { path: string; disputed: string[]; sortable?: boolean }[];
    expect(fields.find((f) => f.path === "first_seen")!.disputed).toEqual(["<=", ">=", "=", "<>", "in", "not_in"]);
    expect(fields.find((f) => f.path === "rank")).toMatchObject({ disputed: [], sortable: true });
  });

  it("shows the sortable column only for a parameter that order_by sorts by", async () => {
    const sorted = await dfsqInProcess(["fields", "backlinks/anchors"]);
    expect(Object.keys(rows(sorted.stdout)[0]!)).toContain("sortable");

    for (const argv of [
      ["fields", "backlinks/anchors", "--param", "backlinks_filters"],
      ["fields", "backlinks/summary", "--param", "backlinks_filters"],
      ["fields", "on_page/links"],
    ]) {
      const r = await dfsqInProcess(argv);
      expect(r.status).toBe(0);
      expect({ argv, columns: Object.keys(rows(r.stdout)[0]!) }).toEqual({ argv, columns: ["path", "type", "operators", "documented"] });
      const json = JSON.parse((await dfsqInProcess([...argv, "--json"])).stdout) as object[];
      expect({ argv, sortable: json.some((f) => "sortable" in f) }).toEqual({ argv, sortable: false });
    }
  });

  it("endpoints takes no arguments", async () => {
    expect((await dfsqInProcess(["endpoints", "backlinks/anchors"])).status).toBe(2);
  });
});
