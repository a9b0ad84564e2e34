import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFilter } from "../../src/compile.js";
import { evaluateFilter } from "../../src/eval/evaluate.js";
import { expectDiagnostics } from "../helpers/diagnostics.js";

const NOW = "2024-06-15T00:00:00Z";

describe("contradictions", () => {
  it.each([
    ["rank > 10 and rank < 5", "rank < 5"],
    ["x = 1 and x = 2", "x = 2"],
    ["x = 1 and x <> 1", "x <> 1"],
    ["x in (1, 2) and x = 3", "x = 3"],
    ["x in (1, 2) and x not in (2, 1)", "x not in (2, 1)"],
    ["x = true and not x", "x"],
    ["rank between 5 and 1", "rank between 5 and 1"],
    ["rank >= 5 and rank <= 5 and rank <> 5", "rank <> 5"],
    ["rank > 5 and rank <= 5", "rank <= 5"],
    ["first_seen > 2024-02-01 and first_seen < 2024-01-01", "first_seen < 2024-01-01"],
    ["first_seen > now and first_seen < now - 7d", "first_seen < now - 7d"],
    // What is sent: not pushes through the or, leaving an and of two impossible bounds.
    ["not (rank <= 10 or rank >= 5)", "rank >= 5"],
    ['a = "x" and (b = 1 and a = "y")', 'a = "y"'],
  ])("%s", (source, at) => {
    const [d] = expectDiagnostics(source, [["contradiction", at]], { now: NOW });
    expect(d?.severity).toBe("warning");
  });

  it.each([
    "rank >= 5 and rank <= 5",
    "rank > 1 and (rank < 0 or b)",
    "rank > 1 or rank < 0",
    'x = "a" and x = "A"',
    'x = 10 and x = "10"',
    "x = 1 and y = 2",
    'x like "%a%" and x like "%b%"',
    "x = null and x = 1",
    "x > 1 and x < 2024-01-01",
  ])("not for %s", (source) => {
    expect(checkFilter(source, { now: NOW }).diagnostics.map((d) => d.code)).not.toContain("contradiction");
  });

  it("names the conditions that cannot hold together", () => {
    const [d] = expectDiagnostics("rank > 10 and rank < 5", [["contradiction", "rank < 5"]]);
    expect(d?.message).toContain("`rank > 10` and `rank < 5`");
  });

  it("is reported once per field and chain", () => {
    expectDiagnostics("x = 1 and x = 2 and x = 3", [["contradiction", "x = 2"]]);
  });

  // Up to 32 conditions compare their fields pairwise; longer chains sort them.
  it.each([8, 32, 33, 200])("finds a repeated field in a chain of %i conditions, whatever its place", (n) => {
    const options = { maxConditions: Infinity, now: NOW };
    const others = Array.from({ length: n - 2 }, (_, i) => `f${i} > ${i}`);
    for (const [first, second] of [[0, n - 2], [n - 3, n - 2], [Math.floor(n / 2), Math.floor(n / 2) + 1]] as const) {
      const parts = [...others];
      parts.splice(second, 0, "rank < 5");
      parts.splice(first, 0, "rank > 10");
      expectDiagnostics(parts.join(" and "), [["contradiction", "rank < 5"]], options);
    }
    expect(checkFilter([...others, "rank > 10", "g < 5"].join(" and "), options).diagnostics).toEqual([]);
  });

  it("reports raw arrays at their JSON path", async () => {
    const { validateFilter } = await import("../../src/validate/validate.js");
    const r = validateFilter([["x", "=", 1], "and", ["x", "=", 2]]);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([["contradiction", [2]]]);
  });
});

describe("a reported contradiction is sound: no item matches", () => {
  const field = fc.constantFrom("x", "y");
  const value = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constantFrom('"a"', '"b"', '"A"'));
  const condition = fc.oneof(
    fc.tuple(field, fc.constantFrom("=", "<>", "<", "<=", ">", ">="), fc.integer({ min: -2, max: 2 })).map(([f, op, v]) => `${f} ${op} ${v}`),
    fc.tuple(field, fc.constantFrom("=", "<>"), value).map(([f, op, v]) => `${f} ${op} ${v}`),
    fc.tuple(field, fc.constantFrom("in", "not in"), fc.array(value, { minLength: 1, maxLength: 3 })).map(([f, op, vs]) => `${f} ${op} (${vs.join(", ")})`),
  );
  const filter = fc.array(condition, { minLength: 2, maxLength: 5 }).map((cs) => cs.join(" and "));
  const item = fc.record({ x: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom("a", "b", "A")), y: fc.integer({ min: -3, max: 3 }) });

  it("for generated and-chains over two fields", () => {
    fc.assert(
      fc.property(filter, fc.array(item, { minLength: 20, maxLength: 20 }), (source, items) => {
        const r = checkFilter(source, { maxConditions: 100 });
        const contradictory = r.diagnostics.some((d) => d.code === "contradiction");
        const matches = r.ok ? items.filter((i) => evaluateFilter(r.value!, i)).length : 0;
        expect(contradictory ? matches : 0).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
});
