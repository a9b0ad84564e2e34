import { readPath, splitPath } from "../../src/eval/path.js";
import type { ValueSuggestion } from "../../src/codemirror/index.js";

/**
 * The values `field` takes in `items` that contain `prefix` (any case), those that start with it
 * first, then the most frequent: what the filter bar's `values` hook offers from the sample
 * response.
 */
export function valuesIn(items: readonly unknown[], field: string, prefix: string, limit = 20): ValueSuggestion[] {
  const segments = splitPath(field);
  const counts = new Map<string | number | boolean, number>();
  for (const item of items) {
    const value = readPath(item, segments);
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }
  const typed = prefix.toLowerCase();
  const starts = (v: unknown) => (String(v).toLowerCase().startsWith(typed) ? 0 : 1);
  return [...counts]
    .filter(([v]) => String(v).toLowerCase().includes(typed))
    .toSorted((a, b) => starts(a[0]) - starts(b[0]) || b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
    .slice(0, limit)
    .map(([value, n]) => ({ value, detail: `in ${n} of ${items.length} sample items` }));
}
