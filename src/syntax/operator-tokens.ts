import { API_OPERATORS, OPERATORS, type Operator } from "./operator-table.js";
import * as T from "./tokens.js";

/**
 * The API operator each one-token spelling stands for, by tokenTypeIdx (an array read per
 * condition instead of a Map lookup), from the operator table's spellings: the token of
 * `not_like` is the keyword labelled `not_like`. The parser and its error hints read it.
 */
export const OPERATOR_OF_TOKEN: readonly (Operator | undefined)[] = (() => {
  const table: (Operator | undefined)[] = Array.from({ length: T.TOKEN_TABLE_SIZE }, () => undefined);
  const byLabel = new Map(T.allTokens.map((type) => [type.LABEL, type]));
  for (const op of OPERATORS) {
    for (const spelling of [API_OPERATORS[op].text, ...API_OPERATORS[op].aliases]) {
      const type = byLabel.get(`\`${spelling}\``);
      if (type !== undefined) table[type.tokenTypeIdx!] = op;
    }
  }
  return table;
})();
