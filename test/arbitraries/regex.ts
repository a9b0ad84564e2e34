import fc from "fast-check";
import { edited } from "./edits.js";

/*
 * Regex patterns for the RE2 checks and the fuzz campaign: dense soups of metacharacters, and
 * well-formed patterns from a small grammar with up to two random edits (each a bit under half
 * valid). No pattern shape is excluded.
 */

const FRAGMENTS = [
  ..."()[]{}*+?|^$.\\-,:=!<>'#&_P^ab0179dwspQExkimsUCLZAzbB",
  "é",
  "😀",
  "\uD83D", // a lone surrogate
  "{2}",
  "{1,3}",
  "{0}",
  "{2,}",
  "{,2}",
  "{1001}",
  "(?:",
  "(?i)",
  "(?-i:",
  "(?P<",
  "(?<",
  "(?P<n>",
  "[:alpha:]",
  "[:",
  ":]",
  "\\p{",
  "Greek}",
  "\\x{",
  "F}",
  "\\Q",
  "\\E",
];

export const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 20 }).map((parts) => parts.join(""));

const ATOMS = [
  "a", "é", "😀", ".", "^", "$", "\\d", "\\W", "\\pL", "\\p{Greek}", "\\P{^Han}", "\\x41", "\\x{1F600}", "\\0",
  "\\101", "\\.", "\\b", "\\A", "\\z", "\\Qa*\\E", "[a-z]", "[^\\d\\s]", "[[:alpha:]_]", "[]a]", "[a-]", "\\n",
  "{", "}", "]",
];
// Flag groups and empty quotes add no node, so a repeat after them would apply to what precedes.
const BARE = ["(?i)", "(?-i)", "(?s)", "\\Q\\E"];
// Large counts are rare so that nested ones only sometimes multiply past 1000.
const repeat = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.constantFrom("", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{0}", "{1,}", "{0,3}", "{3,5}?"),
  },
  { weight: 1, arbitrary: fc.constantFrom("{10}", "{100}", "{1000}") },
);
// `(?P<g>` and `(?<g>` get distinct names afterwards.
const OPENERS = ["(", "(", "(?:", "(?i:", "(?P<g>", "(?<g>"];
const EDITS = [..."()[]*+?{}\\|-:P<>=", "{2}", "(?", ""];

const { regex } = fc.letrec<{ regex: string; term: string; item: string }>((tie) => ({
  regex: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("term"),
    fc.tuple(tie("term"), tie("regex")).map(([a, b]) => `${a}|${b}`),
  ),
  term: fc.array(tie("item"), { minLength: 1, maxLength: 3 }).map((items) => items.join("")),
  item: fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(
          fc.oneof(
            { depthSize: "small", withCrossShrink: true },
            fc.constantFrom(...ATOMS),
            fc.tuple(fc.constantFrom(...OPENERS), tie("regex")).map(([open, body]) => `${open}${body})`),
          ),
          repeat,
        )
        .map(([atom, count]) => atom + count),
    },
    { weight: 1, arbitrary: fc.constantFrom(...BARE) },
  ),
}));

export const named = regex.map((source) => {
  let n = 0;
  return source.replace(/\(\?(P?)<g>/g, (_, p: string) => `(?${p}<g${n++}>`);
});

export const withEdits = edited(named, fc.constantFrom(...EDITS), { maxEdits: 2, maxDelete: 1 });
