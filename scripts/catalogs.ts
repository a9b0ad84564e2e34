import { readFileSync } from "node:fs";
import { ENDPOINTS, type CatalogSource, type FieldType, type FilterParam } from "../src/catalog/endpoints.js";
import { findEndpoint } from "../src/catalog/resolve.js";

/*
 * Turns the vendored field catalogs (data/dataforseo/available-filters/*.json) into the package's
 * data: src/catalog/catalogs.generated.ts (fields and types, per catalog source, shaped like the
 * API's `available_filters` result) and src/catalog/fields.generated.ts (FieldOf<E> types).
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
