import { readFileSync } from "node:fs";
import { ENDPOINTS, type CatalogSource, type FieldType } from "../src/catalog/endpoints.js";

/*
 * Turns the vendored field catalogs (data/dataforseo/available-filters/*.json) into the package's
 * data: src/catalog/catalogs.generated.ts (fields and types, per catalog source, shaped like the
 * API's `available_filters` result) and src/catalog/fields.generated.ts (FieldOf<E> types).
 */

type FieldMap = Record<string, FieldType>;
type Tree = { [key: string]: Tree | FieldMap };
interface Source {
  version: string;
  provenance: "documented" | "derived";
  docs: string;
  /** Fields seen in DataForSEO's docs, per catalog key path ("referring_domains", "ranked_keywords/google");
   * empty for a documented source, where every field is documented. */
  documented: Record<string, string[]>;
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

function documentedEverywhere(result: Tree, fields: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, map] of leaves(result)) {
    const present = fields.filter((f) => f in map);
    if (present.length > 0) out[path.join("/")] = present;
  }
  return out;
}

export function buildSources(dir: string): Record<CatalogSource, Source> {
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
  const docExamples = (file: Record<string, unknown>, key: string) =>
    exampleFields((file._documented_fields as Record<string, unknown> | undefined)?.[key]);

  return {
    backlinks: {
      version: blSource.documented_version.split(" ")[0]!,
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/backlinks/filters/",
      documented: Object.fromEntries(Object.entries(blProvenance).map(([k, p]) => [k, p.documented])),
      result: resultOf(backlinks),
    },
    dataforseo_labs: {
      version: (labs._source as { version: string }).version,
      provenance: "documented",
      docs: "https://docs.dataforseo.com/v3/dataforseo_labs/filters/",
      // A documented catalog documents every one of its fields.
      documented: {},
      result: labsResult,
    },
    on_page: {
      version: "unknown",
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/on_page/filters_and_thresholds/",
      documented: documentedEverywhere(onPageResult, docExamples(onPage, "help_center_example")),
      result: onPageResult,
    },
    content_analysis: {
      version: String((content._source as { documented_version?: string }).documented_version ?? "unknown").split(" ")[0]!,
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/content_analysis/filters/",
      documented: documentedEverywhere(contentResult, docExamples(content, "docs_examples")),
      result: contentResult,
    },
    business_data: {
      version: "unknown",
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/business_data/business_listings/filters/",
      documented: documentedEverywhere(businessResult, docExamples(business, "docs_examples")),
      result: businessResult,
    },
    "domain_analytics/whois": {
      version: "unknown",
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/domain_analytics/whois/filters/",
      documented: {},
      result: resultOf(domain, (k) => (k.startsWith("whois.") ? k.slice("whois.".length) : undefined)),
    },
    "domain_analytics/technologies": {
      version: "unknown",
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/domain_analytics/technologies/filters/",
      documented: {},
      result: resultOf(domain, (k) => (k.startsWith("technologies.") ? k.slice("technologies.".length) : undefined)),
    },
    app_data: {
      version: "unknown",
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/app_data/",
      documented: documentedEverywhere(appResult, docExamples(app, "docs_examples")),
      result: appResult,
    },
    "ai_optimization/llm_mentions": {
      version: "unknown",
      provenance: "derived",
      docs: "https://docs.dataforseo.com/v3/ai_optimization/llm_mentions/",
      documented: documentedEverywhere(aiResult, docExamples(ai, "docs_examples")),
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
  const body = JSON.stringify(sources, null, 1);
  return (
    HEADER +
    'import type { CatalogSourceData } from "./catalog-types.js";\n' +
    'import type { CatalogSource } from "./endpoints.js";\n\n' +
    "/** Field catalogs per `available_filters` source, with version and provenance. */\n" +
    `export const CATALOG_SOURCES: Readonly<Record<CatalogSource, CatalogSourceData>> = ${body};\n`
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
    const map = lookup(sources[source].result, keys);
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
