/*
 * "Did you mean": candidates close to what was typed, ignoring case, by edit distance (with
 * transpositions, the commonest typo), by a shared prefix, or by a matching tail
 * (`search_volume` for `keyword_info.search_volume`). Best first.
 */

/** Optimal string alignment distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The last `n` dot-separated segments of `path`. */
function lastSegments(path: string, n: number): string {
  let at = path.length;
  for (let i = 0; i < n && at > 0; i++) at = path.lastIndexOf(".", at - 1);
  return at <= 0 ? path : path.slice(at + 1);
}

const segmentsOf = (path: string) => path.split(".").length;

/**
 * Up to `limit` candidates close to `input`, best first. Case is ignored: a candidate that differs
 * only in case is the best there is (`Rank` → `rank`). A candidate whose leaf is the input, or that
 * is the input's own leaf (`search_volume` ↔ `keyword_info.search_volume`), comes next, then
 * typos. Ties go to the shortest path, then to the candidates' own order (a catalog's documented
 * order), because the leaf people mean is the plain one: `keyword_info.search_volume`, not
 * `clickstream_keyword_info.search_volume`.
 */
export function suggest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = input.toLowerCase();
  const needleSegments = segmentsOf(needle);
  const threshold = Math.max(1, Math.floor(needle.length / 3));
  const scored: { candidate: string; score: number; segments: number; prefix: number; order: number }[] = [];
  let order = 0;
  for (const candidate of candidates) {
    order++;
    if (candidate === input) continue;
    const hay = candidate.toLowerCase();
    let score = hay === needle ? 0 : editDistance(needle, hay, threshold);
    if (score > 1 && (hay.endsWith(`.${needle}`) || needle.endsWith(`.${hay}`))) score = 1;
    if (score > 2 && needle.length >= 4 && editDistance(needle, lastSegments(hay, needleSegments), 1) <= 1) score = 2;
    if (score > 1 && needle.length >= 3 && hay.startsWith(needle)) score = 1;
    if (score <= threshold) {
      scored.push({ candidate, score, segments: segmentsOf(hay), prefix: commonPrefix(needle, hay), order });
    }
  }
  scored.sort((x, y) => x.score - y.score || x.segments - y.segments || y.prefix - x.prefix || x.order - y.order);
  return scored.slice(0, limit).map((s) => s.candidate);
}
