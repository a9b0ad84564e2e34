import { RE2JS } from "re2js";
import { findRe2SyntaxError } from "../values/re2-syntax.js";

/*
 * `regex` as DataForSEO runs it: RE2 syntax (filters-spec.md 2.3), matched with re2js, whose
 * automata run in time linear in the value, so no pattern can hang an evaluation.
 */

export type CompiledRegex =
  | { readonly ok: true; readonly test: (value: string) => boolean }
  | { readonly ok: false; readonly reason: string };

/**
 * RE2's default options, which are re2js's flags 0: Perl syntax, case-sensitive, `.` does not
 * match `\n`, `^`/`$` anchor the whole value. Inline flags (`(?i)`, `(?s)`, `(?m)`) work as in RE2.
 */
const API_FLAGS = 0;

/**
 * Compiles a pattern once. `test` searches (unanchored, like RE2's `PartialMatch`): `seo` matches
 * `"best seo tools"`; anchor with `^…$` for a whole-value match. A pattern RE2 refuses gives the
 * reason, worded as dfsq's RE2 syntax check words it where that check knows the problem.
 */
export function compileRegex(pattern: string): CompiledRegex {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, API_FLAGS);
  } catch (e) {
    const reason = findRe2SyntaxError(pattern)?.reason ?? (e instanceof Error ? e.message : String(e));
    return { ok: false, reason };
  }
  return { ok: true, test: (value) => compiled.test(value) };
}
