import { isPlaceholder } from "../catalog/field-catalog.js";
import type { JsonSchema } from "./types.js";

/*
 * Field names as JSON Schema. Exact catalog paths become an `enum` (which editors offer as
 * completions); a path with placeholder segments (`referring_links_tld.$tld`) becomes a `pattern`
 * in which each placeholder is one non-empty segment without a dot, `[^.]+`, exactly what the
 * catalog lookup matches (src/catalog/field-catalog.ts).
 */

// The syntax characters only: under the `u` flag JSON Schema validators use, escaping any other is an error.
export const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

/** The regular expression (without anchors) of one catalog path. */
export function pathRegex(path: string): string {
  return path
    .split(".")
    .map((segment) => (isPlaceholder(segment) ? "[^.]+" : escapeRegex(segment)))
    .join("\\.");
}

const alternatives = (list: readonly string[]) => (list.length === 1 ? list[0]! : `(?:${list.join("|")})`);

/**
 * The strings `prefix + path` for the given catalog paths, then `suffixes` (each a literal):
 * `names(["rank"], "", [",asc", ",desc"])` accepts `"rank,asc"` and `"rank,desc"`.
 * Never empty-handed: with no paths it accepts nothing.
 */
export function namesSchema(paths: readonly string[], prefix = "", suffixes: readonly string[] = [""]): JsonSchema {
  const exact = paths.filter((p) => !p.split(".").some(isPlaceholder));
  const patterns = paths.filter((p) => p.split(".").some(isPlaceholder));
  const branches: JsonSchema[] = [];
  if (exact.length > 0) branches.push({ enum: exact.flatMap((p) => suffixes.map((s) => prefix + p + s)) });
  if (patterns.length > 0) {
    const ends = suffixes.length === 1 && suffixes[0] === "" ? "" : alternatives(suffixes.map(escapeRegex));
    branches.push({ pattern: `^${escapeRegex(prefix)}${alternatives(patterns.map(pathRegex))}${ends}$` });
  }
  if (branches.length === 0) return { not: {} };
  return { type: "string", ...(branches.length === 1 ? branches[0] : { anyOf: branches }) };
}
