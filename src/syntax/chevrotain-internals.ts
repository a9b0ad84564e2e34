import {
  Alternation,
  Alternative,
  EmbeddedActionsParser,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Rule,
  Terminal,
  type IParserConfig,
  type IProduction,
  type TokenType,
} from "chevrotain";
import type { Decisions } from "./ll1-lookahead.js";

/*
 * Everything dfsq takes from Chevrotain beyond its public API, in one place. Checked against
 * Chevrotain 11.2.0: test/syntax/chevrotain-internals.test.ts fails on any other version and pins
 * each internal listed here, and test/syntax/parser.test.ts checks that the parser parses exactly
 * as one that recorded its grammar (valid input, errors and recovery). Each stays for the gain
 * measured by `node scripts/tsrun.mjs bench/chevrotain-internals.ts` (fresh processes,
 * interleaved, medians; bench/HISTORY.md has the runs), against a cold start of ~56 ms over bare
 * Node (import + first compile, docs/performance.md); what bought less than 3 % of it went.
 *
 * 1. The recording hook `topLevelRuleRecord(name, impl)`, which `performSelfAnalysis` calls once
 *    per rule, and the GAST node fields (`_definition` behind the public `definition`,
 *    `terminalType`, `separator`; `referencedRule`, set later by Chevrotain's resolver): a rule is
 *    rebuilt from grammar.generated.ts instead of recorded by running it. Building the parser
 *    and its first parse: 2.5–5.4 ms less across runs (4–10 % of the cold start).
 *
 * At build time (scripts/esbuild-plugins.mjs), for the bundles of dist/:
 *
 * 2. Chevrotain's Lexer module (`lib/src/scan/lexer_public.js`) is replaced by a stub with the two
 *    names Chevrotain imports from it (`Lexer.NA` is all the grammar recorder reads): dfsq scans
 *    with its own lexer. The browser bundle of compileFilter: 70.9 KB gzipped, 81.1 with the
 *    Lexer (−10.2 KB, 13 %).
 * 3. lodash-es, inside Chevrotain only, is replaced by scripts/shims/lodash-es.mjs (the functions
 *    Chevrotain 11 calls; Chevrotain 12 dropped lodash, Node 20 keeps dfsq on 11): −10.3 KB
 *    gzipped, and −8 ms of a cold start (14 %). Every test runs on it (test/global-setup.ts).
 * 4. Three more of Chevrotain's modules are stubs that throw if called (CHEVROTAIN_STUBS there):
 *    the grammar checks (`skipValidations`), the CST visitors (no CST is built) and the grammar
 *    recorder (its four methods that the parser's constructor calls are no-ops; every rule comes
 *    from grammar.generated.ts, which test/syntax/generated.test.ts keeps current, so a rule is
 *    never recorded in dist/). The browser bundle of compileFilter: 61.1 → 58.3 KB gzipped
 *    (−2.9 KB, 5 %). Cold start: no change (import + first compile of dist/, paired fresh
 *    processes: 57.2 against 56.4 ms over bare Node, within noise; the import is 2.5 ms shorter
 *    without the recorder's method swapping, the first compile as much longer). The pin test checks that each stub exports what
 *    Chevrotain imports from the module and that the recorder's other methods are reached only
 *    from inside it.
 *
 * Gone, for buying nothing measurable: the follow sets of error recovery read from the same file
 * (Chevrotain's `resyncFollows` and `recoveryEnabled`: 7.00 against 7.33 ms over 151 paired
 * runs, within the 7.00–7.36 ms of the same build twice), and ending recording by pointing the
 * recording methods back at the prototype's instead of letting Chevrotain delete them (no
 * difference once rules are rebuilt, since Chevrotain's recording methods are then never run;
 * it bought 4.9 ms while every start recorded the rules).
 *
 * The parser's rules (parser.ts) use the public API only, and so does their lookahead strategy
 * (ll1-lookahead.ts, an `ILookaheadStrategy`: 2.1–5.6 ms less than Chevrotain's
 * LLkLookaheadStrategy to build the parser and parse once).
 */

/** What grammar.generated.ts holds: the rules and the lookahead decisions (ll1-lookahead.ts). */
export interface RecordedGrammar {
  readonly rules: Readonly<Record<string, RecordedNode>>;
  readonly decisions: Decisions;
}

/** One GAST node: its class and its fields. */
export interface RecordedNode {
  readonly type: string;
  readonly [field: string]: unknown;
}

const CLASSES = {
  Rule,
  Alternation,
  Alternative,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Terminal,
} as const;

type ClassName = keyof typeof CLASSES;

const classNameOf = (node: IProduction): ClassName => {
  for (const name of Object.keys(CLASSES) as ClassName[]) {
    if (Object.getPrototypeOf(node) === CLASSES[name].prototype) return name;
  }
  throw new Error(`dfsq: unknown grammar node ${String((node as object).constructor?.name)}`);
};

/** Where a production keeps its children (behind its `definition` accessor). */
const CHILDREN = "_definition";
const TOKEN_FIELDS = new Set(["terminalType", "separator"]);
/** Set by Chevrotain when it resolves the grammar, after recording. */
const RESOLVED_FIELDS = new Set(["referencedRule"]);

/** A recorded rule as data. */
export function dumpRule(rule: Rule): RecordedNode {
  return dump(rule);
}

function dump(node: IProduction): RecordedNode {
  const out: Record<string, unknown> = { type: classNameOf(node) };
  for (const [field, value] of Object.entries(node)) {
    if (RESOLVED_FIELDS.has(field)) continue;
    if (field === CHILDREN) out[field] = (value as IProduction[]).map(dump);
    else if (TOKEN_FIELDS.has(field)) out[field] = { token: (value as TokenType).name };
    else out[field] = value;
  }
  return out as RecordedNode;
}

/** Rebuilds a recorded rule, with the token types of `tokens` (by name); undefined if the file
 * names a token or a node class that is gone (the rule is then recorded, as if the file lacked it). */
export function restoreRule(data: RecordedNode, tokens: ReadonlyMap<string, TokenType>): Rule | undefined {
  try {
    return restore(data, tokens) as Rule;
  } catch (error) {
    if (error instanceof StaleRecording) return undefined;
    throw error;
  }
}

class StaleRecording extends Error {}

function restore(data: RecordedNode, tokens: ReadonlyMap<string, TokenType>): IProduction {
  const type = CLASSES[data.type as ClassName] as (typeof CLASSES)[ClassName] | undefined;
  if (type === undefined) throw new StaleRecording(`no grammar node class ${data.type}`);
  const node = Object.create(type.prototype) as Record<string, unknown>;
  for (const [field, value] of Object.entries(data)) {
    if (field === "type") continue;
    if (field === CHILDREN) node[field] = (value as RecordedNode[]).map((child) => restore(child, tokens));
    else if (TOKEN_FIELDS.has(field)) {
      const name = (value as { token: string }).token;
      const token = tokens.get(name);
      if (token === undefined) throw new StaleRecording(`no token type ${name}`);
      node[field] = token;
    } else node[field] = value;
  }
  return node as unknown as IProduction;
}

/** Chevrotain's recording hook, which PrerecordedParser overrides (not in its typings). */
const chevrotainHooks = EmbeddedActionsParser.prototype as unknown as {
  topLevelRuleRecord(this: PrerecordedParser, name: string, impl: (...args: unknown[]) => unknown): Rule;
};

/**
 * An EmbeddedActionsParser whose `performSelfAnalysis` rebuilds its rules from a recording of its
 * grammar instead of running them (1 above). A subclass declares its rules and calls
 * `performSelfAnalysis()` as any Chevrotain parser does. Without a recording (the generator, and
 * the tests that check the file) it records as Chevrotain does; a rule the recording lacks, or
 * that names a token or node class that is gone, is recorded too.
 */
export abstract class PrerecordedParser extends EmbeddedActionsParser {
  readonly #recording: RecordedGrammar | undefined;
  readonly #tokens: ReadonlyMap<string, TokenType>;

  constructor(
    tokens: TokenType[],
    config: IParserConfig,
    recording: RecordedGrammar | undefined,
    tokensByName: ReadonlyMap<string, TokenType>,
  ) {
    super(tokens, config);
    this.#recording = recording;
    this.#tokens = tokensByName;
  }

  /** Chevrotain's hook that records one rule, called once per rule by performSelfAnalysis. */
  topLevelRuleRecord(name: string, impl: (...args: unknown[]) => unknown): Rule {
    const recorded = this.#recording?.rules[name];
    const rule = recorded === undefined ? undefined : restoreRule(recorded, this.#tokens);
    return rule ?? chevrotainHooks.topLevelRuleRecord.call(this, name, impl);
  }
}
