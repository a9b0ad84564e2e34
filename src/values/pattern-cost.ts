import { re2Program, type Re2Program } from "./re2-syntax.js";

/*
 * dfsq's bounds on what one pattern may cost to match, on top of what the API itself refuses.
 * They keep dfsq/eval linear with a small factor: a filter that compiles (or validates) is one
 * the evaluator can run over megabytes of values. docs/semantics.md states them and the figures
 * behind them (bench/regex.ts measures them).
 */

/**
 * Compiled instructions a `regex` pattern may have (Go's size estimate, `re2Program`). re2js
 * matches with a DFA while its 8 MB state cache holds out, then with an NFA whose work per
 * character grows with the program: `[a-z]{0,1000}(\pL)+?\b`, 2,005 instructions, took 3 s per
 * 100 KB. RE2 only refuses programs past its memory budget (1,398,101 instructions for re2js).
 * 1000 admits any pattern within the API's 1000 characters that has no large repeat count; a
 * smaller cap would gain little, since a DFA that outgrows its cache costs about 0.5 s per
 * 100 KB at any size over ~20 instructions (bench/regex.ts).
 */
export const MAX_REGEX_PROGRAM = 1000;

/**
 * Characters a `like` pattern may have. The API documents no cap; dfsq's matcher costs up to
 * (value length × pattern length / 32) steps, so an unbounded pattern read from raw arrays could
 * stall it. 1000, as the API's cap on regex patterns.
 */
export const MAX_LIKE_PATTERN = 1000;

/**
 * The compiled program of a valid `regex` pattern when it is larger than `MAX_REGEX_PROGRAM`;
 * undefined when it is within the bound, or when RE2 refuses the pattern (that is `invalid_regex`).
 */
export function regexTooComplex(pattern: string): Re2Program | undefined {
  const program = re2Program(pattern);
  return program !== undefined && program.size > MAX_REGEX_PROGRAM ? program : undefined;
}
