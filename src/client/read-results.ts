import * as messages from "../diagnostics/messages.js";
import type { ResponseWarning } from "./live-types.js";
import { ENGLISH_MESSAGES } from "../task/zod-english.js";
import { resultSchemaOf, type ItemOf, type ResultOf } from "./response-schemas.js";

/** Warnings kept per result; the rest are counted in one more. */
const MAX_WARNINGS_PER_RESULT = 20;

export interface ReadResults<E extends string> {
  readonly results: ResultOf<E>[];
  readonly items: ItemOf<E>[];
  readonly warnings: ResponseWarning[];
}

/**
 * Reads a live task's `result` array leniently: a paid answer is never thrown away because one
 * field differs from the schema. Each result that fits is taken as parsed; one that does not is
 * kept as received, and each difference becomes a warning with its JSON path (the first 20 of a
 * result, then one warning that counts the rest). Items are those of every result whose `items`
 * is an array, whatever else it holds.
 */
export function readResults<E extends string>(endpointId: E, raw: readonly unknown[] | null, taskIndex = 0): ReadResults<E> {
  const schema = resultSchemaOf(endpointId);
  const results: ResultOf<E>[] = [];
  const items: ItemOf<E>[] = [];
  const warnings: ResponseWarning[] = [];
  for (const [index, received] of (raw ?? []).entries()) {
    const at = ["tasks", taskIndex, "result", index];
    const parsed = schema.safeParse(received, ENGLISH_MESSAGES);
    const result = (parsed.success ? parsed.data : received) as ResultOf<E>;
    if (!parsed.success) {
      const issues = parsed.error.issues;
      for (const issue of issues.slice(0, MAX_WARNINGS_PER_RESULT)) {
        const path = [...at, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))];
        warnings.push({ code: "unexpected_result", path, message: issue.message });
      }
      const more = issues.length - MAX_WARNINGS_PER_RESULT;
      if (more > 0) warnings.push({ code: "unexpected_result", path: at, message: messages.moreSchemaDifferences(more) });
    }
    results.push(result);
    const list: unknown = typeof result === "object" && result !== null ? (result as { items?: unknown }).items : undefined;
    if (Array.isArray(list)) for (const item of list as ItemOf<E>[]) items.push(item);
  }
  return { results, items, warnings };
}
