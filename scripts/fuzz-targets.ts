/*
 * The fuzz targets: each public entry point (or family of them), the inputs it gets, and what
 * must hold of its answers. A target's `run` returns the wrong results it saw and throws `Crash`
 * when an entry point threw what it must not (anything but DfsqError from the throwing API,
 * anything at all from the result API). scripts/fuzz.ts runs them for as long as asked;
 * test/fuzz/*.prop.test.ts run the ones that hold today, on their CI inputs, a few thousand times.
 */
import fc from "fast-check";
import { RE2JS } from "re2js";
import { analyze, complete, hover } from "../src/assist/index.js";
import { prepareTask } from "../src/task/prepare-task.js";
import { checkFilter, checkOrderBy, compileFilter, compileOrderBy, type CheckResult } from "../src/compile.js";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { DfsqError } from "../src/diagnostics/error.js";
import { formatDiagnostics } from "../src/diagnostics/format.js";
import { compileMatcher, evaluateFilter, matchItems } from "../src/eval/evaluate.js";
import type { CompileOptions } from "../src/options.js";
import { printFilter, printOrderBy } from "../src/print/print-filter.js";
import { filter, orderBy } from "../src/template/template.js";
import { validateFilter, validateOrderBy } from "../src/validate/validate.js";
import { findRe2SyntaxError, re2Program } from "../src/values/re2-syntax.js";
import {
  anyText,
  campaignFilterText,
  ciTask,
  ciTemplate,
  evalFilter,
  evalItem,
  filterText,
  hostileOptions,
  hostileOrderBy,
  hostileValue,
  jsonFilter,
  largeText,
  NOW,
  orderByText,
  regexPattern,
  saneOptions,
  strangeItem,
  task,
  template,
} from "./fuzz-inputs.js";
import { oracleMatches } from "./fuzz-oracle.js";

/** An entry point threw what it must not. */
export class Crash extends Error {
  readonly entry: string;
  readonly error: unknown;
  constructor(entry: string, error: unknown) {
    super(`${entry} threw ${describeError(error)}`);
    this.entry = entry;
    this.error = error;
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 200)}`;
  try {
    return `a non-error: ${String(error).slice(0, 200)}`;
  } catch {
    return "a non-error that cannot be printed";
  }
}

/**
 * Strict structural equality of two JSON-like values (Object.is on leaves), with a loop: the
 * arrays compared nest 20,000 deep (a long chain in binary groups), past util.isDeepStrictEqual.
 */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (Object.is(x, y)) continue;
    if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y) || Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return false;
    const xKeys = Object.keys(x);
    const yKeys = Object.keys(y);
    if (xKeys.length !== yKeys.length) return false;
    for (const key of xKeys) {
      if (!Object.hasOwn(y, key)) return false;
      stack.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
    }
  }
  return true;
}

/** Calls an entry point documented never to throw. */
function never<T>(entry: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new Crash(entry, e);
  }
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DfsqError };

/** Calls an entry point documented to throw DfsqError and nothing else. */
function onlyDfsq<T>(entry: string, fn: () => T): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof DfsqError) return { ok: false, error: e };
    throw new Crash(entry, e);
  }
}

export interface Target<I> {
  /** The entry points, as the campaign's table names them. */
  readonly name: string;
  /** Everything the campaign throws at them. */
  readonly input: fc.Arbitrary<I>;
  /** Runs the entry points on one input: the wrong results seen (empty when all is well). */
  run(input: I): string[];
}

const codes = (diagnostics: readonly Diagnostic[]) => [...new Set(diagnostics.map((d) => d.code))].join(", ") || "none";
const errors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "error");

/** Diagnostics about text: spans inside it, with line and column where the span starts. */
function textDiagnostics(entry: string, source: string, diagnostics: readonly Diagnostic[], wrong: string[]): void {
  for (const d of diagnostics) {
    const { start, end } = d.span;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= source.length)) {
      wrong.push(`${entry}: ${d.code} has the span ${JSON.stringify(d.span)} outside the input (length ${source.length})`);
      continue;
    }
    const lines = source.slice(0, start).split(/\r\n|\r|\n/);
    if (d.line !== lines.length || d.column !== lines[lines.length - 1]!.length + 1) {
      wrong.push(`${entry}: ${d.code} at ${start} says line ${d.line}, column ${d.column}`);
    }
  }
}

/** A result's `ok`, `value` and severities agree. */
function consistent<T>(entry: string, r: CheckResult<T>, wrong: string[]): void {
  if (r.ok !== (r.value !== undefined)) wrong.push(`${entry}: ok is ${r.ok} but value is ${r.value === undefined ? "absent" : "present"}`);
  if (r.ok !== (errors(r.diagnostics).length === 0)) wrong.push(`${entry}: ok is ${r.ok} with errors ${codes(errors(r.diagnostics))}`);
}

/** Diagnostics about a raw value: each names its JSON path or the option it is about. */
function valueDiagnostics(entry: string, diagnostics: readonly Diagnostic[], wrong: string[]): void {
  for (const d of diagnostics) {
    const pathOk = Array.isArray(d.path) && d.path.every((p) => typeof p === "string" || (Number.isInteger(p) && p >= 0));
    if (!pathOk && d.option === undefined) wrong.push(`${entry}: ${d.code} names neither a JSON path nor an option`);
  }
}

/** Options for the second half of a round trip: the same catalog and output shape. */
const OPEN: CompileOptions = { maxConditions: Number.POSITIVE_INFINITY, now: NOW };

/** Codes of checks on a pattern's contents, which the printer leaves to the compiler. */
const PATTERN_CODES = new Set(["invalid_regex", "regex_too_long", "regex_too_complex", "like_too_long"]);

// ---------------------------------------------------------------------------------------------

export interface TextInput {
  readonly text: string;
  readonly options: CompileOptions;
}

function checkCompiledFilter(text: string, options: CompileOptions, wrong: string[]): void {
  const r = never("checkFilter", () => checkFilter(text, options));
  textDiagnostics("checkFilter", text, r.diagnostics, wrong);
  consistent("checkFilter", r, wrong);
  const thrown = onlyDfsq("compileFilter", () => compileFilter(text, options));
  if (thrown.ok !== r.ok || (thrown.ok && !isDeepStrictEqual(thrown.value, r.value))) wrong.push("compileFilter and checkFilter disagree");
  if (!r.ok) return;
  const v = never("validateFilter", () => validateFilter(r.value, options));
  if (!v.ok) wrong.push(`validateFilter refuses compileFilter's output: ${codes(errors(v.diagnostics))}`);
  else if (!isDeepStrictEqual(v.value, r.value)) wrong.push("validateFilter changes compileFilter's output");
  const printed = onlyDfsq("printFilter", () => printFilter(r.value));
  if (!printed.ok) {
    wrong.push(`printFilter refuses compileFilter's output: ${codes(printed.error.diagnostics)}`);
    return;
  }
  const again = never("checkFilter", () => checkFilter(printed.value, { ...options, maxInputLength: Number.POSITIVE_INFINITY }));
  if (!again.ok) wrong.push(`the printed filter does not compile: ${codes(errors(again.diagnostics))} in ${JSON.stringify(printed.value).slice(0, 200)}`);
  else if (!isDeepStrictEqual(again.value, r.value)) wrong.push(`the printed filter compiles to other arrays: ${JSON.stringify(printed.value).slice(0, 200)}`);
}

function checkCompiledOrderBy(text: string, options: CompileOptions, wrong: string[]): void {
  const r = never("checkOrderBy", () => checkOrderBy(text, options));
  textDiagnostics("checkOrderBy", text, r.diagnostics, wrong);
  consistent("checkOrderBy", r, wrong);
  const thrown = onlyDfsq("compileOrderBy", () => compileOrderBy(text, options));
  if (thrown.ok !== r.ok || (thrown.ok && !isDeepStrictEqual(thrown.value, r.value))) wrong.push("compileOrderBy and checkOrderBy disagree");
  if (!r.ok) return;
  const v = never("validateOrderBy", () => validateOrderBy(r.value, options));
  if (!v.ok) wrong.push(`validateOrderBy refuses compileOrderBy's output: ${codes(errors(v.diagnostics))}`);
  else if (!isDeepStrictEqual(v.value, r.value)) wrong.push("validateOrderBy changes compileOrderBy's output");
  const printed = onlyDfsq("printOrderBy", () => printOrderBy(r.value));
  if (!printed.ok) {
    wrong.push(`printOrderBy refuses compileOrderBy's output: ${codes(printed.error.diagnostics)}`);
    return;
  }
  const again = never("checkOrderBy", () => checkOrderBy(printed.value, options));
  if (!again.ok || !isDeepStrictEqual(again.value, r.value)) wrong.push(`the printed order-by does not compile back: ${JSON.stringify(printed.value).slice(0, 200)}`);
}

const textOptions = (ci: boolean) =>
  ci ? fc.oneof(fc.constant<CompileOptions>({ now: NOW }), saneOptions) : fc.oneof(fc.constant<CompileOptions>({ now: NOW }), saneOptions, hostileOptions);

export const compileTextTarget = (ci = false): Target<TextInput> => ({
  name: "checkFilter / compileFilter",
  input: fc.record({ text: ci ? anyText(filterText) : fc.oneof({ weight: 9, arbitrary: anyText(campaignFilterText) }, { weight: 1, arbitrary: largeText }), options: textOptions(ci) }),
  run({ text, options }) {
    const wrong: string[] = [];
    checkCompiledFilter(text, options, wrong);
    return wrong;
  },
});

export const orderByTextTarget = (ci = false): Target<TextInput> => ({
  name: "checkOrderBy / compileOrderBy",
  input: fc.record({ text: ci ? anyText(orderByText) : fc.oneof({ weight: 9, arbitrary: anyText(orderByText) }, { weight: 1, arbitrary: largeText }), options: textOptions(ci) }),
  run({ text, options }) {
    const wrong: string[] = [];
    checkCompiledOrderBy(text, options, wrong);
    return wrong;
  },
});

// ---------------------------------------------------------------------------------------------

/** Whether the printed text compiles to what validate makes of the value, and both accept alike. */
function printedMatchesValidated(
  entry: string,
  printed: Outcome<string>,
  validated: CheckResult<unknown>,
  compile: (text: string) => CheckResult<unknown>,
  wrong: string[],
): void {
  if (validated.ok && !printed.ok) wrong.push(`${entry} refuses what validation accepts: ${codes(printed.error.diagnostics)}`);
  if (!printed.ok) return;
  const again = never("check of printed text", () => compile(printed.value));
  const refused = errors(again.diagnostics).filter((d) => !PATTERN_CODES.has(d.code));
  if (!validated.ok && refused.length > 0) {
    wrong.push(`${entry} prints what validation refuses (${codes(errors(validated.diagnostics))}), as text that does not compile (${codes(refused)})`);
  } else if (validated.ok && again.ok && !isDeepStrictEqual(again.value, validated.value)) {
    wrong.push(`${entry}'s text compiles to other arrays than validation makes: ${printed.value.slice(0, 200)}`);
  }
}

export const printTarget = (ci = false): Target<{ filter: unknown; orderBy: unknown }> => ({
  name: "printFilter / printOrderBy",
  input: fc.record({ filter: ci ? jsonFilter : hostileValue, orderBy: ci ? fc.jsonValue({ maxDepth: 2 }) : hostileOrderBy }),
  run({ filter: value, orderBy: order }) {
    const wrong: string[] = [];
    const printed = onlyDfsq("printFilter", () => printFilter(value));
    let validated: CheckResult<unknown> | undefined;
    try {
      validated = validateFilter(value, OPEN);
    } catch {
      // validateFilter's own crash is the validate target's to report.
    }
    if (validated) printedMatchesValidated("printFilter", printed, validated, (text) => checkFilter(text, { ...OPEN, maxInputLength: Number.POSITIVE_INFINITY }), wrong);
    const printedOrder = onlyDfsq("printOrderBy", () => printOrderBy(order));
    let validatedOrder: CheckResult<unknown> | undefined;
    try {
      validatedOrder = validateOrderBy(order, { maxSortRules: Number.POSITIVE_INFINITY });
    } catch {
      // As above.
    }
    if (validatedOrder) printedMatchesValidated("printOrderBy", printedOrder, validatedOrder, (text) => checkOrderBy(text, { maxSortRules: Number.POSITIVE_INFINITY, maxInputLength: Number.POSITIVE_INFINITY }), wrong);
    return wrong;
  },
});

export const validateTarget = (ci = false): Target<{ filter: unknown; orderBy: unknown; options: CompileOptions }> => ({
  name: "validateFilter / validateOrderBy",
  input: fc.record({
    filter: ci ? jsonFilter : hostileValue,
    orderBy: ci ? fc.jsonValue({ maxDepth: 2 }) : hostileOrderBy,
    options: textOptions(ci),
  }),
  run({ filter: value, orderBy: order, options }) {
    const wrong: string[] = [];
    const v = never("validateFilter", () => validateFilter(value, options));
    valueDiagnostics("validateFilter", v.diagnostics, wrong);
    consistent("validateFilter", v, wrong);
    if (v.ok) {
      const again = never("validateFilter", () => validateFilter(v.value, options));
      if (!again.ok || !isDeepStrictEqual(again.value, v.value)) wrong.push("validateFilter is not idempotent on its own output");
      const printed = onlyDfsq("printFilter", () => printFilter(v.value));
      if (!printed.ok) wrong.push(`printFilter refuses validateFilter's output: ${codes(printed.error.diagnostics)}`);
    }
    const o = never("validateOrderBy", () => validateOrderBy(order, options));
    valueDiagnostics("validateOrderBy", o.diagnostics, wrong);
    consistent("validateOrderBy", o, wrong);
    if (o.ok) {
      const again = never("validateOrderBy", () => validateOrderBy(o.value, options));
      if (!again.ok || !isDeepStrictEqual(again.value, o.value)) wrong.push("validateOrderBy is not idempotent on its own output");
    }
    return wrong;
  },
});

// ---------------------------------------------------------------------------------------------

export const evaluateTarget = (ci = false): Target<{ filter: unknown; items: unknown[] }> => ({
  name: "evaluateFilter / compileMatcher / matchItems",
  input: fc.record({ filter: ci ? fc.oneof(evalFilter, jsonFilter) : fc.oneof(evalFilter, hostileValue), items: fc.array(ci ? evalItem : strangeItem, { maxLength: 4 }) }),
  run({ filter: value, items }) {
    const wrong: string[] = [];
    const matcher = onlyDfsq("compileMatcher", () => compileMatcher(value));
    const listed = onlyDfsq("matchItems", () => matchItems(value, items));
    if (listed.ok !== matcher.ok) wrong.push("matchItems and compileMatcher disagree on whether the filter is valid");
    if (!matcher.ok) {
      for (const item of items.slice(0, 1)) {
        if (onlyDfsq("evaluateFilter", () => evaluateFilter(value, item)).ok) wrong.push("evaluateFilter accepts what compileMatcher refuses");
      }
      return wrong;
    }
    const verdicts = items.map((item) => never("a compiled matcher", () => matcher.value(item)));
    if (listed.ok && !isDeepStrictEqual(listed.value, items.filter((_, i) => verdicts[i]))) wrong.push("matchItems keeps other items than the matcher accepts");
    items.forEach((item, i) => {
      const single = onlyDfsq("evaluateFilter", () => evaluateFilter(value, item));
      if (!single.ok || single.value !== verdicts[i]) wrong.push("evaluateFilter and compileMatcher disagree on an item");
    });
    return wrong;
  },
});

/** The evaluator against the independent one, on well-formed filters and JSON items. */
export const oracleTarget = (): Target<{ filter: unknown; items: Record<string, unknown>[] }> => ({
  name: "evaluator vs independent oracle",
  input: fc.record({ filter: evalFilter, items: fc.array(evalItem, { minLength: 1, maxLength: 6 }) }),
  run({ filter: value, items }) {
    const matcher = onlyDfsq("compileMatcher", () => compileMatcher(value));
    if (!matcher.ok) return [`compileMatcher refuses a well-formed filter: ${codes(matcher.error.diagnostics)}`];
    const wrong: string[] = [];
    for (const item of items) {
      const got = never("a compiled matcher", () => matcher.value(item));
      const expected = oracleMatches(value, item);
      if (got !== expected) wrong.push(`dfsq says ${got}, the oracle ${expected}, for ${JSON.stringify(value)} on ${JSON.stringify(item)}`);
    }
    return wrong;
  },
});

// ---------------------------------------------------------------------------------------------

/** Control characters that must not reach a terminal from the source (all but tab and newlines). */
// oxlint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const assistTarget = (ci = false): Target<{ text: string; offsets: number[]; orderBy: boolean; endpoint: string | undefined }> => ({
  name: "analyze / complete / hover",
  input: fc.record({
    text: anyText(ci ? filterText : campaignFilterText),
    offsets: fc.array(ci ? fc.nat({ max: 200 }) : fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(Number.NaN, 1.5, Number.POSITIVE_INFINITY)), { maxLength: 3 }),
    orderBy: fc.boolean(),
    endpoint: fc.constantFrom(undefined, "backlinks/referring_domains", "on_page/pages"),
  }),
  run({ text, offsets, orderBy: isOrderBy, endpoint }) {
    const wrong: string[] = [];
    const options = { mode: isOrderBy ? ("orderBy" as const) : ("filter" as const), now: NOW, ...(endpoint === undefined ? {} : { endpoint }) };
    const a = never("analyze", () => analyze(text, options));
    textDiagnostics("analyze", text, a.diagnostics, wrong);
    let last = 0;
    for (const t of a.tokens) {
      if (!(t.from >= last && t.from <= t.to && t.to <= text.length)) wrong.push(`analyze: token ${t.from}-${t.to} out of order or outside the input`);
      last = t.to;
    }
    const checked = isOrderBy ? checkOrderBy(text, options) : checkFilter(text, options);
    if (!isDeepStrictEqual(a.value, checked.value)) wrong.push("analyze's value differs from the compiler's");
    for (const raw of offsets) {
      const offset = Number.isFinite(raw) && raw >= 0 ? Math.min(raw, text.length) : raw;
      const c = never("complete", () => complete(text, offset, options));
      if (c !== null && !(Number.isInteger(c.from) && Number.isInteger(c.to) && c.from >= 0 && c.from <= c.to && c.to <= text.length)) {
        wrong.push(`complete at ${offset}: the range ${c.from}-${c.to} is outside the input`);
      }
      const h = never("hover", () => hover(text, offset, options));
      if (h !== null && !(Number.isInteger(h.from) && Number.isInteger(h.to) && h.from >= 0 && h.from <= h.to && h.to <= text.length)) {
        wrong.push(`hover at ${offset}: the range ${h.from}-${h.to} is outside the input`);
      }
    }
    return wrong;
  },
});

export const formatTarget = (ci = false): Target<{ text: string; value: unknown; color: boolean; width: number }> => ({
  name: "formatDiagnostics",
  input: fc.record({ text: anyText(filterText), value: ci ? jsonFilter : hostileValue, color: fc.boolean(), width: fc.integer({ min: -5, max: 300 }) }),
  run({ text, value, color, width }) {
    const wrong: string[] = [];
    const diagnostics = checkFilter(text, { now: NOW }).diagnostics;
    const out = never("formatDiagnostics", () => formatDiagnostics(text, diagnostics, { color, width }));
    if (typeof out !== "string") wrong.push("formatDiagnostics returns no string");
    else if (!color && CONTROL.test(out)) wrong.push("formatDiagnostics copies a control character from the source into its output");
    let raw: readonly Diagnostic[] = [];
    try {
      raw = validateFilter(value).diagnostics;
    } catch {
      // validateFilter's own crash is the validate target's to report.
    }
    never("formatDiagnostics", () => formatDiagnostics("", raw, { color, width }));
    return wrong;
  },
});

// ---------------------------------------------------------------------------------------------

/** A TemplateStringsArray as a tagged template literal makes it. */
function templateStrings(strings: readonly string[]): TemplateStringsArray {
  return Object.assign([...strings], { raw: [...strings] }) as unknown as TemplateStringsArray;
}

export const templateTarget = (ci = false): Target<{ strings: string[]; values: unknown[] }> => ({
  name: "filter`` / orderBy`` templates",
  input: ci ? ciTemplate : template,
  run({ strings, values }) {
    const wrong: string[] = [];
    const tsa = templateStrings(strings);
    const r = never("filter.check", () => filter.check(tsa, ...values));
    consistent("filter.check", r, wrong);
    const thrown = onlyDfsq("filter``", () => filter(tsa, ...values));
    if (thrown.ok !== r.ok) wrong.push("filter`` and filter.check disagree");
    if (r.ok) {
      const v = never("validateFilter", () => validateFilter(r.value, { now: NOW }));
      if (!v.ok || !isDeepStrictEqual(v.value, r.value)) wrong.push(`validateFilter does not give back what filter\`\` compiled: ${codes(errors(v.diagnostics))}`);
    }
    const o = never("orderBy.check", () => orderBy.check(tsa, ...values));
    consistent("orderBy.check", o, wrong);
    onlyDfsq("orderBy``", () => orderBy(tsa, ...values));
    return wrong;
  },
});

export const prepareTarget = (ci = false): Target<Record<string, unknown>> => ({
  name: "client prepareTask (no network)",
  input: ci ? ciTask : task,
  run({ endpoint, ...fields }) {
    const wrong: string[] = [];
    const prepared = onlyDfsq("prepareTask", () => prepareTask(endpoint as string, fields, { now: NOW }));
    if (!prepared.ok) return wrong;
    const { task: sent, endpoint: spec } = prepared.value;
    if (sent.filters !== undefined) {
      const v = never("validateFilter", () => validateFilter(sent.filters, { endpoint: spec.id, now: NOW }));
      if (!v.ok || !isDeepStrictEqual(v.value, sent.filters)) wrong.push(`validateFilter does not give back the filters prepareTask sends: ${codes(errors(v.diagnostics))}`);
    }
    if (sent.order_by !== undefined) {
      const v = never("validateOrderBy", () => validateOrderBy(sent.order_by, { endpoint: spec.id }));
      if (!v.ok || !isDeepStrictEqual(v.value, sent.order_by)) wrong.push("validateOrderBy does not give back the order_by prepareTask sends");
    }
    return wrong;
  },
});

// ---------------------------------------------------------------------------------------------

/** re2js's two instructions of its own (failure and match); see test/values/pattern-cost.prop.test.ts. */
const RE2JS_OVERHEAD = 2;

export const re2Target = (): Target<string> => ({
  name: "RE2 checker vs re2js",
  input: regexPattern,
  run(pattern) {
    const wrong: string[] = [];
    const problem = never("findRe2SyntaxError", () => findRe2SyntaxError(pattern));
    if (problem !== undefined && !(problem.offset >= 0 && problem.length >= 0 && problem.offset + problem.length <= pattern.length)) {
      wrong.push(`findRe2SyntaxError: offset ${problem.offset}+${problem.length} outside the pattern`);
    }
    const program = never("re2Program", () => re2Program(pattern));
    if ((program === undefined) !== (problem !== undefined)) wrong.push("re2Program and findRe2SyntaxError disagree");
    // Compiling a huge program takes long; past a few thousand instructions only the verdict is compared.
    if (program !== undefined && program.size > 4000) return wrong;
    let size: number | undefined;
    try {
      size = RE2JS.compile(pattern).re2Input.numberOfInstructions();
    } catch {
      size = undefined;
    }
    if ((size !== undefined) !== (problem === undefined)) {
      wrong.push(`dfsq says ${problem === undefined ? "valid" : `invalid (${problem.reason})`}, re2js ${size === undefined ? "refuses it" : "compiles it"}: ${JSON.stringify(pattern)}`);
    } else if (size !== undefined && program !== undefined && size > program.size + RE2JS_OVERHEAD) {
      wrong.push(`re2js compiles ${size} instructions, more than the estimate ${program.size}: ${JSON.stringify(pattern)}`);
    }
    return wrong;
  },
});

/** Every target of the campaign, by the name the command line and the table use. */
export function campaignTargets(): Target<unknown>[] {
  return [
    compileTextTarget(),
    orderByTextTarget(),
    printTarget(),
    validateTarget(),
    evaluateTarget(),
    oracleTarget(),
    assistTarget(),
    formatTarget(),
    templateTarget(),
    prepareTarget(),
    re2Target(),
  ] as Target<unknown>[];
}
