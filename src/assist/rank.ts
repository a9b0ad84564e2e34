import type { CompletionOption } from "./types.js";

/*
 * How what was typed picks and orders the options. Fields match by any part of their dotted path,
 * so that `volume` finds `keyword_data.keyword_info.search_volume`; everything else by its start.
 * The order is the match's quality (the exact name, then a prefix of the whole, then the start of
 * a segment, then of a word, then anywhere), then the option's boost, then, for fields, the
 * shortest and most common path.
 */

/** How well `typed` matches: lower is better. */
export type Tier = 0 | 1 | 2 | 3 | 4 | 5;

export interface Match {
  readonly tier: Tier;
  /** Where in the label the typed text matched. */
  readonly at: number;
}

/**
 * Where `typed` (lower case) matches `label`: the whole label or its start (tiers 0 and 1), else,
 * with `anywhere`, after `from`: a whole segment, a segment's start, a word's start, or (two
 * letters or more) anywhere (tiers 2 to 5). Case is ignored.
 */
export function matchLabel(label: string, typed: string, anywhere: boolean, from = 0): Match | undefined {
  const lower = label.toLowerCase();
  if (typed === "") return { tier: 1, at: 0 };
  if (from === 0 && lower.startsWith(typed)) return { tier: lower.length === typed.length ? 0 : 1, at: 0 };
  if (!anywhere) return undefined;
  let segment: number | undefined;
  let word: number | undefined;
  let inside: number | undefined;
  for (let i = lower.indexOf(typed, Math.max(from, 1)); i >= 0; i = lower.indexOf(typed, i + 1)) {
    const before = lower[i - 1];
    if (before === ".") {
      const after = lower[i + typed.length];
      if (after === undefined || after === ".") return { tier: 2, at: i };
      segment ??= i;
    } else if (before === "_" || before === "-") word ??= i;
    else inside ??= i;
  }
  if (segment !== undefined) return { tier: 3, at: segment };
  if (word !== undefined) return { tier: 4, at: word };
  // One letter inside a word matches nearly everything: it takes two.
  return inside === undefined || typed.length < 2 ? undefined : { tier: 5, at: inside };
}

export interface Candidate {
  readonly option: CompletionOption;
  readonly match: Match;
  /** How many endpoints share the field: more first among fields of one length. */
  readonly commonness?: number;
  /** The length that ranks a field: its catalog pattern's, so that the keys filled in for a
   * placeholder keep their documented order. Default: the label's. */
  readonly length?: number;
}

const isField = (o: CompletionOption) => o.kind === "field" || o.kind === "namespace";

/** The candidates best first, each with the matched part of its label marked. */
export function rank(candidates: readonly Candidate[], typed: string): CompletionOption[] {
  const order = candidates.map((c, index) => ({ ...c, index }));
  order.sort(
    (a, b) =>
      a.match.tier - b.match.tier ||
      (b.option.boost ?? 0) - (a.option.boost ?? 0) ||
      (typed !== "" && isField(a.option) && isField(b.option)
        ? (a.length ?? a.option.label.length) - (b.length ?? b.option.label.length) || (b.commonness ?? 0) - (a.commonness ?? 0)
        : 0) ||
      a.index - b.index,
  );
  return order.map(({ option, match }) =>
    typed === "" ? option : { ...option, matches: [[match.at, Math.min(option.label.length, match.at + typed.length)]] },
  );
}
