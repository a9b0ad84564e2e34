import { readFileSync } from "node:fs";
import { ENDPOINTS, type CatalogSource, type FieldType, type FilterParam } from "../src/catalog/endpoints.js";
import { findEndpoint } from "../src/catalog/resolve.js";

/*
 * Turns the vendored field catalogs (data/dataforseo/available-filters/*.json) into the package's
 * data: src/catalog/catalogs.generated.ts (fields and types, per catalog source, shaped like the
 * API's `available_filters` result), src/catalog/fields.generated.ts (FieldOf<E> types) and, from
 * data/dataforseo/enums.json, src/catalog/enums.generated.ts (documented value sets).
 */

type FieldMap = Record<string, FieldType>;
type Tree = { [key: string]: Tree | FieldMap };
interface FromExamples {
  fields: Record<string, FieldType>;
  sortKeys: string[];
}

interface Source {
  version: string;
  provenance: "documented" | "derived";
  docs: string;
  /** Fields seen in DataForSEO's docs, per catalog key path ("referring_domains", "ranked_keywords/google");
   * empty for a documented source, where every field is documented. */
  documented: Record<string, string[]>;
  /** Per catalog key path: fields and sort keys that the docs' own examples use but the catalog lacks. */
  examples: Record<string, FromExamples>;
  result: Tree;
}

const read = (dir: string, name: string) =>
  JSON.parse(readFileSync(`${dir}/available-filters/${name}.json`, "utf8")) as Record<string, unknown>;

const isFieldMap = (v: unknown): v is FieldMap =>
  typeof v === "object" && v !== null && Object.values(v).every((t) => typeof t === "string");

/** The non-metadata keys of a vendored file (metadata keys start with `_`). */
function resultOf(file: Record<string, unknown>, pick?: (key: string) => string | undefined): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(file)) {
    if (key.startsWith("_")) continue;
    const name = pick === undefined ? key : pick(key);
    if (name !== undefined) out[name] = value as Tree;
  }
  return out;
}

/** Leaf catalogs of a result tree with their key paths. */
function leaves(tree: Tree, prefix: string[] = []): [string[], FieldMap][] {
  return Object.entries(tree).flatMap(([k, v]) => (isFieldMap(v) ? [[[...prefix, k], v] as [string[], FieldMap]] : leaves(v, [...prefix, k])));
}

/** "ai_search_volume (num)" → "ai_search_volume": the field names quoted by docs examples. */
function exampleFields(notes: unknown): string[] {
  const list = Array.isArray(notes) ? notes : [];
  return list.filter((n): n is string => typeof n === "string").map((n) => n.split(/[ (]/)[0]!).filter((n) => n.length > 0);
}

function docExamples(file: Record<string, unknown>, key: string): string[] {
  return exampleFields((file._documented_fields as Record<string, unknown> | undefined)?.[key]);
}

function documentedEverywhere(result: Tree, fields: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, map] of leaves(result)) {
    const present = fields.filter((f) => f in map);
    if (present.length > 0) out[path.join("/")] = present;
  }
  return out;
}

/**
 * Typos in DataForSEO's examples: never taken as fields. (data/dataforseo/README.md names the
 * first two; `page_from_page_from_size` doubles a prefix of `page_from_size`;
 * `keyword_info.high_top_of_page_bid` drops the `keyword_data.` prefix every other field of its
 * endpoint has.)
 */
export const EXAMPLE_TYPOS: readonly string[] = ["acnhor", "texr_pre", "page_from_page_from_size", "keyword_info.high_top_of_page_bid"];

interface Example {
  endpoint: string;
  param: string;
  value: unknown;
}

function inferType(op: string, value: unknown): FieldType | undefined {
  const sample = Array.isArray(value) ? value[0] : value;
  if (op === "has" || op === "has_not") return typeof sample === "number" ? "array.num" : "array.str";
  if (typeof sample === "string" && sample.startsWith("$item->")) return undefined;
  if (typeof sample === "number" || (typeof sample === "string" && /^-?\d+(\.\d+)?$/.test(sample))) return "num";
  if (typeof sample === "boolean" || sample === "true" || sample === "false") return "bool";
  if (typeof sample === "string" && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(sample)) return "time";
  return typeof sample === "string" ? "str" : undefined;
}

function conditionsIn(value: unknown, out: [string, string, unknown][] = []): [string, string, unknown][] {
  if (!Array.isArray(value)) return out;
  if (value.length === 3 && typeof value[0] === "string" && typeof value[1] === "string" && value[1] !== "and" && value[1] !== "or") {
    out.push(value as [string, string, unknown]);
  } else for (const item of value) conditionsIn(item, out);
  return out;
}

/** Adds what valid docs examples use and the catalogs lack, per source and catalog key path. */
function addExampleFields(dir: string, sources: Record<CatalogSource, Source>): void {
  const examples = JSON.parse(readFileSync(`${dir}/examples.json`, "utf8")) as Example[];
  for (const e of examples) {
    if (e.value === null) continue;
    const spec = findEndpoint(e.endpoint);
    const param = (e.param === "order_by" ? "filters" : e.param.replace(/filter$/, "filters")) as FilterParam;
    const keys = spec?.params[param];
    if (spec === undefined || keys === undefined || keys === null) continue;
    const source = sources[spec.source];
    const map = lookup(source.result, keys) ?? {};
    const keyPath = keys.join("/");
    const entry = (source.examples[keyPath] ??= { fields: {}, sortKeys: [] });
    const known = (field: string) => field in map || field in entry.fields || EXAMPLE_TYPOS.includes(field) || matchesPattern(map, field);
    if (e.param === "order_by") {
      for (const rule of e.value as string[]) {
        const field = rule.slice(0, rule.lastIndexOf(","));
        if (!known(field) && !entry.sortKeys.includes(field)) entry.sortKeys.push(field);
      }
      continue;
    }
    for (const [field, op, value] of conditionsIn(e.value)) {
      const type = inferType(op, value);
      if (type !== undefined && !known(field)) entry.fields[field] = type;
    }
  }
  for (const source of Object.values(sources)) {
    for (const [keyPath, entry] of Object.entries(source.examples)) {
      // A sort key that is also a filter field from the examples is a field.
      entry.sortKeys = entry.sortKeys.filter((k) => !(k in entry.fields));
      if (entry.sortKeys.length === 0 && Object.keys(entry.fields).length === 0) delete source.examples[keyPath];
    }
  }
}

function matchesPattern(map: FieldMap, field: string): boolean {
  const segments = field.split(".");
  return Object.keys(map).some((pattern) => {
    const p = pattern.split(".");
    return p.length === segments.length && p.every((s, i) => s === segments[i] || s.startsWith("$"));
  });
}

export function buildSources(dir: string): Record<CatalogSource, Source> {
  const sources = readSources(dir);
  addExampleFields(dir, sources);
  return sources;
}

function readSources(dir: string): Record<CatalogSource, Source> {
  const backlinks = read(dir, "backlinks");
  const blSource = backlinks._source as { documented_version: string };
  const blProvenance = backlinks._provenance as Record<string, { documented: string[] }>;
  const labs = read(dir, "dataforseo_labs");
  const labsResult = resultOf(labs);
  const onPage = read(dir, "on_page");
  const onPageResult = resultOf(onPage);
  const content = read(dir, "content_analysis");
  const contentResult = resultOf(content);
  const business = read(dir, "business_data");
  const businessResult = resultOf(business);
  const domain = read(dir, "domain_analytics");
  const app = read(dir, "app_data");
  const appResult = resultOf(app);
  const ai = read(dir, "ai_optimization");
  const aiResult = resultOf(ai);

  return {
    backlinks: {
      version: blSource.documented_version.split(" ")[0]!,
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/backlinks/filters/",
      documented: Object.fromEntries(Object.entries(blProvenance).map(([k, p]) => [k, p.documented])),
      examples: {},
      result: resultOf(backlinks),
    },
    dataforseo_labs: {
      version: (labs._source as { version: string }).version,
      provenance: "documented",
      docs: "https://docs.dataforseo.com/v3/dataforseo_labs/filters/",
      // A documented catalog documents every one of its fields.
      documented: {},
      examples: {},
      result: labsResult,
    },
    on_page: {
      version: "unknown",
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/on_page/filters_and_thresholds/",
      documented: documentedEverywhere(onPageResult, docExamples(onPage, "help_center_example")),
      examples: {},
      result: onPageResult,
    },
    content_analysis: {
      version: String((content._source as { documented_version?: string }).documented_version ?? "unknown").split(" ")[0]!,
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/content_analysis/filters/",
      documented: documentedEverywhere(contentResult, docExamples(content, "docs_examples")),
      examples: {},
      result: contentResult,
    },
    business_data: {
      version: "unknown",
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/business_data/business_listings/filters/",
      documented: documentedEverywhere(businessResult, docExamples(business, "docs_examples")),
      examples: {},
      result: businessResult,
    },
    "domain_analytics/whois": {
      version: "unknown",
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/domain_analytics/whois/filters/",
      documented: {},
      examples: {},
      result: resultOf(domain, (k) => (k.startsWith("whois.") ? k.slice("whois.".length) : undefined)),
    },
    "domain_analytics/technologies": {
      version: "unknown",
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/domain_analytics/technologies/filters/",
      documented: {},
      examples: {},
      result: resultOf(domain, (k) => (k.startsWith("technologies.") ? k.slice("technologies.".length) : undefined)),
    },
    app_data: {
      version: "unknown",
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/app_data/",
      documented: documentedEverywhere(appResult, docExamples(app, "docs_examples")),
      examples: {},
      result: appResult,
    },
    "ai_optimization/llm_mentions": {
      version: "unknown",
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/ai_optimization/llm_mentions/",
      documented: documentedEverywhere(aiResult, docExamples(ai, "docs_examples")),
      examples: {},
      result: aiResult,
    },
  };
}

function lookup(tree: Tree, keys: readonly string[]): FieldMap | undefined {
  let node: Tree | FieldMap | undefined = tree;
  for (const k of keys) node = node === undefined || isFieldMap(node) ? undefined : (node as Tree)[k];
  return node !== undefined && isFieldMap(node) ? node : undefined;
}

const HEADER = "// Generated by scripts/generate-catalogs.ts from data/dataforseo/available-filters. Do not edit.\n";

export function catalogsSource(dir: string): string {
  const sources = buildSources(dir);
  // A JSON string parsed on first use: a large object literal costs every import its parse
  // time, while most compiles name no endpoint.
  const json = JSON.stringify(sources);
  return (
    HEADER +
    'import type { CatalogSourceData } from "./catalog-types.js";\n' +
    'import type { CatalogSource } from "./endpoints.js";\n\n' +
    "let sources: Readonly<Record<CatalogSource, CatalogSourceData>> | undefined;\n\n" +
    "/** Field catalogs per `available_filters` source, with version and provenance. */\n" +
    "export function catalogSources(): Readonly<Record<CatalogSource, CatalogSourceData>> {\n" +
    "  sources ??= JSON.parse(DATA) as Record<CatalogSource, CatalogSourceData>;\n" +
    "  return sources;\n" +
    "}\n\n" +
    `const DATA = ${JSON.stringify(json)};\n`
  );
}

/** A catalog path as a TypeScript type: placeholder segments (`$tld`) match any segment. */
function pathType(path: string): string {
  if (!path.includes("$")) return JSON.stringify(path);
  const template = path
    .split(".")
    .map((s) => (s.startsWith("$") ? "${string}" : s.replace(/[`\\$]/g, (c) => `\\${c}`)))
    .join(".");
  return `\`${template}\``;
}

export function fieldTypesSource(dir: string): string {
  const sources = buildSources(dir);
  const aliases = new Map<string, { name: string; text: string }>();
  const aliasFor = (source: CatalogSource, keys: readonly string[]): string => {
    const id = `${source}:${keys.join("/")}`;
    const existing = aliases.get(id);
    if (existing !== undefined) return existing.name;
    const base = lookup(sources[source].result, keys);
    const map = base === undefined ? undefined : { ...base, ...sources[source].examples[keys.join("/")]?.fields };
    const name = `Fields_${`${source}_${keys.join("_")}`.replace(/[^A-Za-z0-9]+/g, "_")}`;
    const union = map === undefined ? "string" : Object.keys(map).map(pathType).join("\n  | ");
    aliases.set(id, { name, text: `type ${name} =\n  | ${union};` });
    return name;
  };
  const entries: string[] = [];
  for (const spec of ENDPOINTS.values()) {
    const params = Object.entries(spec.params).map(
      ([param, keys]) => `    ${param}: ${keys === null || keys === undefined ? "string" : aliasFor(spec.source, keys)};`,
    );
    entries.push(`  ${JSON.stringify(spec.id)}: {\n${params.join("\n")}\n  };`);
  }
  return (
    HEADER +
    [...aliases.values()].map((a) => a.text).join("\n\n") +
    "\n\n/** Field paths per endpoint and filter parameter; see FieldOf in catalog/types.ts. */\n" +
    `export interface EndpointFieldMap {\n${entries.join("\n")}\n}\n`
  );
}

/* ---- documented value sets (data/dataforseo/enums.json) ---- */

interface VendoredSet {
  values: string[];
  stated_as?: string;
  sources: string[];
  null_possible?: boolean;
  note?: string;
}
interface VendoredField {
  kind: "value" | "array_element" | "map_key";
  values: string[];
  set: string;
}
interface VendoredPlaceholder extends VendoredField {
  applies_to: string[];
  confidence?: string;
}
interface VendoredEnums {
  sets: Record<string, VendoredSet>;
  fields: Record<string, unknown>;
}

/** The API folder of enums.json that documents each catalog source's fields. */
const ENUM_API: Readonly<Record<CatalogSource, string | undefined>> = {
  backlinks: "backlinks",
  dataforseo_labs: "dataforseo_labs",
  on_page: "on_page",
  content_analysis: "content_analysis",
  business_data: "business_data",
  "domain_analytics/whois": undefined,
  "domain_analytics/technologies": undefined,
  app_data: "app_data",
  "ai_optimization/llm_mentions": "ai_optimization",
};

/**
 * The one source a set is cited by in the package: its first docs URL, else its first source up to
 * any remark in parentheses. enums.json keeps them all.
 */
function sourceOf(sources: readonly string[]): string {
  const url = sources.join(" ").match(/https:\/\/[^\s,)]+/)?.[0];
  return url ?? sources[0]?.replace(/\s*\(.*$/, "") ?? "data/dataforseo/enums.json";
}

const isVendoredField = (v: unknown): v is VendoredField =>
  typeof v === "object" && v !== null && "kind" in v && "set" in v && Array.isArray((v as VendoredField).values);

/**
 * The value sets as the package holds them: each set once, with the wording it was stated in and
 * its source; per catalog source and key path (as in catalogs.generated.ts), the field patterns
 * and placeholder segments each set documents. Fields the vendored catalog lacks (enums.json may
 * be newer) are left out and listed in `skipped`; a field that repeats a set with other values
 * throws, so that the two cannot drift apart silently.
 */
export function buildEnums(dir: string): {
  sets: Record<string, { values: string[]; stated?: string; source: string; nullPossible?: true }>;
  fields: Record<string, Record<string, Record<string, { kind: VendoredField["kind"]; set: string }>>>;
  placeholders: Record<string, Record<string, Record<string, { set: string; appliesTo: string[]; confidence?: string }>>>;
  skipped: string[];
} {
  const enums = JSON.parse(readFileSync(`${dir}/enums.json`, "utf8")) as VendoredEnums;
  const sources = buildSources(dir);
  const sets: ReturnType<typeof buildEnums>["sets"] = {};
  for (const [id, s] of Object.entries(enums.sets)) {
    sets[id] = {
      values: s.values,
      ...(s.stated_as === undefined ? {} : { stated: s.stated_as }),
      source: sourceOf(s.sources),
      // Notes on conflicts between pages stay in enums.json, for maintainers.
      ...(s.null_possible === true ? { nullPossible: true as const } : {}),
    };
  }
  const sameValues = (field: VendoredField, where: string) => {
    const set = sets[field.set];
    if (set === undefined || JSON.stringify(set.values) !== JSON.stringify(field.values)) {
      throw new Error(`enums.json: ${where} lists other values than its set ${field.set}`);
    }
  };
  const fields: ReturnType<typeof buildEnums>["fields"] = {};
  const placeholders: ReturnType<typeof buildEnums>["placeholders"] = {};
  const skipped: string[] = [];
  for (const [source, data] of Object.entries(sources) as [CatalogSource, Source][]) {
    const api = ENUM_API[source];
    const tree = api === undefined ? undefined : (enums.fields[api] as Tree | undefined);
    if (tree === undefined) continue;
    for (const [keys, map] of leaves(data.result)) {
      let node: unknown = tree;
      for (const key of keys) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
      if (typeof node !== "object" || node === null) continue;
      const keyPath = keys.join("/");
      for (const [pattern, entry] of Object.entries(node as Record<string, unknown>)) {
        if (pattern === "$placeholders") {
          for (const [segment, p] of Object.entries(entry as Record<string, VendoredPlaceholder>)) {
            sameValues(p, `${api}/${keyPath} ${segment}`);
            ((placeholders[source] ??= {})[keyPath] ??= {})[segment] = {
              set: p.set,
              appliesTo: p.applies_to,
              ...(p.confidence === undefined ? {} : { confidence: p.confidence }),
            };
          }
          continue;
        }
        if (!isVendoredField(entry)) continue;
        if (!(pattern in map)) {
          skipped.push(`${api}/${keyPath} ${pattern}`);
          continue;
        }
        sameValues(entry, `${api}/${keyPath} ${pattern}`);
        ((fields[source] ??= {})[keyPath] ??= {})[pattern] = { kind: entry.kind, set: entry.set };
      }
    }
  }
  return { sets, fields, placeholders, skipped };
}

const ENUMS_HEADER = "// Generated by scripts/generate-catalogs.ts from data/dataforseo/enums.json. Do not edit.\n";

export function enumsSource(dir: string): string {
  const { skipped, ...data } = buildEnums(dir);
  const json = JSON.stringify(data);
  return (
    ENUMS_HEADER +
    (skipped.length === 0 ? "" : `// Left out, as the vendored catalogs lack these fields: ${skipped.join("; ")}.\n`) +
    'import type { EnumData } from "./enums.js";\n\n' +
    "let data: EnumData | undefined;\n\n" +
    "/** The value sets DataForSEO documents, with their sources, and the catalog fields they apply to. */\n" +
    "export function enumData(): EnumData {\n" +
    "  data ??= JSON.parse(DATA) as EnumData;\n" +
    "  return data;\n" +
    "}\n\n" +
    `const DATA = ${JSON.stringify(json)};\n`
  );
}
