import type { FieldType } from "./endpoints.js";

/** A catalog's fields: `{ "referring_links_tld.$tld": "num", … }`. */
export type FieldMap = Readonly<Record<string, FieldType>>;

/** The shape of an `available_filters` result: nested keys down to field maps. */
export interface CatalogTree {
  readonly [key: string]: CatalogTree | FieldMap;
}

/** Documented: DataForSEO's own complete list. Derived: rebuilt from response schemas, may be incomplete. */
export type Provenance = "documented" | "derived";

export interface CatalogSourceData {
  readonly version: string;
  readonly provenance: Provenance;
  readonly docs: string;
  /** Fields seen in DataForSEO's docs, per catalog key path ("referring_domains", "ranked_keywords/google"). */
  readonly documented: Readonly<Record<string, readonly string[]>>;
  /** Per catalog key path: what DataForSEO's own examples use that the catalog lacks (newer
   * fields, sort keys such as `relevance`). Counted as documented. */
  readonly examples: Readonly<Record<string, { readonly fields: FieldMap; readonly sortKeys: readonly string[] }>>;
  readonly result: CatalogTree;
}
