import * as hints from "../../diagnostics/hints.js";
import * as messages from "../../diagnostics/messages.js";
import { MAX_REGEX_PROGRAM, regexTooComplex } from "../../values/pattern-cost.js";
import { REGEX_OPERATORS } from "../../syntax/operators.js";
import { scoped, type FilterRule } from "../rule.js";
import { spanInPattern } from "./pattern-span.js";

/**
 * `regex` / `not_regex` patterns that RE2 accepts but that compile to more than
 * `MAX_REGEX_PROGRAM` instructions, mostly through large repeat counts (`[a-z]{0,1000}` is a
 * thousand copies of `[a-z]`). Points at the repeat whose copies weigh most when it makes up
 * at least half of the program, else at the whole pattern.
 */
export const regexCostRule: FilterRule = scoped({ kind: "condition", ops: REGEX_OPERATORS }, (leaf, ctx) => {
  if (leaf.kind !== "condition" || !REGEX_OPERATORS.has(leaf.op) || leaf.operand.kind !== "string") return;
  const literal = leaf.operand;
  const program = regexTooComplex(literal.value);
  if (program === undefined) return;
  const heaviest = program.heaviest !== undefined && program.heaviest.added * 2 >= program.size ? program.heaviest : undefined;
  const node = heaviest === undefined ? literal : spanInPattern(literal, ctx.bag.source, heaviest.offset, heaviest.length);
  const repeat = heaviest && literal.value.slice(heaviest.offset, heaviest.offset + heaviest.length);
  ctx.bag.reportAt("regex_too_complex", node, messages.regexTooComplex(program.size, MAX_REGEX_PROGRAM), {
    hint: hints.simplifyRegex(repeat),
    data: { size: program.size, max: MAX_REGEX_PROGRAM },
  });});
