import type { FieldMatch } from "../catalog/field-catalog.js";
import type { ResolvedCatalog } from "../catalog/resolve.js";
import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { Limits } from "../options.js";
import type { OrderByNode } from "../syntax/ast.js";
import type { SentCondition } from "./sent.js";
import type { Leaf } from "./walk.js";

/** What every rule sees. Rules report into `bag` and never throw. */
export interface RuleContext {
  readonly bag: DiagnosticBag;
  readonly limits: Limits;
  /** The endpoint's fields; undefined for untyped checks. */
  readonly catalog: ResolvedCatalog | undefined;
  /** The catalog field a path matches; undefined without a field catalog or when unknown. */
  fieldOf(path: string): FieldMatch | undefined;
}

/**
 * A semantic check on one leaf of a filter (a condition, a `between`, a bare field), given the
 * conditions it is sent as (after `not` and `between`): checks about operators judge `sent`.
 */
export type FilterRule = (leaf: Leaf, ctx: RuleContext, sent: readonly SentCondition[]) => void;

/** A semantic check on an order-by. */
export type OrderByRule = (ast: OrderByNode, ctx: RuleContext) => void;

export function ruleContext(bag: DiagnosticBag, limits: Limits, catalog: ResolvedCatalog | undefined): RuleContext {
  const fields = catalog?.fields;
  return {
    bag,
    limits,
    catalog,
    fieldOf: fields === undefined ? () => undefined : (path) => fields.lookup(path),
  };
}
