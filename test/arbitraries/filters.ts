import fc from "fast-check";
import type { Condition, FilterNode, Scalar } from "../../src/lower/filter-array.js";
import type { Operator } from "../../src/syntax/ast.js";
import { findRe2SyntaxError } from "../../src/values/re2-syntax.js";
import { formatApiTime } from "../../src/values/time.js";

/*
 * Generators for canonical `filters` arrays: what compileFilter can emit. Any binary tree of
 * groups is canonical (right-hand groups keep their nesting), so trees are generated freely.
 */

export const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("rank", "domain", "first_seen", "keyword_info.search_volume", "1.rank", "referring_links_tld.com", "dofollow", "x_1") },
  { weight: 1, arbitrary: fc.constantFrom("and", "in", "not_like", "desc", "now", "odd name", "a`b", "tab\there", "é") },
  { weight: 1, arbitrary: fc.constantFrom("age_distribution.18-24", "a.odd name.1", "odd name.and", "1.2", "1.x-y.z", "a..b", "r", "now.a-b") },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 8, unit: "binary" }) },
);

export const apiTime = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) })
  .map((ms) => formatApiTime(ms));

export const stringValue = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: "binary" }) },
  { weight: 1, arbitrary: fc.constantFrom("%seo%", "it's", 'say "hi"', "back\\slash", "2024-01-31", "now", "10", "$item->", "line\nbreak") },
  { weight: 1, arbitrary: apiTime },
);

export const numberValue = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e21, 5e-324, 0.1),
);

const scalarForList: fc.Arbitrary<Scalar> = fc.oneof(stringValue, numberValue, fc.boolean());

const ORDERED: Operator[] = ["<", "<=", ">", ">="];
const PATTERNS: Operator[] = ["like", "not_like", "ilike", "not_ilike", "match", "not_match"];

/** RE2 patterns: arbitrary strings that happen to be valid, and typical ones. */
const regexValue = fc.oneof(
  // A backspace in a pattern is refused: it is what "\\b" becomes in JSON, never what is meant.
  stringValue.filter((s) => findRe2SyntaxError(s) === undefined && !s.includes("\b")),
  fc.constantFrom("^https?://", "(?i)seo", "\\d{2,4}$", "[a-z]+\\.com", '\\bsay "hi"\\b', "\\d'\"", "\\d\t"),
);

export const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.tuple(fieldName, fc.constantFrom<Operator>("=", "<>"), fc.oneof(scalarForList, fc.constant(null))),
  fc.tuple(fieldName, fc.constantFrom(...ORDERED), fc.oneof(stringValue, numberValue)),
  fc.tuple(fieldName, fc.constantFrom<Operator>("in", "not_in"), fc.array(scalarForList, { minLength: 1, maxLength: 4 })),
  fc.tuple(fieldName, fc.constantFrom(...PATTERNS), stringValue),
  fc.tuple(fieldName, fc.constantFrom<Operator>("regex", "not_regex"), regexValue),
  fc.tuple(fieldName, fc.constantFrom<Operator>("has", "has_not"), scalarForList),
  fc.tuple(fieldName, fc.constantFrom<Operator>("=", "<>", ">"), fc.constantFrom("rank", "metrics.organic.pos_1", "and").map((f) => `$item->${f}`)),
) as fc.Arbitrary<Condition>;

/** Canonical filters with at most `maxConditions` conditions. */
export function filterArray(maxConditions = 8): fc.Arbitrary<FilterNode> {
  const tree: fc.Memo<FilterNode> = fc.memo((n) =>
    n <= 1
      ? condition
      : fc.oneof(
          { weight: 1, arbitrary: condition },
          {
            weight: 2,
            arbitrary: fc
              .tuple(tree(Math.ceil(n / 2)), fc.constantFrom("and" as const, "or" as const), tree(Math.floor(n / 2)))
              .map(([a, op, b]): FilterNode => [a, op, b]),
          },
        ),
  );
  return tree(maxConditions);
}
