import { enumData } from "./enums.generated.js";
import type { ResolvedCatalog } from "./resolve.js";

/*
 * The closed sets of values DataForSEO documents for some fields (data/dataforseo/enums.json):
 * `competition_level` is LOW, MEDIUM or HIGH, the `$key` of `referring_links_types.$key` is a link
 * type. Completion offers them; nothing refuses a value outside them, as the docs add values over
 * time.
 */

/** One documented set: its values, the words it was stated in, and where. */
export interface ValueSet {
  readonly values: readonly string[];
  readonly stated?: string;
  /** Where DataForSEO states the set: a docs URL where there is one (data/dataforseo/enums.json
   * lists every source). */
  readonly source: string;
  /** The source says the field may also be null. */
  readonly nullPossible?: true;
}

/** How a set applies to a field: the field's value, an element of the array, or a map key segment. */
export type ValueKind = "value" | "array_element" | "map_key";

/** The shape of enums.generated.ts (made by scripts/catalogs.ts). */
export interface EnumData {
  readonly sets: Readonly<Record<string, ValueSet>>;
  /** Per catalog source and key path ("ranked_keywords/google"): field pattern → set. */
  readonly fields: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, { readonly kind: ValueKind; readonly set: string }>>>>>>;
  /** Per catalog source and key path: placeholder segment (`$item_type`) → set, and the patterns
   * (`metrics.$item_type.*`) it applies to. */
  readonly placeholders: Readonly<
    Record<string, Readonly<Record<string, Readonly<Record<string, { readonly set: string; readonly appliesTo: readonly string[]; readonly confidence?: string }>>>>>
  >;
}

export interface FieldValues {
  readonly kind: ValueKind;
  /** The set's id in enums.json (`labs.competition_level`). */
  readonly id: string;
  readonly set: ValueSet;
}

/** Where the catalog's fields sit in the generated data; undefined without a built-in endpoint. */
function keyOf(catalog: ResolvedCatalog | undefined): { source: string; keyPath: string } | undefined {
  const keys = catalog?.endpoint?.params[catalog.param];
  if (catalog?.endpoint === undefined || keys === undefined || keys === null) return undefined;
  return { source: catalog.endpoint.source, keyPath: keys.join("/") };
}

/** The documented values of a catalog field (its pattern, as `lookup` returns it), if any. */
export function valuesOf(catalog: ResolvedCatalog | undefined, pattern: string): FieldValues | undefined {
  const key = keyOf(catalog);
  if (key === undefined) return undefined;
  const data = enumData();
  const entry = data.fields[key.source]?.[key.keyPath]?.[pattern];
  const set = entry === undefined ? undefined : data.sets[entry.set];
  return entry === undefined || set === undefined || entry.kind === "map_key" ? undefined : { kind: entry.kind, id: entry.set, set };
}

/**
 * The documented keys of the placeholder segment that ends `prefix` (`referring_links_types.$key`,
 * `metrics.$item_type`): a map key set on that pattern, or a placeholder set that applies to it.
 */
export function segmentValuesOf(catalog: ResolvedCatalog | undefined, prefix: string): FieldValues | undefined {
  const key = keyOf(catalog);
  if (key === undefined) return undefined;
  const data = enumData();
  const entry = data.fields[key.source]?.[key.keyPath]?.[prefix];
  if (entry?.kind === "map_key") {
    const set = data.sets[entry.set];
    return set === undefined ? undefined : { kind: "map_key", id: entry.set, set };
  }
  const segment = prefix.slice(prefix.lastIndexOf(".") + 1);
  const placeholder = data.placeholders[key.source]?.[key.keyPath]?.[segment];
  if (placeholder === undefined || !placeholder.appliesTo.some((p) => p === `${prefix}.*` || p.startsWith(`${prefix}.`))) return undefined;
  const set = data.sets[placeholder.set];
  return set === undefined ? undefined : { kind: "map_key", id: placeholder.set, set };
}
