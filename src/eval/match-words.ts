/*
 * `match` as dfsq reads it: a whole-word, case-insensitive search. DataForSEO documents it only as
 * "full-text word search" (filters-spec.md 2.3); the exact tokenizer is unknown, so this is dfsq's
 * choice, written down in docs/semantics.md.
 */

/** A word: a run of Unicode letters, combining marks and digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a text, lower-cased (locale-independent) and in Unicode NFC form. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().normalize("NFC").match(WORD) ?? [];
}

/**
 * Compiles a `match` query: a value matches when every word of the query is a word of the value,
 * in any order. A query without words (`""`, `"--"`) matches no value, as a full-text search with
 * no terms finds nothing.
 */
export function compileMatch(query: string): (value: string) => boolean {
  const wanted = [...new Set(wordsOf(query))];
  if (wanted.length === 0) return () => false;
  if (wanted.length === 1) {
    const only = wanted[0]!;
    return (value) => wordsOf(value).includes(only);
  }
  return (value) => {
    const present = new Set(wordsOf(value));
    return wanted.every((word) => present.has(word));
  };
}
