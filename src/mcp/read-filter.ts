import type { Operator } from "../syntax/ast.js";
import { unreachable } from "../syntax/ast.js";

/*
 * A filters array read out in one line of English, so that an agent can check that the arrays it
 * was given (or built) say what it means. It reads the arrays as sent, operator by operator, with
 * the meanings docs/semantics.md gives them; it is called only on a value printFilter accepted.
 */

/** A field reference, in the API's spelling. */
const REFERENCE = /^\$item->(.+)$/;

function value(v: unknown): string {
  if (typeof v === "string") {
    const reference = REFERENCE.exec(v);
    return reference === null ? JSON.stringify(v) : `the field ${reference[1]}`;
  }
  if (Array.isArray(v)) return v.map(value).join(", ");
  return String(v);
}

function condition(field: string, op: Operator, v: unknown): string {
  switch (op) {
    case "=":
      return v === null ? `${field} is null` : `${field} is ${value(v)}`;
    case "<>":
      return v === null ? `${field} is not null` : `${field} is not ${value(v)}`;
    case "<":
      return `${field} is less than ${value(v)}`;
    case "<=":
      return `${field} is at most ${value(v)}`;
    case ">":
      return `${field} is greater than ${value(v)}`;
    case ">=":
      return `${field} is at least ${value(v)}`;
    case "in":
      return `${field} is one of ${value(v)}`;
    case "not_in":
      return `${field} is none of ${value(v)}`;
    case "like":
      return `${field} matches the pattern ${value(v)}`;
    case "not_like":
      return `${field} does not match the pattern ${value(v)}`;
    case "ilike":
      return `${field} matches the pattern ${value(v)} ignoring case`;
    case "not_ilike":
      return `${field} does not match the pattern ${value(v)} ignoring case`;
    case "regex":
      return `${field} contains a match of the regular expression ${value(v)}`;
    case "not_regex":
      return `${field} contains no match of the regular expression ${value(v)}`;
    case "match":
      return `${field} contains the words ${value(v)}`;
    case "not_match":
      return `${field} does not contain the words ${value(v)}`;
    case "has":
      return `${field} has the element ${value(v)}`;
    case "has_not":
      return `${field} does not have the element ${value(v)}`;
    default:
      return unreachable(op);
  }
}

const isCondition = (filter: readonly unknown[]) => typeof filter[0] === "string";

/** A condition or group. A group inside a group of another connective is parenthesised, so the
 * reading stays unambiguous; inside one of the same connective it needs no parentheses. */
function phrase(filter: readonly unknown[], parent: string | undefined): string {
  if (isCondition(filter)) return condition(filter[0] as string, filter[1] as Operator, filter[2]);
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
