import { registry, toJSONSchema, type $ZodType } from "zod/v4/core";
import type { FieldType } from "../catalog/endpoints.js";
import { sortability } from "../catalog/field-catalog.js";
import { operatorsFor } from "../catalog/operators.js";
import { resolveCatalog, type CatalogOptions, type ResolvedCatalog } from "../catalog/resolve.js";
import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import { DfsqError } from "../diagnostics/error.js";
import { resolveLimits } from "../options.js";
import type { Operator } from "../syntax/ast.js";
import { FIELD_REFERENCE_PREFIX } from "../syntax/operators.js";
import { ConditionSchema, FilterNodeSchema, FilterSchema, GroupSchema, OrderBySchema } from "../validate/schemas.js";
import { namesSchema } from "./names.js";
import type { JsonSchema, MutableJsonSchema } from "./types.js";
import { ANY_REFERENCE, classOf, OPERATOR_CLASSES, typedValue, untypedValue } from "./values.js";

/*
 * JSON Schemas (draft 2020-12) of `filters` and `order_by`, generated from the zod schemas of
 * src/validate/schemas.ts by zod's own converter, so that the wire format is declared once. Zod
 * cannot convert what those schemas check in code (refinements): which values an operator takes,
 * that a group alternates operands and one connective. Those are written into the converter's
 * output here, at the very schemas that check them (the `override` hook), from the same facts
 * the checks use: operator classes, the field catalogs, the limits. The result accepts every
 * value dfsq accepts without an error and rejects what dfsq refuses where JSON Schema can say so;
 * docs/schema.md lists the rest.
 */

export interface JsonSchemaOptions extends CatalogOptions {
  /** Conditions per filter, 1 to 100; a group can have no more operands. Default: the endpoint's, else 8. */
  readonly maxConditions?: number;
  /** Rules per order-by, from 1. Default 3, the API's. */
  readonly maxSortRules?: number;
}

/** A group of n operands is one tuple of the schema: past this many, the schema would be huge. */
const MAX_SCHEMA_CONDITIONS = 100;

/** The limits of `options`; throws RangeError for one no schema can hold (a fraction, Infinity). */
function limitsOf(options: JsonSchemaOptions, endpointMaxConditions: number | undefined): { maxConditions: number; maxSortRules: number } {
  const { maxConditions, maxSortRules } = resolveLimits(options, endpointMaxConditions);
  if (!Number.isInteger(maxConditions) || maxConditions < 1 || maxConditions > MAX_SCHEMA_CONDITIONS) {
    throw new RangeError(`maxConditions must be a whole number from 1 to ${MAX_SCHEMA_CONDITIONS} for a JSON Schema, got ${maxConditions}`);
  }
  if (!Number.isInteger(maxSortRules) || maxSortRules < 1) throw new RangeError(`maxSortRules must be a whole number from 1, got ${maxSortRules}`);
  return { maxConditions, maxSortRules };
}

type Json = MutableJsonSchema;

/** The catalog the options name; throws `DfsqError` (unknown_endpoint, unsupported_parameter, invalid_catalog) when there is none. */
function catalogFor(options: CatalogOptions, target: "filters" | "order_by"): ResolvedCatalog | undefined {
  const bag = new DiagnosticBag("");
  const catalog = resolveCatalog(options, bag, target);
  if (bag.errorCount > 0) throw new DfsqError(bag.sorted());
  return catalog;
}

/** Replaces what zod wrote for one schema, keeping its `$defs` name and description. */
function rewrite(json: Json, next: Json): void {
  for (const key of Object.keys(json)) if (key !== "id" && key !== "description") delete json[key];
  Object.assign(json, next);
}

/** `ops` by class, classes without one left out. */
const byClass = (ops: readonly Operator[]) =>
  OPERATOR_CLASSES.map((cls) => [cls, ops.filter((op) => classOf(op) === cls)] as const).filter(([, of]) => of.length > 0);

/** `[field, operator, value]` conditions: one branch per operator class, per field type with a catalog. */
function conditions(zodCondition: Json, catalog: ResolvedCatalog | undefined, defs: Record<string, JsonSchema>): Json {
  const { id: _id, description: _description, ...envelope } = zodCondition;
  const [field, operator] = envelope.prefixItems as [JsonSchema, JsonSchema];
  const operators = operator.enum as Operator[];
  const branch = (fieldSchema: JsonSchema, ops: readonly Operator[], value: JsonSchema): JsonSchema => ({
    ...envelope,
    prefixItems: [fieldSchema, { ...operator, enum: operators.filter((op) => ops.includes(op)) }, value],
  });

  const fields = catalog?.fields;
  if (catalog === undefined || fields === undefined) {
    // An endpoint without a catalog still says whether it takes references.
    const references = catalog?.endpoint === undefined || catalog.endpoint.fieldReferences !== undefined;
    return { anyOf: byClass(operators).map(([cls, ops]) => branch(field, ops, untypedValue(cls, references))) };
  }
  const pathsByType = new Map<FieldType, string[]>();
  for (const [path, type] of Object.entries(fields.fields)) {
    const paths = pathsByType.get(type) ?? [];
    paths.push(path);
    pathsByType.set(type, paths);
  }
  const branches: JsonSchema[] = [];
  for (const [type, paths] of pathsByType) {
    defs[`fields.${type}`] = { description: `The ${type} fields`, ...namesSchema(paths) };
    const references = referencesOf(catalog, type, paths, defs);
    for (const [cls, ops] of byClass(operatorsFor(catalog, type))) {
      branches.push(branch({ $ref: `#/$defs/fields.${type}` }, ops, typedValue(type, cls, references)));
    }
  }
  return { anyOf: branches };
}

/** What a comparison on a field of `type` may reference, per what the endpoint documents. */
function referencesOf(catalog: ResolvedCatalog, type: FieldType, paths: readonly string[], defs: Record<string, JsonSchema>): JsonSchema | undefined {
  // A catalog given without an endpoint: nothing says whether references work (a warning).
  if (catalog.endpoint === undefined) return ANY_REFERENCE;
  if (catalog.endpoint.fieldReferences === undefined) return undefined;
  defs[`references.${type}`] = { description: `References to the ${type} fields`, ...namesSchema(paths, FIELD_REFERENCE_PREFIX) };
  return { $ref: `#/$defs/references.${type}` };
}

/**
 * Groups: operands at even positions, a connective at the odd ones, 2 to `maxOperands` operands
 * (each holds a condition at least): one tuple per length, since JSON Schema has no parity. The
 * connective is one per group: a group that contains both is refused.
 */
function groups(zodGroup: Json, maxOperands: number): Json {
  if (maxOperands < 2) return { not: {} };
  const [node, connective] = (zodGroup.items as { anyOf: [JsonSchema, JsonSchema] }).anyOf;
  const tuple = (operands: number): JsonSchema => {
    const length = 2 * operands - 1;
    return { prefixItems: Array.from({ length }, (_, i) => (i % 2 === 0 ? node : connective)), minItems: length, items: false };
  };
  return {
    type: "array",
    anyOf: Array.from({ length: maxOperands - 1 }, (_, i) => tuple(i + 2)),
    not: { allOf: (connective.enum as string[]).map((word) => ({ contains: { const: word } })) },
  };
}

function finish(generated: JsonSchema, title: string, description: string, defs: Record<string, JsonSchema>): JsonSchema {
  const { $schema, $defs, ...rest } = generated;
  const allDefs = { ...($defs as Record<string, JsonSchema> | undefined), ...defs };
  return { $schema, title, description, ...rest, ...(Object.keys(allDefs).length > 0 ? { $defs: allDefs } : {}) };
}

const whose = (catalog: ResolvedCatalog | undefined, param: string) =>
  catalog === undefined ? "" : ` of ${catalog.endpoint === undefined ? "the given catalog" : catalog.endpoint.id}${param === "filters" ? "" : ` (${param})`}`;

/**
 * The JSON Schema of a `filters` value (or of `param`'s), for the endpoint and catalog the
 * options name: field names as an `enum` (placeholder paths as a `pattern`), per field type the
 * operators it takes and the values they take. Without an endpoint, the structure and the value
 * shapes only. Throws `DfsqError` for an unknown endpoint, a parameter it does not take, or an
 * unusable catalog; `RangeError` for a limit no schema can hold.
 */
export function filterJsonSchema(options: JsonSchemaOptions = {}): JsonSchema {
  const catalog = catalogFor(options, "filters");
  const limits = limitsOf(options, catalog?.endpoint?.maxConditions);
  const defs: Record<string, JsonSchema> = {};
  const names = registry<{ id: string; description: string }>();
  names.add(FilterNodeSchema as $ZodType, { id: "node", description: "A condition or a group" });
  names.add(ConditionSchema as $ZodType, { id: "condition", description: "[field, operator, value]" });
  names.add(GroupSchema as $ZodType, {
    id: "group",
    description:
      limits.maxConditions < 2
        ? "None: this endpoint takes a single condition"
        : `Operands and one connective, alternating: [A, "and", B, "and", C]; at most ${limits.maxConditions} operands`,
  });
  const generated = toJSONSchema(FilterSchema as $ZodType, {
    target: "draft-2020-12",
    metadata: names,
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === (ConditionSchema as unknown)) rewrite(jsonSchema as Json, conditions({ ...jsonSchema } as Json, catalog, defs));
      else if (zodSchema === (GroupSchema as unknown)) rewrite(jsonSchema as Json, groups({ ...jsonSchema } as Json, limits.maxConditions));
    },
  }) as JsonSchema;
  const param = catalog?.param ?? options.param ?? "filters";
  return finish(
    generated,
    `DataForSEO ${param}${whose(catalog, param)}`,
    `A DataForSEO "${param}" value: a condition [field, operator, value], the same wrapped once, or a group of conditions and groups joined by one connective. At most ${limits.maxConditions} condition${limits.maxConditions === 1 ? "" : "s"} in all, which JSON Schema cannot count across groups. Generated by dfsq from the schemas dfsq validates with.`,
    defs,
  );
}

/**
 * The JSON Schema of an `order_by` value: one to `maxSortRules` `"field,asc|desc"` strings; with
 * an endpoint, of its sortable fields. Throws `DfsqError` as `filterJsonSchema` does, and for an
 * endpoint that takes no `order_by`.
 */
export function orderByJsonSchema(options: JsonSchemaOptions = {}): JsonSchema {
  // order_by sorts by the fields of `filters`.
  const catalog = catalogFor({ ...options, param: undefined }, "order_by");
  const limits = limitsOf(options, undefined);
  const fields = catalog?.fields;
  const generated = toJSONSchema(OrderBySchema as $ZodType, {
    target: "draft-2020-12",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema !== (OrderBySchema as unknown)) return;
      const json = jsonSchema as Json;
      json.maxItems = limits.maxSortRules;
      if (fields === undefined) return;
      const sortable = Object.entries(fields.fields)
        .filter(([pattern, type]) => sortability({ pattern, type }) !== "not_sortable")
        .map(([pattern]) => pattern);
      json.items = namesSchema([...sortable, ...fields.sortKeys], "", [",asc", ",desc"]);
    },
  }) as JsonSchema;
  return finish(
    generated,
    `DataForSEO order_by${whose(catalog, "filters")}`,
    `A DataForSEO "order_by" value: 1 to ${limits.maxSortRules} rules "field,asc" or "field,desc"${fields === undefined ? "" : ", of the fields the endpoint sorts by"}. Generated by dfsq from the schemas dfsq validates with.`,
    {},
  );
}
