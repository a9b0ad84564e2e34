/**
 * Every keyword of the language, by token name, spelled in lower case (they match in any case):
 * the one list the scanner's token types (tokens.ts), the printer's quoting of field names, the
 * highlighter and completion read. In the order the scanner tries them: negated forms first, so
 * that `not_in` does not lex as `not` followed by `_in`. Kept apart from tokens.ts, which builds
 * Chevrotain token types, so that what only prints (dfsq/validate's messages) does not carry the
 * parser.
 */
export const KEYWORD_WORDS = {
  NotInKw: "not_in",
  NotLikeKw: "not_like",
  NotIlikeKw: "not_ilike",
  NotRegexKw: "not_regex",
  NotMatchKw: "not_match",
  HasNotKw: "has_not",
  AndKw: "and",
  OrKw: "or",
  NotKw: "not",
  InKw: "in",
  IlikeKw: "ilike",
  IsKw: "is",
  LikeKw: "like",
  RegexKw: "regex",
  MatchKw: "match",
  HasKw: "has",
  BetweenKw: "between",
  NullKw: "null",
  TrueKw: "true",
  FalseKw: "false",
  AscKw: "asc",
  DescKw: "desc",
  NowKw: "now",
  TodayKw: "today",
} as const;

export type KeywordName = keyof typeof KEYWORD_WORDS;

/** Whether `word` (any case) is a keyword. */
const WORDS: ReadonlySet<string> = new Set(Object.values(KEYWORD_WORDS));
export const isKeyword = (word: string): boolean => WORDS.has(word.toLowerCase());
