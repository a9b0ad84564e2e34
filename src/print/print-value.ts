import { unreachable, type FieldNode, type Operand } from "../syntax/ast.js";
import { FIELD_REFERENCE_PREFIX } from "../syntax/operators.js";
import { quotePattern, quoteString } from "../values/strings.js";
import { formatApiTime, isCanonicalApiTime, resolveTime, timeLiteral } from "../values/time.js";

// The checks name fields in messages too, so the spelling of a path lives below both, in syntax/.
export { printFieldPath } from "../syntax/field-path.js";
import { printFieldPath } from "../syntax/field-path.js";

export function printField(field: FieldNode): string {
  return printFieldPath(field.path);
}

/** JSON number text that the lexer reads back to the same number (`-0` included). */
export function printNumber(n: number): string {
  return Object.is(n, -0) ? "-0" : String(n);
}

/** Where an operand stands: a plain value, a pattern (like, match), or a regex pattern. */
export type OperandPlace = "value" | "pattern" | "regex";

/**
 * The shortest literal that compiles back to the same JSON value. A string holding a canonical API
 * time prints as an unquoted date, which compiles back to that very string, except where only a
 * quoted string may stand (the patterns of like, regex, match). A regex pattern with a backslash
 * prints as a raw string, as it is sent: `r"\bseo\b"`.
 */
export function printOperand(operand: Operand, place: OperandPlace = "value"): string {
  switch (operand.kind) {
    case "number":
      return printNumber(operand.value);
    case "string":
      if (place === "regex") return quotePattern(operand.value);
      return place === "value" && isCanonicalApiTime(operand.value) ? timeLiteral(operand.value) : quoteString(operand.value);
    case "boolean":
      return String(operand.value);
    case "null":
      return "null";
    case "time":
      return printTime(operand);
    case "list":
      return `(${operand.items.map((item) => printOperand(item)).join(", ")})`;
    case "field":
      // Arrays name references as "$item->path"; printed so, they compile back whatever the endpoint.
      return operand.explicit === true ? quoteString(FIELD_REFERENCE_PREFIX + operand.path) : printField(operand);
    case "invalid":
      return "?";
    default:
      return unreachable(operand);
  }
}

function printTime(value: Extract<Operand, { kind: "time" }>): string {
  const shifts = value.shifts.map((s) => ` ${s.sign < 0 ? "-" : "+"} ${s.amount}${s.unit}`).join("");
  switch (value.anchor.kind) {
    case "now":
    case "today":
      return value.anchor.kind + shifts;
    case "instant":
      return timeLiteral(formatApiTime(resolveTime(value.anchor, [], 0))) + shifts;
    default:
      return unreachable(value.anchor);
  }
}
