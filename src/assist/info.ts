import { valuesOf, type FieldValues } from "../catalog/enums.js";
import { sortability, type FieldMatch } from "../catalog/field-catalog.js";
import { operatorsFor } from "../catalog/operators.js";
import type { ResolvedCatalog } from "../catalog/resolve.js";
import type { TimeAnchor, TimeShift } from "../syntax/ast.js";
import { formatApiTime, isInApiRange, resolveTime } from "../values/time.js";

/*
 * The explanations completion and hover both give: of a field on its endpoint, of a documented
 * value set, of a time. One wording for both. Code is in backquotes.
 */


/** "documented values: `LOW` `MEDIUM` `HIGH` (or null), from https://…" */
export function valuesLine(values: FieldValues): string {
  const shown = values.set.values.slice(0, 12).map((v) => `\`${v}\``).join(" ");
  const more = values.set.values.length > 12 ? ` … (${values.set.values.length} in all)` : "";
  const nullable = values.set.nullPossible === true ? " (or null)" : "";
  const what = values.kind === "array_element" ? "documented elements" : "documented values";
  return `${what}: ${shown}${more}${nullable}; from ${values.set.source}`;
}

/**
 * A field on the catalog's endpoint: its type (and the pattern it matched), the operators it takes,
 * whether `order_by` can sort by it, its documented values, and whether it is only derived.
 */
export function fieldInfo(catalog: ResolvedCatalog, match: FieldMatch, path: string): string {
  const fields = catalog.fields;
  const pattern = match.pattern === path ? "" : ` (${match.pattern})`;
  const derived = fields === undefined || fields.isDocumented(match.pattern) ? "" : " (derived from response schemas)";
  const lines = [`${path}${pattern}: ${match.type}${derived}`, `operators: ${operatorsFor(catalog, match.type).join(" ")}`];
  const endpoint = catalog.endpoint;
  if (endpoint !== undefined && endpoint.orderBy && catalog.param === "filters") {
    const sort = sortability(match);
    lines.push(sort === "sortable" ? "sortable in `order_by`" : sort === "not_sortable" ? "not sortable in `order_by`" : "sortable in `order_by`: undocumented");
  }
  const values = valuesOf(catalog, match.pattern);
  if (values !== undefined) {
    if (values.set.stated !== undefined) lines.push(`“${values.set.stated}”`);
    lines.push(valuesLine(values));
  }
  return lines.join("\n");
}

/** The instant a time stands for today: `= 2024-05-16 12:00:00 +00:00 (UTC)`. */
export function timeInfo(anchor: TimeAnchor, shifts: readonly TimeShift[], nowMs: number): string {
  const ms = resolveTime(anchor, shifts, nowMs);
  if (!isInApiRange(ms)) return "outside the times DataForSEO can hold";
  return `= \`${formatApiTime(ms)}\` (UTC), as sent`;
}
