/*
 * dfsq's public API. Everything a user can import is named here; nothing else is public.
 */
export { checkFilter, checkOrderBy, compileFilter, compileOrderBy, type CheckResult } from "./compile.js";
export { printFilter, printOrderBy } from "./print/print-filter.js";
export { filter, orderBy, type Tag } from "./template/template.js";
export { field, type FieldName } from "./template/field-name.js";
export { where, whereFor, type BuilderValue, type Where } from "./builder/where.js";
export { BuiltFilter } from "./builder/built-filter.js";
export { analyze, complete, exampleExpression, hover } from "./assist/index.js";
export type {
  Analysis,
  AssistMode,
  AssistOptions,
  CompletionKind,
  CompletionOption,
  CompletionResult,
  HighlightClass,
  HighlightToken,
  HoverResult,
  ValuePosition,
} from "./assist/index.js";
export { formatDiagnostics, type FormatOptions } from "./diagnostics/format.js";
export { DfsqError } from "./diagnostics/error.js";
export type { Diagnostic, DiagnosticData, Fix, JsonPath, Span, TextEdit } from "./diagnostics/diagnostic.js";
export type { DiagnosticCode, Severity } from "./diagnostics/codes.js";
export type { CompileOptions } from "./options.js";
export type {
  Condition,
  FilterArray,
  FilterGroup,
  FilterNode,
  OrderByArray,
  Scalar,
} from "./lower/filter-array.js";
export type { Connective, Operator } from "./syntax/ast.js";
export { fieldsOf, listEndpoints, type EndpointInfo, type FieldInfo } from "./catalog/api.js";
export type { EndpointId, FieldOf, ParamOf } from "./catalog/types.js";
export type { FieldType, FilterParam } from "./catalog/endpoints.js";
export type { CatalogOptions } from "./catalog/resolve.js";
