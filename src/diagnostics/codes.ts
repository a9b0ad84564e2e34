/**
 * Every diagnostic dfsq can produce. Codes are stable: tools match on them, so a code is never
 * renamed or reused for another meaning. The severity is the default; a few codes (such as
 * `unknown_field` on a derived catalog) are reported as warnings where the facts are uncertain.
 */
export const DIAGNOSTIC_SEVERITY = {
  // lexing
  unexpected_character: "error",
  unterminated_string: "error",
  invalid_escape: "error",
  invalid_number: "error",
  imprecise_number: "warning",
  invalid_date: "error",
  fractional_seconds: "warning",
  empty_field_name: "error",
  operator_alias: "warning",
  field_needs_quotes: "error",
  invalid_duration: "error",
  // parsing
  unexpected_token: "error",
  unexpected_end: "error",
  unknown_operator: "error",
  json_as_text: "error",
  // hostile-input caps
  input_too_long: "error",
  nesting_too_deep: "error",
  list_too_long: "error",
  // language rules that hold without a catalog
  empty_list: "error",
  field_reference: "warning",
  unquoted_text: "error",
  type_mismatch: "error",
  too_many_conditions: "error",
  too_many_sort_rules: "error",
  duplicate_sort_field: "warning",
  filter_rewritten: "warning",
  contradiction: "warning",
  // raw arrays (printer and validator)
  invalid_filter: "error",
  invalid_order_by: "error",
  mixed_connectives: "error",
  // catalogs and typed checks
  unknown_endpoint: "error",
  unsupported_parameter: "error",
  no_catalog: "warning",
  catalogs_not_loaded: "error",
  unknown_field: "error",
  operator_not_allowed: "error",
  operator_conflict: "warning",
  operator_unverified: "warning",
  quoted_number: "warning",
  quoted_boolean: "warning",
  quoted_time: "warning",
  invalid_regex: "error",
  regex_too_long: "error",
  regex_too_complex: "error",
  like_too_long: "error",
  regex_control_character: "error",
  like_without_wildcard: "warning",
  null_comparison: "warning",
  field_not_sortable: "error",
  bare_field_not_bool: "error",
  invalid_catalog: "error",
  invalid_parameter: "error",
  request_conditions: "warning",
  // templates and builders
  invalid_interpolation: "error",
  // arguments and options from JavaScript callers
  invalid_argument: "error",
  invalid_option: "error",
  // the cap on diagnostics per input: one stands for all past it (an error if any of them is)
  too_many_diagnostics: "warning",
  // .dfsq files (src/task/dfsq-file.ts)
  invalid_header: "error",
  unknown_header: "warning",
  // files read by `dfsq check`
  invalid_json: "error",
  unreadable_file: "error",
  invalid_config: "error",
} as const satisfies Record<string, "error" | "warning">;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_SEVERITY;
export type Severity = "error" | "warning";

/**
 * The codes reported at another severity than their default where the facts call for it, and
 * when. Every other code has its default severity, always: the reporting functions accept a
 * `severity` only for these (src/diagnostics/diagnostic.ts), and docs/language.md's table shows
 * both severities for exactly these.
 */
export const SEVERITY_OVERRIDES = {
  unknown_field: "a warning where the endpoint's catalog is derived from response schemas and may miss fields",
  field_reference: "an error where the endpoint is known to take no field references",
  field_not_sortable: "a warning where the field's sortability is not documented",
  invalid_parameter: "a warning for a request key dfsq does not know, which the API may ignore",
  regex_control_character: "a warning for a control character other than a backspace (`\\b` read as one)",
  too_many_diagnostics: "an error where any of the diagnostics left out is one",
} as const satisfies Partial<Record<DiagnosticCode, string>>;

export type VariableSeverityCode = keyof typeof SEVERITY_OVERRIDES;

export const DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_SEVERITY) as DiagnosticCode[];
