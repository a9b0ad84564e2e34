import * as hints from "../diagnostics/hints.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import * as messages from "../diagnostics/messages.js";

/*
 * The wording of dfsq's MCP server: what the model reads about the server and each tool, and the
 * few diagnostics whose advice names a command line or a library call, said instead in terms of
 * the tools. The checks themselves and the rest of their wording are the library's.
 */

/** Sent once at initialisation; clients put it in the model's context. */
export const INSTRUCTIONS = `dfsq writes DataForSEO v3 filters and sort rules from readable text and checks them locally, before any paid request.
Workflow: list_endpoints (ids) → describe_fields(endpoint, match?) (field paths, types, operators) → compile(endpoint, filters, order_by) → put the arrays it returns into the task → validate(task) to check a whole task → run, where offered (dry_run first).
Language: conditions "field op value" joined by and / or / not and parentheses. Operators: = != < <= > >= in (a, b) not in (…) like "%x%" ilike not like regex "re" match "words" has v, between a and b, is null, is not null; a bare boolean field means field = true. Strings in double quotes; dates unquoted (2024-01-31, now - 30d). At most 8 conditions per filter.
Order-by: "rank desc, backlinks" (asc by default, at most 3 rules).
explain turns arrays back into this text with an English reading. Every problem comes back as a diagnostic with a code, the caret under the spot, a hint and, where one exists, the corrected input: apply it and call the tool again.`;

export const DESCRIPTIONS = {
  listEndpoints:
    "List the DataForSEO v3 endpoints dfsq knows. Each has an id (pass it as `endpoint` to the other tools), the filter parameters it takes (filters, backlinks_filters, …), whether it takes order_by, its limit of conditions per filter, and whether its field catalog is documented by DataForSEO or derived from responses (may be incomplete). `match` keeps the ids that contain it.",
  describeFields:
    "The fields an endpoint's filter parameter takes: each field's path, type, whether order_by can sort by it, and whether DataForSEO documents it; the operators per type, and the operators DataForSEO's pages dispute (accepted with a warning). `match` keeps the paths that contain every word of it (case ignored); when none do, the closest paths are returned. A path segment such as $tld stands for any one key (referring_links_tld.com).",
  compile:
    "Compile dfsq text into the exact arrays DataForSEO expects, checked against the endpoint's fields, operators and value types. `filters`: a filter expression such as `referring_domains > 10 and (domain like \"%seo%\" or rank > 200)`; `order_by`: such as `rank desc, backlinks`. Returns the arrays under their task parameter names, ready to put in the task. On a problem, returns isError with each diagnostic: code, message, the caret line, a hint, suggestions, and fixes spelled out as the corrected input.",
  validate:
    "Check a whole DataForSEO task (or request body) as the API would receive it: filters arrays (`filters`, `backlinks_filters`, …), `order_by`, and, with an endpoint, every other parameter (target, limit, …; unknown keys get 'did you mean'). The endpoint comes from `endpoint` or from an `endpoint`/`path` key of the task. Also takes an array of tasks, or `{filters, order_by}` alone. Returns the tasks as they would be sent, or isError with diagnostics naming the JSON path of each problem.",
  explain:
    "Turn DataForSEO arrays back into dfsq text, with a one-line English reading: `filters` (a filters array) and/or `order_by` (an order_by array). With `endpoint`, also checks the fields against its catalog. Use it to read a filter found in code, a config or a previous request before changing it.",
  run: "Send one task to DataForSEO through dfsq's client, which compiles and checks it first (a task that fails the checks is never sent). `task` takes the parameters (target, limit, …) with the filters as dfsq text under `where` (`filters`), `backlinksWhere` (`backlinks_filters`), `orderBy` (`order_by`), or as ready arrays under the API's names. dry_run is true by default: it returns the exact request (method, URL, body) without sending it. A real call costs money: pass dry_run: false only when the dry run shows the request you mean.",
} as const;

export const mcpMessages = {
  noInput: () => "give `filters`, `order_by` or both",
  compiled: (what: string) => `compiled ${what}`,
  failed: (tool: string, count: string) => `${tool} found ${count}: fix the errors and call ${tool} again.`,
  withWarnings: (count: string) => `${count} (the result is usable; read them before sending):`,
  noFieldContains: (match: string) => `no field path contains ${JSON.stringify(match)}`,
  noCatalog: (endpoint: string, param: string) => `no catalog of the fields of ${endpoint} ${param} is known: any field is accepted unchecked`,
  notSent: () => "dry run: nothing was sent. Call run again with dry_run: false to send this request.",
  notSentAfterErrors: () => "Nothing was sent.",
  clientFailed: (message: string) => `the call failed: ${message}`,
};

/**
 * A diagnostic whose advice fits a command line or a library (`dfsq endpoints`, `dfsq compile`,
 * `client.post`), advising the tool instead.
 */
export function forAgent(d: Diagnostic, endpoint?: string): Diagnostic {
  if (d.code === "unknown_endpoint" && endpoint !== undefined && d.message === messages.unknownEndpointForLive(endpoint)) {
    return forAgent({ ...d, message: messages.unknownEndpoint(endpoint) });
  }
  if (d.hint === messages.listEndpointsHint()) return { ...d, hint: "call list_endpoints for the list" };
  if (d.hint === hints.compileFirst()) return { ...d, hint: "compile the expression with the compile tool first, and put the array it returns here" };
  return d;
}
