import {
  Alternation,
  Alternative,
  LLkLookaheadStrategy,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Rule,
  Terminal,
  type ILookaheadStrategy,
  type ILookaheadValidationError,
  type IProduction,
  type IToken,
  type OptionalProductionType,
  type TokenType,
} from "chevrotain";

/*
 * Lookahead from FIRST sets, for an LL(1) grammar. Chevrotain's LLkLookaheadStrategy computes the
 * same decisions through its general LL(k) path machinery; on a cold start (the CLI, a page load)
 * that analysis was a third of the first compile, run once and never again (today building the
 * parser and its first parse take 2.1–5.6 ms less with this strategy, 4–10 % of a cold start:
 * bench/chevrotain-internals.ts). For k = 1 a choice
 * only needs the tokens each alternative can begin with, which one walk of the grammar gives.
 *
 * Anything outside what this covers (an alternative or a repetition that can match nothing, gates,
 * lookahead above 1) goes to Chevrotain's strategy, so decisions never differ:
 * test/syntax/ll1-lookahead.test.ts compares every decision with Chevrotain's for every token.
 */

interface First {
  /** tokenTypeIdx of every token the production can begin with (categories expanded). */
  readonly tokens: ReadonlySet<number>;
  /** The production can match no tokens at all. */
  readonly nullable: boolean;
}

/** What a lookahead function sees as `this`: the parser. */
interface Lookahead {
  LA(n: number): IToken;
}

type Kind = OptionalProductionType | "Alternation";
/** The GAST classes that hold other productions and an occurrence number. */
type Container = IProduction & { readonly idx: number; readonly definition: IProduction[] };

const KINDS: ReadonlyArray<readonly [Kind, abstract new (...args: never[]) => IProduction]> = [
  ["Alternation", Alternation],
  ["Option", Option],
  ["Repetition", Repetition],
  ["RepetitionMandatory", RepetitionMandatory],
  ["RepetitionMandatoryWithSeparator", RepetitionMandatoryWithSeparator],
  ["RepetitionWithSeparator", RepetitionWithSeparator],
];

function kindOf(production: IProduction): Kind | undefined {
  return KINDS.find(([, type]) => production instanceof type)?.[0];
}

/** The production of `kind` numbered `occurrence` in `rule` (not looking into other rules). */
function find(definition: readonly IProduction[], kind: Kind, occurrence: number): IProduction | undefined {
  for (const production of definition) {
    if (production instanceof NonTerminal || production instanceof Terminal) continue;
    const container = production as Container;
    if (kindOf(container) === kind && container.idx === occurrence) return container;
    const inner = find(container.definition, kind, occurrence);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function tokensOf(type: TokenType): number[] {
  return [type.tokenTypeIdx!, ...(type.categoryMatches ?? [])];
}

/**
 * The FIRST sets of the decisions this strategy makes, by decision (`rule/kind/occurrence`): per
 * alternative of an alternation, or the one of an optional production, as token type names.
 * grammar.generated.ts holds them, so that a cold start does not work them out again: 0.5–3.3 ms
 * across runs of bench/chevrotain-internals.ts, on the 3 % line; kept while it is not clearly under.
 */
export type Decisions = Readonly<Record<string, readonly (readonly string[])[]>>;

export class Ll1Lookahead implements ILookaheadStrategy {
  private readonly fallback = new LLkLookaheadStrategy({ maxLookahead: 1 });
  private readonly rules = new Map<Rule, First>();
  private byIndex: ReadonlyMap<number, TokenType> | undefined;
  /** The decisions worked out from the grammar (not taken from `known`), for the generator. */
  readonly computed: Record<string, string[][]> = {};

  /** `byName`: the vocabulary by name, categories included; `known`: decisions worked out before. */
  constructor(
    private readonly byName: ReadonlyMap<string, TokenType>,
    private readonly known: Decisions = {},
  ) {}

  validate(options: Parameters<ILookaheadStrategy["validate"]>[0]): ILookaheadValidationError[] {
    return this.fallback.validate(options);
  }

  buildLookaheadForAlternation(
    options: Parameters<ILookaheadStrategy["buildLookaheadForAlternation"]>[0],
  ): ReturnType<ILookaheadStrategy["buildLookaheadForAlternation"]> {
    const { rule, prodOccurrence, maxLookahead, hasPredicates, dynamicTokensEnabled } = options;
    const firsts =
      maxLookahead !== 1 || hasPredicates || dynamicTokensEnabled ? undefined : this.decision(rule, "Alternation", prodOccurrence);
    if (firsts === undefined) return this.fallback.buildLookaheadForAlternation(options);
    // The first alternative that can begin with a token wins, as in Chevrotain.
    const choice: number[] = [];
    firsts.forEach((first, index) => {
      for (const token of first) choice[token] ??= index;
    });
    return function (this: Lookahead) {
      return choice[this.LA(1).tokenTypeIdx];
    };
  }

  buildLookaheadForOptional(options: Parameters<ILookaheadStrategy["buildLookaheadForOptional"]>[0]): () => boolean {
    const { rule, prodOccurrence, prodType, maxLookahead, dynamicTokensEnabled } = options;
    const firsts = maxLookahead !== 1 || dynamicTokensEnabled ? undefined : this.decision(rule, prodType, prodOccurrence);
    if (firsts === undefined) return this.fallback.buildLookaheadForOptional(options);
    const enter: boolean[] = [];
    for (const token of firsts[0]!) enter[token] = true;
    return function (this: Lookahead) {
      return enter[this.LA(1).tokenTypeIdx] === true;
    };
  }

  /** The FIRST sets (tokenTypeIdx) of a decision; undefined where Chevrotain's strategy decides. */
  private decision(rule: Rule, kind: Kind, occurrence: number): number[][] | undefined {
    const key = `${rule.name}/${kind}/${occurrence}`;
    const known = this.known[key]?.map((names) => names.map((name) => this.byName.get(name)?.tokenTypeIdx));
    if (known !== undefined && known.every((tokens) => tokens.every((token) => token !== undefined))) return known as number[][];
    const firsts = this.firstsOf(rule, kind, occurrence);
    if (firsts === undefined) return undefined;
    const indexes = firsts.map((first) => [...first.tokens]);
    this.byIndex ??= new Map([...this.byName.values()].map((type) => [type.tokenTypeIdx!, type]));
    const byIndex = this.byIndex;
    this.computed[key] = indexes.map((tokens) => tokens.map((token) => byIndex.get(token)!.name));
    return indexes;
  }

  private firstsOf(rule: Rule, kind: Kind, occurrence: number): First[] | undefined {
    const production = find(rule.definition, kind, occurrence);
    if (production === undefined) return undefined;
    const firsts =
      kind === "Alternation"
        ? (production as Alternation).definition.map((alt) => this.firstOfSequence([alt]))
        : [this.firstOfSequence((production as Option).definition)];
    return firsts.length === 0 || firsts.some((f) => f.nullable) ? undefined : firsts;
  }

  private firstOfSequence(sequence: readonly IProduction[]): First {
    const tokens = new Set<number>();
    for (const production of sequence) {
      const first = this.firstOf(production);
      for (const token of first.tokens) tokens.add(token);
      if (!first.nullable) return { tokens, nullable: false };
    }
    return { tokens, nullable: true };
  }

  private firstOf(production: IProduction): First {
    if (production instanceof Terminal) return { tokens: new Set(tokensOf(production.terminalType)), nullable: false };
    if (production instanceof NonTerminal) return this.firstOfRule(production.referencedRule);
    if (production instanceof Alternation) {
      const tokens = new Set<number>();
      let nullable = false;
      for (const alt of production.definition) {
        const first = this.firstOf(alt);
        for (const token of first.tokens) tokens.add(token);
        nullable ||= first.nullable;
      }
      return { tokens, nullable };
    }
    if (production instanceof Alternative || production instanceof Rule) return this.firstOfSequence(production.definition);
    if (production instanceof RepetitionMandatory || production instanceof RepetitionMandatoryWithSeparator) {
      return this.firstOfSequence(production.definition);
    }
    // Option, Repetition, RepetitionWithSeparator: may be skipped.
    const { tokens } = this.firstOfSequence((production as Option).definition);
    return { tokens, nullable: true };
  }

  private firstOfRule(rule: Rule): First {
    let first = this.rules.get(rule);
    if (first === undefined) {
      // The grammar has no left recursion (Chevrotain's validation rejects it), so this ends.
      first = this.firstOfSequence(rule.definition);
      this.rules.set(rule, first);
    }
    return first;
  }
}
