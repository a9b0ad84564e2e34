import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { fieldsOf, type FieldInfo } from "../../catalog/api.js";
import { FIELD_TYPES, FILTER_PARAMS, type FieldType, type FilterParam } from "../../catalog/endpoints.js";
import { resolveCatalog } from "../../catalog/resolve.js";
import { suggest } from "../../catalog/suggest.js";
import { DiagnosticBag } from "../../diagnostics/diagnostic.js";
import { DESCRIPTIONS, forAgent, mcpMessages } from "../messages.js";
import { DiagnosticOutput, diagnosticsJson } from "../report.js";
import { answer, success } from "../result.js";

const Param = z.enum(FILTER_PARAMS as [FilterParam, ...FilterParam[]]);
const Type = z.enum(FIELD_TYPES as [FieldType, ...FieldType[]]);

export const DescribeFieldsInput = {
  endpoint: z.string().describe("an endpoint id from list_endpoints, e.g. backlinks/referring_domains"),
  param: Param.optional().describe("the filter parameter whose fields to list; default filters"),
  match: z.string().optional().describe("keep the field paths that contain every word of this, e.g. rank or keyword volume"),
};

export const DescribeFieldsOutput = {
  ok: z.boolean(),
  endpoint: z.string(),
  param: z.string(),
  /** Fields of the catalog in all; `fields` holds those `match` kept. */
  total: z.number().int(),
  fields: z.array(
    z.object({
      path: z.string(),
      type: Type,
      sortable: z.boolean().describe("order_by can sort by it"),
      documented: z.boolean().describe("DataForSEO's docs list it; otherwise derived from responses"),
    }),
  ),
  operators: z.record(z.string(), z.array(z.string())).describe("the operators each type of the fields above takes on this endpoint"),
  disputed: z
    .array(z.object({ type: Type, operators: z.array(z.string()), kind: z.enum(["conflict", "unverified"]), reason: z.string() }))
    .describe("operators accepted with a warning, because DataForSEO's pages disagree on them or do not confirm them"),
  note: z.string().optional(),
  diagnostics: z.array(DiagnosticOutput),
};

interface Args {
  readonly endpoint: string;
  readonly param?: FilterParam | undefined;
  readonly match?: string | undefined;
}

/** Whether the letters of `word` appear in `text` in order (`refdom` in `referring_domains`). */
function isSubsequence(word: string, text: string): boolean {
  let at = 0;
  for (const c of text) if (c === word[at]) at++;
  return at === word.length;
}

/** How many close paths a `match` that no path contains gets. */
const CLOSEST = 10;

/**
 * The fields whose path contains every word of `match`. Failing that, the closest: paths a word
 * is a typo of ("did you mean"), then paths that hold each word's letters in order, shortest first.
 */
function select(fields: readonly FieldInfo[], match: string | undefined): { fields: readonly FieldInfo[]; note?: string } {
  const words = (match ?? "").toLowerCase().split(/\s+/).filter((w) => w !== "");
  if (words.length === 0) return { fields };
  const contains = fields.filter((f) => words.every((w) => f.path.toLowerCase().includes(w)));
  if (contains.length > 0 || fields.length === 0) return { fields: contains };
  const paths = fields.map((f) => f.path);
  const typos = words.flatMap((w) => suggest(w, paths, CLOSEST));
  const scattered = paths.filter((p) => words.every((w) => isSubsequence(w, p.toLowerCase()))).toSorted((a, b) => a.length - b.length);
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const closest = [...new Set([...typos, ...scattered])].slice(0, CLOSEST).map((p) => byPath.get(p)!);
  const none = mcpMessages.noFieldContains(match!.trim());
  return { fields: closest, note: closest.length > 0 ? `${none}; the closest are listed, closest first` : none };
}

/** Operators and disputes per type: a field's operators on an endpoint depend on its type alone. */
function byType(fields: readonly FieldInfo[]) {
  const operators: Record<string, string[]> = {};
  const disputed = new Map<string, { type: FieldType; operators: string[]; kind: "conflict" | "unverified"; reason: string }>();
  for (const field of fields) {
    if (field.type in operators) continue;
    operators[field.type] = [...field.operators];
    for (const op of field.operators) {
      const caveat = field.caveats[op];
      if (caveat === undefined) continue;
      const key = `${field.type}\u0000${caveat.kind}\u0000${caveat.reason}`;
      const entry = disputed.get(key) ?? { type: field.type, operators: [], kind: caveat.kind, reason: caveat.reason };
      entry.operators.push(op);
      disputed.set(key, entry);
    }
  }
  return { operators, disputed: [...disputed.values()] };
}

export function describeFieldsTool({ endpoint, param = "filters", match }: Args): CallToolResult {
  const bag = new DiagnosticBag("");
  resolveCatalog({ endpoint, param }, bag);
  const all = bag.errorCount === 0 ? fieldsOf(endpoint, param) : undefined;
  if (all === undefined) {
    const groups = [{ input: "arguments", source: "", diagnostics: bag.sorted().map((d) => forAgent(d)) }];
    const structured = { ok: false, endpoint, param, total: 0, fields: [], operators: {}, disputed: [], diagnostics: diagnosticsJson(groups) };
    return answer("describe_fields", structured, groups);
  }
  const selected = select(all, match);
  const note = all.length === 0 ? mcpMessages.noCatalog(endpoint, param) : selected.note;
  return success({
    ok: true,
    endpoint,
    param,
    total: all.length,
    fields: selected.fields.map(({ path, type, sortable, documented }) => ({ path, type, sortable, documented })),
    ...byType(selected.fields),
    ...(note === undefined ? {} : { note }),
    diagnostics: [],
  });
}

export function registerDescribeFields(server: McpServer): void {
  server.registerTool(
    "describe_fields",
    {
      title: "Describe an endpoint's filter fields",
      description: DESCRIPTIONS.describeFields,
      inputSchema: DescribeFieldsInput,
      outputSchema: DescribeFieldsOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) => describeFieldsTool(args),
  );
}
