import { z } from "zod";
import { ENDPOINTS } from "../../catalog/endpoints.js";
import { DIAGNOSTIC_CODES } from "../../diagnostics/codes.js";

/*
 * dfsq.config.json, declared once: `dfsq check` reads it with this schema, and the JSON Schema for
 * editors (schema/dfsq.config.schema.json) is generated from it by `npm run generate`.
 */

export const CONFIG_FILE_NAME = "dfsq.config.json";

/** `off` drops a diagnostic code, `warn` and `error` set its severity. */
export const RuleLevelSchema = z.enum(["off", "warn", "error"]);
export type RuleLevel = z.infer<typeof RuleLevelSchema>;

const limit = (what: string) => z.int().positive().optional().describe(what);

export const LimitsSchema = z
  .strictObject({
    maxConditions: limit("Conditions per filter, and per task in all. DataForSEO accepts 8."),
    maxSortRules: limit("Rules per order_by. DataForSEO accepts 3."),
    maxInputLength: limit("Characters of one .dfsq expression. Default 16384."),
    maxDepth: limit("Nested groups and `not`s. Default 32."),
    maxListLength: limit("Values in one `in` list. Default 1000."),
  })
  .describe("The compiler's limits, for every filter and order_by checked.");

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe("This file's JSON Schema, for editors."),
    endpoints: z
      // Editors offer the endpoints dfsq knows; paths such as /v3/backlinks/backlinks/live are read too.
      .record(z.string().min(1), z.string().min(1).meta({ examples: [...ENDPOINTS.keys()] }))
      .optional()
      .describe(
        'Which files hold tasks or filters of which endpoint: globs (relative to this file) to an endpoint id or path, e.g. { "tasks/backlinks/**": "backlinks/backlinks" }. The first glob that matches wins; a file that names its endpoint (an "endpoint"/"path" key, a "# endpoint:" header) wins over them, and they over --endpoint.',
      ),
    ignore: z
      .array(z.string().min(1))
      .optional()
      .describe("Globs (relative to this file) of files never checked, named on the command line or not; .gitignore is honoured besides."),
    rules: z
      .partialRecord(z.enum(DIAGNOSTIC_CODES as [string, ...string[]]), RuleLevelSchema)
      .optional()
      .describe('Diagnostic codes turned off or given another severity, e.g. { "like_without_wildcard": "off", "quoted_number": "error" }.'),
    limits: LimitsSchema.optional(),
    now: z
      .string()
      .optional()
      .describe("The clock for `now` and `today` in .dfsq files (ISO 8601: 2024-03-01T00:00:00Z), for reproducible checks. --now wins over it."),
  })
  .describe("The configuration of `dfsq check`.");

export type Config = z.infer<typeof ConfigSchema>;

/** The JSON Schema of dfsq.config.json (draft-07, which editors read), as committed. */
export function configJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(ConfigSchema, { target: "draft-07", io: "input" }), title: CONFIG_FILE_NAME };
}
