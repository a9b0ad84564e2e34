import { createToken, type TokenType } from "chevrotain";
import { KEYWORD_WORDS, type KeywordName } from "./keywords.js";

/*
 * The token vocabulary of dfsq, as grammar/dfsq.ebnf defines it (that file is the normative text;
 * test/syntax/ebnf-tokens.test.ts checks these against it): each token's pattern, and the
 * order in which they are tried (the first pattern that matches wins, so longer operators come
 * before their prefixes, keywords come before FieldPath with FieldPath as their `longer_alt`, so
 * `android` is a field and `and` a keyword, and the malformed-literal catch-alls come after the
 * literals they shadow). The hand-written scanner in lexer.ts implements exactly these patterns,
 * faster; test/syntax/lexer.prop.test.ts checks it against a Chevrotain Lexer built from them.
 */

/** Chevrotain's marker for token types that only group others (its `Lexer.NA`). Kept as a
 * value here so that the runtime never loads Chevrotain's Lexer, which dfsq does not use. */
const NA = /NOT_APPLICABLE/;
const SKIPPED = "This marks a skipped Token pattern, this means each token identified by it will be consumed and then thrown into oblivion, this can be used to for example to completely ignore whitespace.";

// Categories: abstract token types the parser consumes and the highlighter reads.
export const CompareOp = createToken({ name: "CompareOp", pattern: NA });
export const AndOp = createToken({ name: "AndOp", pattern: NA, label: "`and`" });
export const OrOp = createToken({ name: "OrOp", pattern: NA, label: "`or`" });
export const NotOp = createToken({ name: "NotOp", pattern: NA, label: "`not`" });
export const StringLiteral = createToken({ name: "StringLiteral", pattern: NA, label: "a string" });
export const FieldName = createToken({ name: "FieldName", pattern: NA, label: "a field name" });
export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: NA, label: "a number" });
export const TimeBase = createToken({ name: "TimeBase", pattern: NA });
// Categories that stand for a choice of operator or word: consuming one category is cheaper, for
// the parser at start-up and on every condition, than choosing among its members.
export const NegatedOp = createToken({ name: "NegatedOp", pattern: NA, label: "a negated operator" });
export const PatternOp = createToken({ name: "PatternOp", pattern: NA, label: "an operator" });
export const WordLiteral = createToken({ name: "WordLiteral", pattern: NA, label: "`true`, `false` or `null`" });
export const Sign = createToken({ name: "Sign", pattern: NA, label: "`+` or `-`" });
export const Direction = createToken({ name: "Direction", pattern: NA, label: "`asc` or `desc`" });

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\u00a0\ufeff\u2028\u2029]+/,
  group: SKIPPED,
  line_breaks: true,
});

// Strings in double or single quotes; the escape sequences are decoded (and checked) when the
// AST is built. An unterminated string runs to the end of its line so the rest can still parse.
export const DoubleString = createToken({
  name: "DoubleString",
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/,
  categories: [StringLiteral],
  label: "a string",
});
export const SingleString = createToken({
  name: "SingleString",
  pattern: /'(?:[^'\\\n\r]|\\[^\n\r])*'/,
  categories: [StringLiteral],
  label: "a string",
});
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /["'](?:[^\\\n\r]|\\[^\n\r]?)*/,
  categories: [StringLiteral],
  label: "a string",
});
// Text in typographic quotes (pasted from documents) parses as a string, so the one mistake gets
// one diagnostic instead of a cascade.
export const CurlyString = createToken({
  name: "CurlyString",
  pattern: /[\u201c\u201d\u201e\u2018\u2019](?:[^\u201c\u201d\u201e\u2018\u2019\n\r])*[\u201c\u201d\u2018\u2019]/,
  categories: [StringLiteral],
  label: "a string",
});
// Raw strings, for regex patterns: no escapes, a backslash is a backslash (`r"\bseo\b"`). They
// end at the first closing quote, so one that holds `"` is written in single quotes.
export const RawString = createToken({
  name: "RawString",
  pattern: /[rR](?:"[^"\n\r]*"|'[^'\n\r]*')/,
  categories: [StringLiteral],
  label: "a string",
});
export const UnterminatedRawString = createToken({
  name: "UnterminatedRawString",
  pattern: /[rR](?:"[^"\n\r]*|'[^'\n\r]*)/,
  categories: [StringLiteral],
  label: "a string",
});
// A path with at least one segment in backquotes: `odd name`, a.`18-24`, `a b`.c. The segments
// before the first quoted one are identifiers or digit runs, as in FieldPath.
export const QuotedField = createToken({
  name: "QuotedField",
  pattern:
    /(?:(?:[A-Za-z_][A-Za-z0-9_]*|\d+)\.)*`(?:[^`\\\n\r]|\\[^\n\r])*`(?:\.(?:[A-Za-z_][A-Za-z0-9_]*|\d+|`(?:[^`\\\n\r]|\\[^\n\r])*`))*/,
  categories: [FieldName],
  label: "a field name",
});
export const UnterminatedField = createToken({
  name: "UnterminatedField",
  pattern: /`(?:[^\\\n\r]|\\[^\n\r]?)*/,
  categories: [FieldName],
  label: "a field name",
});

// Dates before numbers (both start with digits); the calendar is checked when the AST is built.
export const DateTime = createToken({
  name: "DateTime",
  pattern:
    /\d{4}-\d{2}-\d{2}(?:[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?(?![\w.:])/,
  categories: [TimeBase],
  label: "a date",
});
export const InvalidDate = createToken({
  name: "InvalidDate",
  pattern: /\d{4}-\d[\w:.+-]*/,
  categories: [TimeBase],
  label: "a date",
});
export const Duration = createToken({
  name: "Duration",
  pattern: /\d+[smhdw](?![\w.])/,
  label: "a duration",
});

// A dotted path whose segments are identifiers or digit runs, with at least one identifier
// segment so that `1.5` stays a number while `1.rank` is a field.
export const FieldPath = createToken({
  name: "FieldPath",
  pattern: /(?:\d+\.)*[A-Za-z_][A-Za-z0-9_]*(?:\.(?:[A-Za-z_][A-Za-z0-9_]*|\d+))*/,
  categories: [FieldName],
  label: "a field name",
});

export const Number = createToken({
  name: "Number",
  pattern: /(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/,
  categories: [NumberLiteral],
  label: "a number",
});
export const InvalidNumber = createToken({
  name: "InvalidNumber",
  pattern: /\.?\d[\w.]*/,
  categories: [NumberLiteral],
  label: "a number",
});

/** Every keyword, with its spelling in lower case: the one list the scanner, the printer, the
 * highlighter and completion read. (No Keyword category: each category a token belongs to makes
 * Chevrotain's createToken markedly slower, and this list answers "is it a keyword?".) */
export const keywords: (readonly [word: string, type: TokenType])[] = [];

function keyword(name: KeywordName, categories: TokenType[] = []): TokenType {
  const word = KEYWORD_WORDS[name];
  const type = createToken({
    name,
    pattern: new RegExp(word, "i"),
    longer_alt: FieldPath,
    categories,
    label: `\`${word}\``,
  });
  keywords.push([word, type]);
  return type;
}

// In the order of KEYWORD_WORDS (negated forms first).
export const NotInKw = keyword("NotInKw");
export const NotLikeKw = keyword("NotLikeKw", [NegatedOp]);
export const NotIlikeKw = keyword("NotIlikeKw", [NegatedOp]);
export const NotRegexKw = keyword("NotRegexKw", [NegatedOp]);
export const NotMatchKw = keyword("NotMatchKw", [NegatedOp]);
export const HasNotKw = keyword("HasNotKw", [NegatedOp]);
export const AndKw = keyword("AndKw", [AndOp]);
export const OrKw = keyword("OrKw", [OrOp]);
export const NotKw = keyword("NotKw", [NotOp]);
export const InKw = keyword("InKw");
export const IlikeKw = keyword("IlikeKw", [PatternOp]);
export const IsKw = keyword("IsKw");
export const LikeKw = keyword("LikeKw", [PatternOp]);
export const RegexKw = keyword("RegexKw", [PatternOp]);
export const MatchKw = keyword("MatchKw", [PatternOp]);
export const HasKw = keyword("HasKw", [PatternOp]);
export const BetweenKw = keyword("BetweenKw");
export const NullKw = keyword("NullKw", [WordLiteral]);
export const TrueKw = keyword("TrueKw", [WordLiteral]);
export const FalseKw = keyword("FalseKw", [WordLiteral]);
export const AscKw = keyword("AscKw", [Direction]);
export const DescKw = keyword("DescKw", [Direction]);
export const NowKw = keyword("NowKw", [TimeBase]);
export const TodayKw = keyword("TodayKw", [TimeBase]);

// Operators, longest first.
export const AndAnd = createToken({ name: "AndAnd", pattern: /&&/, categories: [AndOp], label: "`&&`" });
export const OrOr = createToken({ name: "OrOr", pattern: /\|\|/, categories: [OrOp], label: "`||`" });
// `!=` and `==` are accepted for `<>` and `=` (with a warning): tokens of their own, so that only
// they take the scanner's slower path that reports it.
export const BangEq = createToken({ name: "BangEq", pattern: /!=/, categories: [CompareOp], label: "`!=`" });
export const NotEq = createToken({ name: "NotEq", pattern: /<>/, categories: [CompareOp], label: "`<>`" });
export const NotTilde = createToken({ name: "NotTilde", pattern: /!~/, categories: [NegatedOp], label: "`!~`" });
export const Bang = createToken({ name: "Bang", pattern: /!/, categories: [NotOp], label: "`!`" });
export const EqEq = createToken({ name: "EqEq", pattern: /==/, categories: [CompareOp], label: "`==`" });
export const Eq = createToken({ name: "Eq", pattern: /=/, categories: [CompareOp], label: "`=`" });
export const Le = createToken({ name: "Le", pattern: /<=/, categories: [CompareOp], label: "`<=`" });
export const Ge = createToken({ name: "Ge", pattern: />=/, categories: [CompareOp], label: "`>=`" });
export const Lt = createToken({ name: "Lt", pattern: /</, categories: [CompareOp], label: "`<`" });
export const Gt = createToken({ name: "Gt", pattern: />/, categories: [CompareOp], label: "`>`" });
export const Tilde = createToken({ name: "Tilde", pattern: /~/, categories: [NegatedOp], label: "`~`" });
export const Plus = createToken({ name: "Plus", pattern: /\+/, categories: [Sign], label: "`+`" });
export const Minus = createToken({ name: "Minus", pattern: /-/, categories: [Sign], label: "`-`" });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "`(`" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "`)`" });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/, label: "`[`" });
export const RBracket = createToken({ name: "RBracket", pattern: /]/, label: "`]`" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "`,`" });

/** Every token type the lexer matches, in matching order. */
export const lexedTokens: TokenType[] = [
  WhiteSpace,
  DoubleString,
  SingleString,
  UnterminatedString,
  CurlyString,
  RawString,
  UnterminatedRawString,
  QuotedField,
  UnterminatedField,
  DateTime,
  InvalidDate,
  Duration,
  NotInKw,
  NotLikeKw,
  NotIlikeKw,
  NotRegexKw,
  NotMatchKw,
  HasNotKw,
  AndKw,
  OrKw,
  NotKw,
  InKw,
  IlikeKw,
  IsKw,
  LikeKw,
  RegexKw,
  MatchKw,
  HasKw,
  BetweenKw,
  NullKw,
  TrueKw,
  FalseKw,
  AscKw,
  DescKw,
  NowKw,
  TodayKw,
  FieldPath,
  Number,
  InvalidNumber,
  AndAnd,
  OrOr,
  BangEq,
  NotEq,
  NotTilde,
  Bang,
  EqEq,
  Eq,
  Le,
  Ge,
  Lt,
  Gt,
  Tilde,
  Plus,
  Minus,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
];

// Values interpolated into a template (template/template.ts) become tokens of these types, never
// text: a string with quotes, `or` or parentheses in it cannot change the structure around it.
export const InterpolatedString = createToken({ name: "InterpolatedString", pattern: NA, categories: [StringLiteral], label: "an interpolated string" });
export const InterpolatedNumber = createToken({ name: "InterpolatedNumber", pattern: NA, categories: [NumberLiteral], label: "an interpolated number" });
export const InterpolatedTime = createToken({ name: "InterpolatedTime", pattern: NA, categories: [TimeBase], label: "an interpolated date" });
export const InterpolatedField = createToken({ name: "InterpolatedField", pattern: NA, categories: [FieldName], label: "an interpolated field name" });

/** Lexed tokens plus the categories: the vocabulary the parser is built from. */
export const allTokens: TokenType[] = [
  CompareOp,
  AndOp,
  OrOp,
  NotOp,
  StringLiteral,
  FieldName,
  NumberLiteral,
  TimeBase,
  NegatedOp,
  PatternOp,
  WordLiteral,
  Sign,
  Direction,
  InterpolatedString,
  InterpolatedNumber,
  InterpolatedTime,
  InterpolatedField,
  ...lexedTokens,
];

let byName: ReadonlyMap<string, TokenType> | undefined;

/** Every token type (categories included) by name, as grammar.generated.ts names them. */
export function tokenTypesByName(): ReadonlyMap<string, TokenType> {
  byName ??= new Map(allTokens.map((type) => [type.name, type]));
  return byName;
}

/** One more than the largest tokenTypeIdx: the size of the lookup tables indexed by token type. */
export const TOKEN_TABLE_SIZE = Math.max(...allTokens.map((type) => type.tokenTypeIdx!)) + 1;

/** A token type, as the scanner and parser key maps by it. */
export type TokenTypeLike = TokenType;
