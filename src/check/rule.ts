import type { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { Limits } from "../options.js";
import type { Leaf } from "./walk.js";

/** What every rule sees. Rules report into `bag` and never throw. */
export interface RuleContext {
  readonly bag: DiagnosticBag;
  readonly limits: Limits;
}

/** A semantic check on one leaf of a filter (a condition, a `between`, a bare field). */
export type FilterRule = (leaf: Leaf, ctx: RuleContext) => void;
