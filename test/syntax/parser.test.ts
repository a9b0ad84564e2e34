import { EmbeddedActionsParser, type IRecognitionException } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/syntax/lexer.js";
import { DfsqParser } from "../../src/syntax/parser.js";
import { dumpFollows, dumpRule, restoreRule } from "../../src/syntax/recorded-grammar.js";
import { tokenTypesByName } from "../../src/syntax/tokens.js";
import { edited } from "../arbitraries/edits.js";

/*
 * DfsqParser ends Chevrotain's grammar recording its own way (see `disableRecording` in
 * src/syntax/parser.ts): the instance must keep no recording method, and parse exactly as a parser
 * that ended recording Chevrotain's way, on valid input and through error recovery.
 */

type Methods = Record<string, unknown>;

/** A DfsqParser that records the grammar and ends recording with Chevrotain's own methods. */
class StockParser extends DfsqParser {
  constructor() {
    super({ record: true });
  }

  override disableRecording(): void {
    (EmbeddedActionsParser.prototype as unknown as { disableRecording(this: unknown): void }).disableRecording.call(this);
  }
}

/** A property's value for comparison: rules by name (they are per instance), other functions as
 * themselves, data by type. */
const shapeOf = (value: unknown) =>
  typeof value === "function" ? ("ruleName" in value ? `rule ${String(value.ruleName)}` : value) : typeof value;

/** The follow sets error recovery resyncs to (Chevrotain's resyncFollows), by token name. */
const followsOf = (parser: DfsqParser) =>
  dumpFollows((parser as unknown as { resyncFollows: Parameters<typeof dumpFollows>[0] }).resyncFollows);

const ours = new DfsqParser();
const stock = new StockParser();
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
  it("keeps no recording method, and Chevrotain's own settings on the instance", () => {
    const self = ours as unknown as Methods;
    const theirs = stock as unknown as Methods;
    const proto = Object.getPrototypeOf(ours) as Methods;
    const added = Object.keys(self).filter((key) => !Object.hasOwn(theirs, key));
    // What recording left behind is the prototype's own method under the same name.
    expect(added).toEqual(expect.arrayContaining(["CONSUME", "SUBRULE2", "OR", "MANY", "LA", "ACTION"]));
    expect(added.filter((key) => self[key] !== proto[key])).toEqual([]);
    // Everything else is as Chevrotain left it (rules are per instance, so compared by name).
    for (const key of Object.keys(theirs)) expect({ key, value: shapeOf(self[key]) }).toEqual({ key, value: shapeOf(theirs[key]) });
    expect(ours.RECORDING_PHASE).toBe(false);
  });

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

  it("recovers with the follow sets a recording's analysis works out", () => {
    expect(Object.keys(followsOf(recording)).length).toBeGreaterThan(10);
    expect(followsOf(ours)).toEqual(followsOf(recording));
    expect((ours as unknown as { recoveryEnabled: boolean }).recoveryEnabled).toBe(true);
  });

  it("parses as a parser that recorded its grammar and ended recording Chevrotain's way, errors and recovery included", () => {
    const input = edited(fc.constantFrom(...VALID), fc.constantFrom(...PIECES), { minEdits: 0, maxEdits: 5, maxDelete: 3 });
    let withErrors = 0;
    fc.assert(
      fc.property(input, (source) => {
        const expected = run(stock, source);
        expect(run(ours, source)).toEqual(expected);
        if (expected.errors.length > 0) withErrors++;
      }),
      { numRuns: 1500 },
    );
    expect(withErrors).toBeGreaterThan(300);
  });
});
