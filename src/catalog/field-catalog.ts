import type { FieldMap, Provenance } from "./catalog-types.js";
import type { FieldType } from "./endpoints.js";

/** A catalog field that a path matched: the catalog's own path (with placeholders) and its type. */
export interface FieldMatch {
  readonly pattern: string;
  readonly type: FieldType;
}

interface Pattern {
  readonly pattern: string;
  readonly segments: readonly string[];
  readonly type: FieldType;
}

/** A catalog path segment such as `$tld` or `$key`: it stands for any one non-empty segment. */
export const isPlaceholder = (segment: string) => segment.startsWith("$");

/**
 * The fields one filter parameter of one endpoint accepts. Placeholder segments (`$tld`, `$key`,
 * `$item_type`, `$page`, `$app_id`) match any one segment, so `referring_links_tld.$tld` matches
 * `referring_links_tld.com`. Exact paths are a map lookup; placeholder patterns are tried only for
 * paths with the same number of segments.
 */
export class FieldCatalog {
  /** Exact paths, each with its match made once (a lookup per condition and rule allocates none). */
  readonly #exact = new Map<string, FieldMatch>();
  readonly #patterns = new Map<number, Pattern[]>();
  /** Paths already matched against the patterns (`referring_links_tld.com`), bounded. */
  readonly #matched = new Map<string, FieldMatch | undefined>();

  constructor(
    readonly fields: FieldMap,
    readonly provenance: Provenance,
    /** Fields seen in DataForSEO's docs; undefined when every field is documented. */
    readonly documented: ReadonlySet<string> | undefined,
    /** Order-by keys that are not filter fields (Labs' `relevance`). */
    readonly sortKeys: readonly string[] = [],
  ) {
    for (const [pattern, type] of Object.entries(fields)) {
      const segments = pattern.split(".");
      if (segments.some(isPlaceholder)) {
        const list = this.#patterns.get(segments.length) ?? [];
        list.push({ pattern, segments, type });
        this.#patterns.set(segments.length, list);
      } else {
        this.#exact.set(pattern, { pattern, type });
      }
    }
  }

  lookup(path: string): FieldMatch | undefined {
    const exact = this.#exact.get(path);
    if (exact !== undefined) return exact;
    if (this.#patterns.size === 0) return undefined;
    if (this.#matched.has(path)) return this.#matched.get(path);
    const match = this.#matchPatterns(path);
    if (this.#matched.size >= 1000) this.#matched.clear();
    this.#matched.set(path, match);
    return match;
  }

  #matchPatterns(path: string): FieldMatch | undefined {
    const segments = path.split(".");
    for (const p of this.#patterns.get(segments.length) ?? []) {
      if (p.segments.every((s, i) => s === segments[i] || (isPlaceholder(s) && segments[i] !== ""))) {
        return { pattern: p.pattern, type: p.type };
      }
    }
    return undefined;
  }

  isDocumented(pattern: string): boolean {
    return this.documented === undefined || this.documented.has(pattern);
  }

  paths(): string[] {
    return Object.keys(this.fields);
  }
}

/**
 * Whether a catalog field can be an order-by field: array fields cannot (LBF), nor TLD map keys
 * (BLF); other map keys (`referring_links_types.$key`) are undocumented either way.
 */
export function sortability(match: FieldMatch): "sortable" | "not_sortable" | "unknown" {
  if (match.type === "array.str" || match.type === "array.num") return "not_sortable";
  const segments = match.pattern.split(".");
  if (segments.includes("$tld")) return "not_sortable";
  // A leading $key is a target index ("1.rank,desc" is documented); a later one is a map key.
  if (segments.slice(1).includes("$key")) return "unknown";
  return "sortable";
}
