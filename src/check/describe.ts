import { unreachable, type Operand } from "../syntax/ast.js";

/** How an operand reads in a message: "a number", "`true`", "a list". */
export function describeOperand(operand: Operand): string {
  switch (operand.kind) {
    case "number":
      return "a number";
    case "string":
      return "a string";
    case "boolean":
      return `\`${operand.value}\``;
    case "null":
      return "`null`";
    case "time":
      return "a time";
    case "list":
      return "a list";
    case "field":
      return `the field \`${operand.path}\``;
    case "invalid":
      return "an invalid value";
    default:
      return unreachable(operand);
  }
}
