import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import { API_OPERATORS, OPERATOR_TABLE } from "./operator-table.js";
import { OPERATOR_OF_TOKEN } from "./operator-tokens.js";
import * as T from "./tokens.js";

/*
 * Parser errors in the user's words: "expected a value after `>`, found `and`". Chevrotain hands
 * this provider what it expected, what it found and the token before; nothing here names a token
 * class. The code and span of each error are derived from the exception in parse.ts.
 */

/** How a token reads in a message: its text in backquotes, or "the end of input". */
export function describeToken(token: IToken | undefined): string {
  if (token === undefined || token.tokenType === EOF) return "the end of input";
  const image = token.image.length > 24 ? `${token.image.slice(0, 23)}…` : token.image;
  return `\`${image.replace(/`/g, "'")}\``;
}

function describeType(type: TokenType): string {
  if (type === EOF) return "the end of input";
  return type.LABEL ?? type.name;
}

const WHAT_RULE_EXPECTS: Record<string, string> = {
  filter: "a condition",
  orExpr: "a condition",
  andExpr: "a condition",
  notExpr: "a condition",
  condition: "a field name",
  list: "a list such as `(1, 2)`",
  value: "a value",
  orderBy: "a field name",
  sortRule: "a field name",
};

/** The family of the operator a token spells, if it spells one. */
const familyOf = (type: TokenType) => {
  const op = OPERATOR_OF_TOKEN[type.tokenTypeIdx!];
  return op === undefined ? undefined : API_OPERATORS[op].family;
};
/** What `not` may stand before in a condition: the operators it negates (`not like`). */
const NEGATABLE = OPERATOR_TABLE.filter((entry) => entry.negation !== undefined).map((entry) => `\`${entry.text}\``);
const NEGATABLE_TEXT = `${NEGATABLE.slice(0, -1).join(", ")} or ${NEGATABLE.at(-1)}`;

/** What was expected, judged mostly by the token before: the rules are coarse, the tokens are not. */
function expectedInRule(ruleName: string, previous: IToken | undefined): string {
  if (previous !== undefined && previous.tokenType !== EOF) {
    const before = previous.tokenType;
    const family = familyOf(before);
    if (family === "like" || family === "ilike" || family === "regex") return "a quoted pattern";
    if (family === "match") return "a quoted word";
    if (tokenMatcher(previous, T.CompareOp)) return "a value or a field name";
    if (before === T.NotKw && ruleName === "condition") return NEGATABLE_TEXT;
    if (before === T.Plus || before === T.Minus) return "a duration such as `7d`";
    if (before === T.InKw || before === T.NotInKw) return "a list such as `(1, 2)`";
  }
  return WHAT_RULE_EXPECTS[ruleName] ?? "something else";
}

function after(previous: IToken | undefined): string {
  return previous === undefined || previous.tokenType === EOF || Number.isNaN(previous.startOffset)
    ? ""
    : ` after ${describeToken(previous)}`;
}

/** For input left over after a bare field (`rank 10`): the operator is what is missing. */
export function operatorExpected(field: IToken, found: IToken): string {
  return `expected an operator after ${describeToken(field)}, found ${describeToken(found)}`;
}

export const parserErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    if (expected === T.RParen || expected === T.RBracket) {
      return `expected ${describeType(expected)} to close the group, found ${describeToken(actual)}`;
    }
    if (expected === T.AndKw) {
      return `expected \`and\` between the bounds of \`between\`, found ${describeToken(actual)}`;
    }
    if (expected === T.Duration) {
      return `expected a duration such as \`7d\`${after(previous)}, found ${describeToken(actual)}`;
    }
    return `expected ${describeType(expected)}${after(previous)}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant, ruleName }) {
    const expected = ruleName === "orderBy" ? "`,` or the end of input" : "`and`, `or` or the end of input";
    return `expected ${expected}, found ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, previous, ruleName }) {
    return `expected ${expectedInRule(ruleName, previous)}${after(previous)}, found ${describeToken(actual[0])}`;
  },
  buildEarlyExitMessage({ actual, previous, ruleName }) {
    return `expected ${expectedInRule(ruleName, previous)}${after(previous)}, found ${describeToken(actual[0])}`;
  },
};
