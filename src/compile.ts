import { isBuiltFilter, type BuiltFilter } from "./builder/built-filter.js";
import type { ResolvedCatalog } from "./catalog/resolve.js";
import { checkFilterAst, checkOrderByFields } from "./check/check-filter.js";
import { bareFieldRule } from "./check/rules/bare-field.js";
import { unknownFieldRule } from "./check/rules/unknown-field.js";
import { valueTypeRule } from "./check/rules/value-type.js";
import { judgeOperator } from "./catalog/operators.js";
import { ruleContext, type RuleContext } from "./check/rule.js";
import { DiagnosticBag, makeDiagnostic, type Diagnostic } from "./diagnostics/diagnostic.js";
import { DfsqError } from "./diagnostics/error.js";
import * as hints from "./diagnostics/hints.js";
import * as messages from "./diagnostics/messages.js";
import type { FilterArray, OrderByArray } from "./lower/filter-array.js";
import { findContradictions } from "./lower/contradictions.js";
import { lowerFilter } from "./lower/lower.js";
import { conditionsOf, countConditions, emit, type LoweredNode } from "./lower/lowered.js";
import { optimizeFilter, type MayUse, type RewriteLog } from "./lower/rewrite.js";
import { readOptions, resolveCatalogOption, resolveLimits, type CompileOptions, type Limits } from "./options.js";
import type { Expr, OrderByNode } from "./syntax/ast.js";
import { parseFilter, parseOrderBy, type Parsed } from "./syntax/parse.js";
import { describeValue } from "./values/guarded.js";
import { Clock } from "./values/time.js";

/**
 * The outcome of a check: `value` is there exactly when `ok` (no errors; warnings allowed), so
 * `if (r.ok)` is all a caller tests before using it.
 */
export type CheckResult<T> =
  | { readonly ok: true; readonly value: T; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly value?: undefined; readonly diagnostics: readonly Diagnostic[] };

interface Setup {
  readonly bag: DiagnosticBag;
  readonly limits: Limits;
  readonly catalog: ResolvedCatalog | undefined;
  /** The options as checked by `readOptions`: only well-typed ones, limits within their ceilings. */
  readonly options: CompileOptions;
}

const ZERO = { start: 0, end: 0 } as const;

/** The boundary of every entry point: `options` may be anything a JavaScript caller passes. */
function setup(source: string, given: unknown, target: "filters" | "order_by"): Setup {
  const bag = new DiagnosticBag(source);
  const options = readOptions<CompileOptions>(given, (option, message) => bag.report("invalid_option", ZERO, message, { option }));
  const catalog = resolveCatalogOption(options, bag, target);
  const limits = resolveLimits(options, catalog?.endpoint?.maxConditions);
  if (catalog !== undefined && catalog.fields === undefined) {
    bag.report("no_catalog", { start: 0, end: 0 }, messages.noCatalog(catalog.name, catalog.param), {
      option: "endpoint",
      data: { endpoint: catalog.name, param: catalog.param },
    });
  }
  return { bag, limits, catalog, options };
}

/**
 * Checks an AST (parsed from text or raised from arrays) and lowers it to the API's arrays. The
 * shared back half of checkFilter and validateFilter.
 */
export function checkAndLower(
  ast: Expr,
  { bag, limits, catalog }: Setup,
  options: CompileOptions,
): FilterArray | undefined {
  const ctx = ruleContext(bag, limits, catalog);
  checkFilterAst(ast, ctx);
  if (bag.errorCount > 0) return undefined;
  let lowered = lowerFilter(ast, {
    bag,
    clock: new Clock(options.now),
    fieldType: (path) => ctx.fieldOf(path)?.type,
  });
  if (bag.errorCount > 0) return undefined;
  lowered = applyLimits(lowered, bag, limits, options.optimize === true, mayUseOf(ctx));
  if (bag.errorCount > 0) return undefined;
  findContradictions(lowered, (conditions) => {
    const last = conditions[conditions.length - 1]!;
    bag.reportAt("contradiction", last, messages.contradiction(last.field, conditions.map((c) => [c.op, JSON.stringify(c.value)] as const)), {
      data: { field: last.field },
    });
  });
  return emit(lowered, options.chains ?? "binary");
}

/**
 * Compiles a filter expression to DataForSEO's `filters` array (or `backlinks_filters`, …, with
 * `options.param`). With `options.endpoint` the fields are checked against that endpoint's
 * catalog. Never throws: every problem is in `diagnostics`, in source order.
 */
export function checkFilter(source: string | BuiltFilter, options?: CompileOptions): CheckResult<FilterArray> {
  if (typeof source !== "string" && !isBuiltFilter(source)) return notText("checkFilter", source, true);
  // A built filter is checked as its text, so that diagnostics point somewhere a person can read.
  const text = typeof source === "string" ? source : source.toString();
  return checkParsed(text, (bag, limits) => parseFilter(text, bag, limits), options);
}

/** Makes the AST: from text, from a template's tokens, or raised from arrays (dfsq/validate). */
type Parse<T> = (bag: DiagnosticBag, limits: Limits) => Pick<Parsed<T>, "ast" | "pieces">;

/** What is checked of the conditions that parsed where the whole filter did not: their fields
 * against the catalog, which needs no knowledge of the `not`s around them. */
const PIECE_RULES = [unknownFieldRule, bareFieldRule, valueTypeRule];

/** The back half of every filter entry point: `text` is what diagnostics refer to, `parse` makes
 * the AST from it (from source text, or from a template's pieces and values). */
export function checkParsed(text: string, parse: Parse<Expr>, options?: unknown): CheckResult<FilterArray> {
  const env = setup(text, options, "filters");
  if (env.bag.errorCount > 0) return result(env.bag);
  const { ast, pieces } = parse(env.bag, env.limits);
  const value = ast === undefined ? undefined : checkAndLower(ast, env, env.options);
  if (pieces !== undefined && env.catalog?.fields !== undefined) {
    const ctx = ruleContext(env.bag, env.limits, env.catalog);
    for (const piece of pieces) checkFilterAst(piece, ctx, PIECE_RULES);
  }
  return result(env.bag, value);
}

/** The answer to a source argument that is neither text nor (where `built`) a built filter. */
function notText<T>(name: string, source: unknown, built = false): CheckResult<T> {
  const message = messages.takes(name, built ? messages.things.textOrBuilt : messages.things.text, describeValue(source));
  return { ok: false, diagnostics: [makeDiagnostic("", "invalid_argument", ZERO, message)] };
}

/** With a catalog, a rewrite may send `in`/`not_in` only where the endpoint allows them outright. */
function mayUseOf(ctx: RuleContext): MayUse | undefined {
  const catalog = ctx.catalog;
  if (catalog === undefined || catalog.fields === undefined) return undefined;
  return (field, op) => {
    const type = ctx.fieldOf(field)?.type;
    return type !== undefined && judgeOperator(catalog, type, op).kind === "allowed";
  };
}

function applyLimits(node: LoweredNode, bag: DiagnosticBag, limits: Limits, optimize: boolean, mayUse: MayUse | undefined): LoweredNode {
  const count = countConditions(node);
  if (!optimize && count <= limits.maxConditions) return node;
  const log: RewriteLog = { dropped: 0, merged: [] };
  const optimized = optimizeFilter(node, limits.maxListLength, mayUse, log);
  const conditions = conditionsOf(optimized);
  // Asked for, the rewrites need no word; made to fit the limit, the user should know the array
  // sent is not the one written.
  if (!optimize && conditions.length < count && conditions.length <= limits.maxConditions) {
    bag.reportAt("filter_rewritten", conditions[0]!, messages.filterRewritten(count, conditions.length, limits.maxConditions, log), {
      data: { from: count, to: conditions.length },
    });
  }
  if (conditions.length > limits.maxConditions) {
    const first = conditions[limits.maxConditions]!;
    bag.reportAt("too_many_conditions", first, messages.tooManyConditions(conditions.length, limits.maxConditions), {
      hint: hints.optimize(),
      data: { count: conditions.length, max: limits.maxConditions },
    });
  }
  return optimized;
}

/** Compiles an order-by expression (`rank desc, backlinks`) to `["rank,desc", "backlinks,asc"]`. */
export function checkOrderBy(source: string, options?: CompileOptions): CheckResult<OrderByArray> {
  if (typeof source !== "string") return notText("checkOrderBy", source);
  return checkParsedOrderBy(source, (bag, limits) => parseOrderBy(source, bag, limits), options);
}

export function checkParsedOrderBy(text: string, parse: Parse<OrderByNode>, options?: unknown): CheckResult<OrderByArray> {
  const env = setup(text, options, "order_by");
  if (env.bag.errorCount > 0) return result(env.bag);
  const { ast } = parse(env.bag, env.limits);
  return result(env.bag, ast === undefined ? undefined : checkAndLowerOrderBy(ast, env));
}

export function checkAndLowerOrderBy(ast: OrderByNode, { bag, limits, catalog }: Setup): OrderByArray | undefined {
  checkOrderByFields(ast, ruleContext(bag, limits, catalog));
  if (bag.errorCount > 0) return undefined;
  return ast.rules.map((rule) => `${rule.field.path},${rule.direction}`);
}

function result<T>(bag: DiagnosticBag, value?: T): CheckResult<T> {
  const diagnostics = bag.sorted();
  return bag.errorCount === 0 && value !== undefined ? { ok: true, value, diagnostics } : { ok: false, diagnostics };
}

/**
 * The throwing API's end: the value, its warnings told to `options.onWarning`; or `DfsqError`
 * with every diagnostic.
 */
export function valueOrThrow<T>(r: CheckResult<T>, options: CompileOptions | undefined): T {
  if (!r.ok) throw new DfsqError(r.diagnostics);
  // Read as every option is (the check reported a bad one already): options may be hostile.
  const onWarning = readOptions<CompileOptions>(options, () => undefined).onWarning;
  if (onWarning !== undefined) for (const d of r.diagnostics) onWarning(d);
  return r.value;
}

/** Like `checkFilter`, but returns the array (warnings go to `options.onWarning`) and throws
 * `DfsqError` when there are errors. */
export function compileFilter(source: string | BuiltFilter, options?: CompileOptions): FilterArray {
  return valueOrThrow(checkFilter(source, options), options);
}

/** Like `checkOrderBy`, but returns the array (warnings go to `options.onWarning`) and throws
 * `DfsqError` when there are errors. */
export function compileOrderBy(source: string, options?: CompileOptions): OrderByArray {
  return valueOrThrow(checkOrderBy(source, options), options);
}
