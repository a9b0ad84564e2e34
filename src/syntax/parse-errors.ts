import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import { API_OPERATORS, OPERATOR_TABLE } from "./operator-table.js";
import { OPERATOR_OF_TOKEN } from "./operator-tokens.js";
import * as messages from "../diagnostics/messages.js";
import { oneOf } from "../diagnostics/wording.js";
import * as T from "./tokens.js";

/*
 * Parser errors in the user's words: "expected a value after `>`, found `and`". Chevrotain hands
 * this provider what it expected, what it found and the token before; this module decides which
 * of messages.ts's parser messages fits, and nothing here names a token class. The code and span
 * of each error are derived from the exception in parse.ts.
 */

/** What the parser wanted, in words (a static member of the namespace: bundlers still drop the rest). */
const expects = messages.expects;

/** How a token reads in a message: its text in backquotes, or "the end of input". */
export function describeToken(token: IToken | undefined): string {
  if (token === undefined || token.tokenType === EOF) return expects.end;
  const image = token.image.length > 24 ? `${token.image.slice(0, 23)}…` : token.image;
  return `\`${image.replace(/`/g, "'")}\``;
}

function describeType(type: TokenType): string {
  if (type === EOF) return expects.end;
  return type.LABEL ?? type.name;
}

const WHAT_RULE_EXPECTS: Record<string, string> = {
  filter: expects.condition,
  orExpr: expects.condition,
  andExpr: expects.condition,
  notExpr: expects.condition,
  condition: expects.field,
  list: expects.list,
  value: expects.value,
  orderBy: expects.field,
  sortRule: expects.field,
};

/** The family of the operator a token spells, if it spells one. */
const familyOf = (type: TokenType) => {
  const op = OPERATOR_OF_TOKEN[type.tokenTypeIdx!];
  return op === undefined ? undefined : API_OPERATORS[op].family;
};
/** What `not` may stand before in a condition: the operators it negates (`not like`). */
const NEGATABLE = OPERATOR_TABLE.filter((entry) => entry.negation !== undefined).map((entry) => `\`${entry.text}\``);
const NEGATABLE_TEXT = oneOf(NEGATABLE);

/** What was expected, judged mostly by the token before: the rules are coarse, the tokens are not. */
function expectedInRule(ruleName: string, previous: IToken | undefined): string {
  if (previous !== undefined && previous.tokenType !== EOF) {
    const before = previous.tokenType;
    const family = familyOf(before);
    if (family === "like" || family === "ilike" || family === "regex") return expects.pattern;
    if (family === "match") return expects.word;
    if (tokenMatcher(previous, T.CompareOp)) return expects.operand;
    if (before === T.NotKw && ruleName === "condition") return NEGATABLE_TEXT;
    if (before === T.Plus || before === T.Minus) return expects.duration;
    if (before === T.InKw || before === T.NotInKw) return expects.list;
  }
  return WHAT_RULE_EXPECTS[ruleName] ?? expects.other;
}

/** The token before, as the message names it; undefined at the start or after an inserted token. */
function tokenBefore(previous: IToken | undefined): string | undefined {
  return previous === undefined || previous.tokenType === EOF || Number.isNaN(previous.startOffset) ? undefined : describeToken(previous);
}

/** For input left over after a bare field (`rank 10`): the operator is what is missing. */
export function operatorExpected(field: IToken, found: IToken): string {
  return messages.expected(expects.operator, describeToken(found), describeToken(field));
}

export const parserErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    if (expected === T.RParen || expected === T.RBracket) return messages.expectedClose(describeType(expected), describeToken(actual));
    if (expected === T.AndKw) return messages.expectedBetweenAnd(describeToken(actual));
    const what = expected === T.Duration ? expects.duration : describeType(expected);
    return messages.expected(what, describeToken(actual), tokenBefore(previous));
  },
  buildNotAllInputParsedMessage({ firstRedundant, ruleName }) {
    return messages.expected(ruleName === "orderBy" ? expects.sortRuleEnd : expects.conditionEnd, describeToken(firstRedundant));
  },
  buildNoViableAltMessage({ actual, previous, ruleName }) {
    return messages.expected(expectedInRule(ruleName, previous), describeToken(actual[0]), tokenBefore(previous));
  },
  buildEarlyExitMessage({ actual, previous, ruleName }) {
    return messages.expected(expectedInRule(ruleName, previous), describeToken(actual[0]), tokenBefore(previous));
  },
};
