import { printFieldPath } from "../print/print-value.js";
import type { Operator } from "../syntax/ast.js";
import { unreachable } from "../syntax/ast.js";
import { COMPARISON_OPERATORS, referencedPath } from "../syntax/operators.js";

/*
 * A filters array read out in one line of English, so that an agent can check that the arrays it
 * was given (or built) say what it means. It reads the arrays as sent, operator by operator, with
 * the meanings docs/semantics.md gives them; it is called only on a value printFilter accepted.
 * Field names are written as dfsq writes them (backquoted where they are not plain names), so
 * that a field called `and` cannot be read as the connective.
 */

function value(v: unknown): string {
  return Array.isArray(v) ? v.map(value).join(", ") : typeof v === "string" ? JSON.stringify(v) : String(v);
}

function condition(field: string, op: Operator, v: unknown): string {
  // "$item->path" right of a comparison is the API's field reference.
  const reference = typeof v === "string" && COMPARISON_OPERATORS.has(op) ? referencedPath(v) : undefined;
  return phraseOf(field, op, reference === undefined ? value(v) : `the field ${printFieldPath(reference)}`, v === null);
}

function phraseOf(field: string, op: Operator, text: string, isNull: boolean): string {
  switch (op) {
    case "=":
      return isNull ? `${field} is null` : `${field} is ${text}`;
    case "<>":
      return isNull ? `${field} is not null` : `${field} is not ${text}`;
    case "<":
      return `${field} is less than ${text}`;
    case "<=":
      return `${field} is at most ${text}`;
    case ">":
      return `${field} is greater than ${text}`;
    case ">=":
      return `${field} is at least ${text}`;
    case "in":
      return `${field} is one of ${text}`;
    case "not_in":
      return `${field} is none of ${text}`;
    case "like":
      return `${field} matches the pattern ${text}`;
    case "not_like":
      return `${field} does not match the pattern ${text}`;
    case "ilike":
      return `${field} matches the pattern ${text} ignoring case`;
    case "not_ilike":
      return `${field} does not match the pattern ${text} ignoring case`;
    case "regex":
      return `${field} contains a match of the regular expression ${text}`;
    case "not_regex":
      return `${field} contains no match of the regular expression ${text}`;
    case "match":
      return `${field} contains the words ${text}`;
    case "not_match":
      return `${field} does not contain the words ${text}`;
    case "has":
      return `${field} has the element ${text}`;
    case "has_not":
      return `${field} does not have the element ${text}`;
    default:
      return unreachable(op);
  }
}

const isCondition = (filter: readonly unknown[]) => typeof filter[0] === "string";

/** A condition or group. A group inside a group of another connective is parenthesised, so the
 * reading stays unambiguous; inside one of the same connective it needs no parentheses. */
function phrase(filter: readonly unknown[], parent: string | undefined): string {
  if (isCondition(filter)) return condition(printFieldPath(filter[0] as string), filter[1] as Operator, filter[2]);
  // A single condition wrapped once.
  if (filter.length === 1) return phrase(filter[0] as unknown[], parent);
  const connective = filter[1] as string;
  const text = filter.map((item, i) => (i % 2 === 1 ? (item as string) : phrase(item as unknown[], connective))).join(" ");
  return parent === undefined || parent === connective ? text : `(${text})`;
}

/** "items where rank is greater than 10 and (domain matches the pattern "%seo%" or …)". */
export function readFilter(filters: readonly unknown[]): string {
  return `items where ${phrase(filters, undefined)}`;
}

/** "sorted by rank descending, then backlinks ascending". */
export function readOrderBy(orderBy: readonly string[]): string {
  const rules = orderBy.map((rule) => {
    const comma = rule.lastIndexOf(",");
    return `${rule.slice(0, comma)} ${rule.slice(comma + 1) === "desc" ? "descending" : "ascending"}`;
  });
  return `sorted by ${rules.join(", then ")}`;
}
