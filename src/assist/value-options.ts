import type { FieldType } from "../catalog/endpoints.js";
import { valuesOf } from "../catalog/enums.js";
import type { ResolvedCatalog } from "../catalog/resolve.js";
import type { TimeAnchor, TimeShift } from "../syntax/ast.js";
import { quoteString } from "../values/strings.js";
import { formatApiTime, timeLiteral } from "../values/time.js";
import { timeInfo, valuesLine } from "./info.js";
import type { CompletionOption } from "./types.js";

/*
 * Value options: what fits right of an operator, given the field's type and, where DataForSEO
 * documents them, its values (`competition_level`: `"LOW"`, `"MEDIUM"`, `"HIGH"`).
 */

export interface ValueScope {
  readonly catalog: ResolvedCatalog | undefined;
  /** The field's catalog pattern and type, where the catalog has it. */
  readonly pattern: string | undefined;
  readonly type: FieldType | undefined;
  readonly nowMs: number;
}

const DAY = 86_400_000;

const ago = (days: number): TimeShift[] => [{ sign: -1, amount: days, unit: "d" }];

/** Times as completion offers them, each with the instant it stands for today. */
function timeOptions(scope: ValueScope): CompletionOption[] {
  const now: TimeAnchor = { kind: "now" };
  const valid = Number.isFinite(scope.nowMs);
  const info = (anchor: TimeAnchor, shifts: readonly TimeShift[] = []) => (valid ? { info: timeInfo(anchor, shifts, scope.nowMs) } : {});
  const today = valid ? timeLiteral(formatApiTime(scope.nowMs)).slice(0, 10) : "2024-01-31";
  const todayMs = valid ? Math.floor(scope.nowMs / DAY) * DAY : 0;
  return [
    { label: "now", kind: "value", detail: "the current time", ...info(now) },
    { label: "today", kind: "value", detail: "midnight UTC today", ...info({ kind: "today" }) },
    { label: "now - 7d", kind: "value", detail: "a week ago", ...info(now, ago(7)) },
    { label: "now - 30d", kind: "value", detail: "30 days ago", ...info(now, ago(30)) },
    { label: today, kind: "value", detail: "a date (yyyy-mm-dd, UTC)", ...info({ kind: "instant", epochMs: todayMs }) },
  ];
}

/** The documented values of the field, quoted, with the set's wording and source as info. */
function documentedOptions(scope: ValueScope, element: boolean): CompletionOption[] {
  if (scope.pattern === undefined) return [];
  const values = valuesOf(scope.catalog, scope.pattern);
  if (values === undefined || (values.kind === "array_element") !== element) return [];
  const info = [values.set.stated === undefined ? undefined : `“${values.set.stated}”`, valuesLine(values)].filter((l) => l !== undefined).join("\n");
  return values.set.values.map((v) => ({ label: quoteString(v), kind: "value" as const, detail: "documented value", info, boost: 2 }));
}

/**
 * The values that fit right of `op` (as written, lower case: `=`, `not like`, `between`, `in`) on
 * the field; `inList` inside an `in` list.
 */
export function valueOptions(scope: ValueScope, op: string, inList: boolean): CompletionOption[] {
  const type = scope.type;
  const element: FieldType | undefined = type === "array.str" ? "str" : type === "array.num" ? "num" : type;
  const out: CompletionOption[] = [];
  if (/like|regex|match/.test(op)) {
    if (op.includes("like")) out.push({ label: '"%…%"', kind: "value", detail: "contains", apply: '"%%"' });
    else out.push({ label: '""', kind: "value", detail: op.includes("regex") ? "an RE2 pattern" : "words", apply: '""' });
    return out;
  }
  out.push(...documentedOptions(scope, op.includes("has")));
  const numeric = op === "<" || op === ">" || op === "<=" || op === ">=" || op === "between";
  if ((element === undefined || element === "bool") && !numeric) {
    out.push({ label: "true", kind: "value" }, { label: "false", kind: "value" });
  }
  if (element === undefined || element === "time") out.push(...timeOptions(scope));
  if (element === undefined || element === "str") out.push({ label: '""', kind: "value", detail: "text", apply: '""' });
  if (!inList && (op === "=" || op === "<>" || op === "==" || op === "!=")) {
    out.push({ label: "null", kind: "value", detail: "no value (undocumented)", boost: -20 });
  }
  return out;
}
