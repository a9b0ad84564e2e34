import fc from "fast-check";

/** Texts from `base` with a few random edits: each deletes up to `maxDelete` characters at a
 * position and inserts one of `inserts` there (what a person in the middle of typing produces). */
export function edited(
  base: fc.Arbitrary<string>,
  inserts: fc.Arbitrary<string>,
  { maxEdits, maxDelete, minEdits = 0 }: { maxEdits: number; maxDelete: number; minEdits?: number },
): fc.Arbitrary<string> {
  return fc
    .tuple(base, fc.array(fc.tuple(fc.nat(), fc.nat({ max: maxDelete }), inserts), { minLength: minEdits, maxLength: maxEdits }))
    .map(([source, edits]) => {
      let s = source;
      for (const [at, deleteCount, insert] of edits) {
        const i = at % (s.length + 1);
        s = s.slice(0, i) + insert + s.slice(i + deleteCount);
      }
      return s;
    });
}
