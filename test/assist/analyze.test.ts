import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/assist/analyze.js";
import { expectOnlyDfsqError } from "../helpers/errors.js";

const classes = (source: string, options = {}) => analyze(source, options).tokens.map((t) => t.class);

describe("analyze", () => {
  it("classifies every token for highlighting", () => {
    const source = 'rank > 10 and (domain like "%seo%" or first_seen > now - 7d) and x in [1, 2] @ 1.2.3';
    const a = analyze(source);
    expect(a.tokens.map((t) => [source.slice(t.from, t.to), t.class])).toEqual([
      ["rank", "field"],
      [">", "operator"],
      ["10", "number"],
      ["and", "keyword"],
      ["(", "punctuation"],
      ["domain", "field"],
      ["like", "keyword"],
      ['"%seo%"', "string"],
      ["or", "keyword"],
      ["first_seen", "field"],
      [">", "operator"],
      ["now", "time"],
      ["-", "operator"],
      ["7d", "time"],
      [")", "punctuation"],
      ["and", "keyword"],
      ["x", "field"],
      ["in", "keyword"],
      ["[", "punctuation"],
      ["1", "number"],
      [",", "punctuation"],
      ["2", "number"],
      ["]", "punctuation"],
      ["@", "error"],
      ["1.2.3", "error"],
    ]);
  });

  it("gives the value exactly when there are no errors", () => {
    const ok = analyze("rank > 10");
    expect(ok.value).toEqual(["rank", ">", 10]);
    expect(ok.ast?.kind).toBe("condition");
    const broken = analyze("rank > and b > 1");
    expect(broken.value).toBeUndefined();
    expect(broken.diagnostics.map((d) => d.code)).toEqual(["unexpected_token"]);
    // The parser resyncs at `and`: the AST keeps what it could read.
    expect(broken.ast).toMatchObject({ kind: "chain", op: "and", operands: [{ kind: "invalid" }, { kind: "condition", op: ">" }] });
  });

  it("checks against the endpoint and handles order-bys", () => {
    const a = analyze("rank desc, referring_links_tld.com", { mode: "orderBy", endpoint: "backlinks/referring_domains" });
    expect(a.mode).toBe("orderBy");
    expect(a.diagnostics.map((d) => d.code)).toEqual(["field_not_sortable"]);
    expect(a.tokens.map((t) => t.class)).toEqual(["field", "keyword", "punctuation", "field"]);
  });

  it("works on every prefix of a valid expression", () => {
    const source = 'referring_domains > 10 and (domain like "%seo%" or rank between 1 and 5) and first_seen > now - 30d';
    for (let i = 0; i <= source.length; i++) {
      const a = analyze(source.slice(0, i), { endpoint: "backlinks/referring_domains", now: 0 });
      for (const d of a.diagnostics) expect(d.span.end).toBeLessThanOrEqual(i);
      expect(a.tokens.every((t) => t.to <= i)).toBe(true);
    }
    expect(analyze(source, { endpoint: "backlinks/referring_domains" }).value).toBeDefined();
  });

  it("highlights input the compiler refuses to parse, but not input over the length cap", () => {
    // Options in error stop the compile before parsing; the text is still highlighted.
    const unknown = analyze("rank > 1", { endpoint: "backlinks/nope" });
    expect(unknown.diagnostics.map((d) => d.code)).toEqual(["unknown_endpoint"]);
    expect(classes("rank > 1", { endpoint: "backlinks/nope" })).toEqual(["field", "operator", "number"]);
    // Nesting over the cap (32) is not parsed, and still highlighted.
    const deep = `${"(".repeat(40)}a > 1${")".repeat(40)}`;
    expect(analyze(deep).diagnostics.map((d) => d.code)).toEqual(["nesting_too_deep"]);
    expect(classes(deep)).toHaveLength(83);
    // Over the length cap (16 KiB) nothing is scanned, whatever else is wrong.
    const long = "rank > 1 and ".repeat(2000);
    expect(analyze(long).diagnostics.map((d) => d.code)).toEqual(["input_too_long"]);
    expect(classes(long)).toEqual([]);
    expect(classes(long, { endpoint: "backlinks/nope" })).toEqual([]);
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom("filter" as const, "orderBy" as const), (s, mode) => {
        expectOnlyDfsqError(() => analyze(s, { mode, endpoint: "backlinks/referring_domains" }));
      }),
      { numRuns: 2000 },
    );
  });
});
