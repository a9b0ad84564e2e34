import { ENDPOINTS } from "../catalog/endpoints.js";
import { segmentValuesOf } from "../catalog/enums.js";
import { sortability, type FieldCatalog } from "../catalog/field-catalog.js";
import type { BuiltInCatalogs } from "../catalog/catalog-data.js";
import { catalogOf, type ResolvedCatalog } from "../catalog/resolve.js";
import { printFieldPath } from "../print/print-value.js";
import { segmentText } from "../values/strings.js";
import { fieldInfo } from "./info.js";
import { matchLabel, type Candidate } from "./rank.js";
import type { CompletionOption } from "./types.js";

/*
 * Field options: segment by segment under a typed parent (`keyword_data.k` offers `keyword_info`,
 * `keyword`, …), or, for a word without a dot, whole paths matched by any part (`volume` offers
 * `keyword_data.keyword_info.search_volume`). A placeholder segment (`$tld`, `$item_type`, the
 * `$key` of a map) is offered as its documented keys, else as typical ones.
 */

export interface FieldScope {
  readonly catalog: ResolvedCatalog;
  readonly fields: FieldCatalog;
  /** Order-by: only fields that can be sorted. */
  readonly sortable: boolean;
  /** Paths not to offer (sort fields already used). */
  readonly exclude: ReadonlySet<string>;
}

/** Typical keys of placeholder segments the value sets do not document. */
const PLACEHOLDER_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  $tld: ["com", "org", "net"],
  $item_type: ["organic", "paid", "featured_snippet", "local_pack"],
  $page: ["1", "2"],
  $key: ["1", "2"],
};

/** The keys a placeholder segment may take: its documented set, else typical examples. */
function keysOf(scope: FieldScope, patternPrefix: string, segment: string): readonly string[] {
  return segmentValuesOf(scope.catalog, patternPrefix)?.set.values ?? PLACEHOLDER_EXAMPLES[segment] ?? [];
}

/** The text that inserts `label` (a segment, or a whole path) so that it reads back as itself. */
const applied = (label: string, text: string) => (text === label ? {} : { apply: text });

function leafOption(scope: FieldScope, label: string, path: string, pattern: string, type: CompletionOption["detail"] & string, first = true): CompletionOption {
  return {
    label,
    kind: "field",
    ...applied(label, first ? printFieldPath(label) : segmentText(label)),
    detail: type,
    // Documented fields first among equals.
    boost: scope.fields.isDocumented(pattern) ? 1 : 0,
    info: fieldInfo(scope.catalog, { pattern, type: scope.fields.fields[pattern]! }, path),
  };
}

const sortableHere = (scope: FieldScope, pattern: string) =>
  !scope.sortable || sortability({ pattern, type: scope.fields.fields[pattern]! }) !== "not_sortable";

/** The segments that may follow `parent` (no parent: the first segments). */
export function segmentOptions(scope: FieldScope, parent: readonly string[]): CompletionOption[] {
  const seen = new Map<string, CompletionOption>();
  const add = (o: CompletionOption) => {
    const key = `${o.label}|${o.kind}`;
    if (!seen.has(key)) seen.set(key, o);
  };
  for (const [pattern, type] of Object.entries(scope.fields.fields)) {
    const segments = pattern.split(".");
    if (segments.length <= parent.length) continue;
    if (!parent.every((p, i) => p === segments[i] || segments[i]!.startsWith("$"))) continue;
    // For an order-by, a path leads somewhere only if its field can be sorted.
    if (!sortableHere(scope, pattern)) continue;
    const next = segments[parent.length]!;
    const leaf = segments.length === parent.length + 1;
    const labels = next.startsWith("$") ? keysOf(scope, segments.slice(0, parent.length + 1).join("."), next) : [next];
    for (const label of labels) {
      if (leaf) {
        const path = [...parent, label].join(".");
        if (!scope.exclude.has(path)) add(leafOption(scope, label, path, pattern, type, parent.length === 0));
      } else {
        add({ label, kind: "namespace", detail: "…", apply: `${segmentText(label)}.` });
      }
    }
  }
  return [...seen.values()];
}

/** At most this many paths per pattern when its placeholders are filled in. */
const MAX_EXPANSIONS = 12;

/** A pattern's concrete paths: each placeholder segment filled in with its keys. */
function expand(scope: FieldScope, pattern: string): string[] {
  if (!pattern.includes("$")) return [pattern];
  const segments = pattern.split(".");
  let paths: string[][] = [[]];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const options = s.startsWith("$") ? keysOf(scope, segments.slice(0, i + 1).join("."), s) : [s];
    if (options.length === 0) return [];
    paths = paths.flatMap((p) => options.map((o) => [...p, o])).slice(0, MAX_EXPANSIONS);
  }
  return paths.map((p) => p.join("."));
}

/** A concrete path of a catalog pattern, placeholders filled in with their first key; undefined
 * where a placeholder has none. */
export function examplePath(scope: FieldScope, pattern: string): string | undefined {
  return expand(scope, pattern)[0];
}

/**
 * Whole paths below the first segment whose later segments match `typed` (lower case): the first
 * segments themselves come from `segmentOptions`.
 */
export function pathCandidates(scope: FieldScope, typed: string): Candidate[] {
  const out: Candidate[] = [];
  for (const [pattern, type] of Object.entries(scope.fields.fields)) {
    const firstDot = pattern.indexOf(".");
    if (firstDot < 0 || !sortableHere(scope, pattern)) continue;
    for (const path of expand(scope, pattern)) {
      if (scope.exclude.has(path)) continue;
      const match = matchLabel(path, typed, true, path.indexOf(".") + 1);
      if (match === undefined) continue;
      out.push({ option: leafOption(scope, path, path, pattern, type), match, commonness: commonness(pattern, scope.catalog.catalogs), length: pattern.length });
    }
  }
  return out;
}

const countsOf = new WeakMap<BuiltInCatalogs, Map<string, number>>();

/** How many endpoints' `filters` catalogs have the path: among equally short paths, the more
 * common one is the likelier meant. Counted once per set of catalogs, on first use; 0 without. */
export function commonness(path: string, catalogs: BuiltInCatalogs | undefined): number {
  if (catalogs === undefined) return 0;
  let counts = countsOf.get(catalogs);
  if (counts === undefined) {
    countsOf.set(catalogs, (counts = new Map()));
    for (const spec of ENDPOINTS.values()) {
      if (!("filters" in spec.params)) continue;
      for (const p of catalogOf(spec, "filters", catalogs)?.paths() ?? []) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
  }
  return counts.get(path) ?? 0;
}
