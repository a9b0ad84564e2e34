/*
 * Field paths as DataForSEO writes them (`keyword_info.search_volume`, `1.rank`,
 * `intersection_result.1.rank_absolute`, `referring_links_tld.com`), read against one item of a
 * response. A path in a filter is concrete: catalog placeholders such as `$tld` have already been
 * replaced by a key, so reading needs no pattern matching.
 */

/** The segments of a path, split on every `.` (so `a..b` has an empty middle key, as the API's
 * `referring_links_semantic_locations.` names the empty-named location). */
export function splitPath(path: string): readonly string[] {
  return path.split(".");
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * The value at `segments` inside `item`, or undefined when some segment is not there. A segment
 * is an own key of an object (never an inherited one such as `constructor`); on an array, a
 * decimal index from 0. Iterative, so any depth of item costs no stack.
 */
export function readPath(item: unknown, segments: readonly string[]): unknown {
  let current = item;
  for (const segment of segments) {
    if (current === null || typeof current !== "object") return undefined;
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX.test(segment)) return undefined;
      const index = Number(segment);
      if (index >= current.length) return undefined;
      current = current[index];
    } else {
      if (!Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
