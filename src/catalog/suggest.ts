/*
 * "Did you mean": candidates close to what was typed, by edit distance (with transpositions, the
 * commonest typo), by a shared prefix, or by a matching tail (`search_volume` for
 * `keyword_info.search_volume`). Best first.
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

export function suggest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = input.toLowerCase();
  const threshold = Math.max(1, Math.floor(needle.length / 3));
  const scored: { candidate: string; score: number; prefix: number }[] = [];
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    if (hay === needle) continue;
    let score = editDistance(needle, hay, threshold);
    const tail = hay.slice(hay.lastIndexOf(".") + 1);
    if (hay.endsWith(`.${needle}`)) score = Math.min(score, 1);
    else if (needle.length >= 4 && editDistance(needle, tail, 1) <= 1) score = Math.min(score, 2);
    if (needle.length >= 3 && hay.startsWith(needle)) score = Math.min(score, 1);
    if (score <= threshold) scored.push({ candidate, score, prefix: commonPrefix(needle, hay) });
  }
  scored.sort((x, y) => x.score - y.score || y.prefix - x.prefix || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}
