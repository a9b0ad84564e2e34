import * as hints from "../../diagnostics/hints.js";
import * as messages from "../../diagnostics/messages.js";
import { controlEscapes } from "../../values/strings.js";
import { REGEX_OPERATORS } from "../../syntax/operators.js";
import { scoped, type FilterRule } from "../rule.js";

/** Backspace (what `\b` is in a string) through carriage return. */
// oxlint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0008-\u000d]/;
const BACKSPACE = "\u0008";

/**
 * In a string, `\b \t \n \f \r` are JSON's escapes for control characters, so `regex "\bseo\b"`
 * sends backspaces and matches nothing, where RE2's word boundary was meant (the API help centre
 * warns about it). A backspace in a pattern is an error, with a fix that doubles the backslash;
 * a tab, a newline… RE2 matches as itself, the same as its `\t`, `\n`: only a warning. Written as
 * `\u0008`, or read from an array (no source to fix), the character is taken as meant where it is
 * written out, and a backspace read from an array is still almost surely the mistake.
 */
export const regexControlRule: FilterRule = scoped({ kind: "condition", ops: REGEX_OPERATORS }, (leaf, ctx) => {
  if (leaf.kind !== "condition" || !REGEX_OPERATORS.has(leaf.op) || leaf.operand.kind !== "string") return;
  const literal = leaf.operand;
  if (!CONTROL.test(literal.value)) return;
  const source = ctx.bag.source;
  const quote = literal.at === undefined ? source[literal.span.start] : undefined;
  if (quote !== '"' && quote !== "'") {
    // From an array or a template's value: only the characters themselves are known.
    const backspace = literal.value.includes(BACKSPACE);
    ctx.bag.reportAt("regex_control_character", literal, messages.regexControlValue(backspace), {
      severity: backspace ? "error" : "warning",
      hint: backspace ? hints.regexBackspaceValue() : undefined,
    });
    return;
  }
  const body = literal.span.start + 1;
  const escapes = controlEscapes(source.slice(body, literal.span.end - 1));
  const short = escapes.filter((e) => e.short);
  const backspaces = short.filter((e) => e.text === "\\b");
  const first = backspaces[0] ?? short[0] ?? escapes[0]!;
  const span = { start: body + first.offset, end: body + first.offset + first.length };
  if (short.length === 0) {
    ctx.bag.reportAt("regex_control_character", { span }, messages.regexControlWritten(first.text), { severity: "warning" });
    return;
  }
  // Doubling every short escape keeps what RE2 matches for \t \n \f \r and makes \b a boundary.
  const edits = short.map((e) => ({ span: { start: body + e.offset, end: body + e.offset + 2 }, insert: `\\${e.text}` }));
  ctx.bag.reportAt("regex_control_character", { span }, messages.regexControlEscape(first.text), {
    severity: backspaces.length > 0 ? "error" : "warning",
    hint: hints.regexControlEscapeHint(first.text),
    fixes: [{ title: hints.write(`\\${first.text}`), edits }],
  });});
