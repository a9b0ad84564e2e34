import type { IRecognitionException } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/syntax/lexer.js";
import { DfsqParser } from "../../src/syntax/parser.js";
import { dumpRule, restoreRule } from "../../src/syntax/chevrotain-internals.js";
import { tokenTypesByName } from "../../src/syntax/tokens.js";
import { edited } from "../arbitraries/edits.js";

/*
 * DfsqParser starts from grammar.generated.ts instead of recording its rules (see
 * src/syntax/chevrotain-internals.ts): it must have the very grammar a recording gives and parse
 * exactly as a parser that recorded it, on valid input and through error recovery.
 */

const ours = new DfsqParser();
const recording = new DfsqParser({ record: true });

function run(parser: DfsqParser, source: string): { ast: unknown; errors: unknown[] } {
  parser.input = scan(source).tokens;
  const ast = parser.filter();
  const errors = parser.errors.map((e: IRecognitionException) => [e.name, e.message, e.token.startOffset, e.context.ruleStack]);
  parser.input = [];
  return { ast, errors };
}

const VALID = [
  'referring_domains > 10 and first_seen > 2024-01-01 and domain in ("a.com", "b.org") and (domain like "%seo%" or rank > 200)',
  "f between now - 7d and today and not (g in [1, 2] or h is not null)",
  '`odd name` not in ["a", \'b\'] || !x && y ~ "^a" and z not between 1 and -2 and w has_not "q"',
];
const PIECES = [..."()[]\",-=<>!~ ", "and", "or", "not", "in", "between", "is", "null", "now", "7d", "x", "1"];

describe("DfsqParser after self-analysis", () => {
  it("starts from grammar.generated.ts with the very grammar a recording gives, field for field", () => {
    const rebuilt = ours.getGAstProductions();
    const recorded = recording.getGAstProductions();
    expect(Object.keys(rebuilt)).toEqual(Object.keys(recorded));
    for (const name of Object.keys(recorded)) expect(dumpRule(rebuilt[name]!)).toEqual(dumpRule(recorded[name]!));
    expect(ours.getSerializedGastProductions()).toEqual(recording.getSerializedGastProductions());
  });

  it("records a rule again where grammar.generated.ts names a token or node class that is gone", () => {
    const rule = { type: "Rule", name: "r", orgText: "", _definition: [{ type: "Terminal", idx: 0, terminalType: { token: "NoSuchToken" } }] };
    expect(restoreRule(rule, tokenTypesByName())).toBeUndefined();
    expect(restoreRule({ ...rule, _definition: [{ type: "NoSuchNode", _definition: [] }] }, tokenTypesByName())).toBeUndefined();
    const fine = { ...rule, _definition: [{ type: "Terminal", idx: 0, terminalType: { token: "Comma" } }] };
    expect(dumpRule(restoreRule(fine, tokenTypesByName())!)).toEqual(fine);
  });

  it("parses as a parser that recorded its grammar, errors and recovery included", () => {
    const input = edited(fc.constantFrom(...VALID), fc.constantFrom(...PIECES), { minEdits: 0, maxEdits: 5, maxDelete: 3 });
    let withErrors = 0;
    fc.assert(
      fc.property(input, (source) => {
        const expected = run(recording, source);
        expect(run(ours, source)).toEqual(expected);
        if (expected.errors.length > 0) withErrors++;
      }),
      { numRuns: 1500 },
    );
    expect(withErrors).toBeGreaterThan(300);
  });
});
