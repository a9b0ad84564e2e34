export const HELP: Record<string, string> = {
  main: `dfsq: compile filter and sort expressions into DataForSEO v3 arrays

Usage:
  dfsq compile <expr> [--endpoint <id>] [--param <p>] [--catalog <file>] [--order-by <expr>]
               [--flat] [--pretty] [--optimize] [--now <time>]
  dfsq print <json> [--order-by]
  dfsq fields <endpoint> [--param <p>] [--json]
  dfsq endpoints [--json]
  dfsq validate <json|file|-> [--endpoint <id>] [--param <p>] [--order-by]
  dfsq eval --where <expr> [--endpoint <id>] [--param <p>] [--count] [--pretty] <file.json|->
  dfsq run <endpoint> --target <t> [--where …] [--backlinks-where …] [--order-by …] [--limit n]
           [--param k=v …] [--dry-run] [--sandbox] [--base-url <url>] [--no-retry]
  dfsq catalog fetch <api> [--out <file>]
  dfsq --help | --version

Commands:
  compile    expression → the "filters" JSON (with --order-by: {"filters", "order_by"})
  print      a "filters" or "order_by" JSON array → expression text
  fields     the fields an endpoint's filters take: path, type, operators, sortable
  endpoints  the endpoints dfsq knows, with their filter parameters
  validate   check a raw "filters" or "order_by" JSON array; print its canonical form
  eval       filter the items of a saved response offline; print those that match
  run        compile and check a whole task, then send it to DataForSEO (--dry-run: print it)
  catalog    catalog fetch <api>: save the live available_filters list for --catalog

Write - for <expr> or <json> to read it from standard input.
Exit status: 0 ok, 1 the input has errors, 2 the command line is wrong.
Run "dfsq <command> --help" for a command's options.`,
  compile: `Usage: dfsq compile <expr> [options]

Compiles a filter expression into DataForSEO's "filters" array and prints it as JSON.

  referring_domains > 10 and (domain like "%seo%" or rank > 200)

Options:
  -e, --endpoint <id>  check fields, operators and values against this endpoint's catalog:
                     backlinks/referring_domains, dataforseo_labs/google/ranked_keywords,
                     or a path such as /v3/backlinks/referring_domains/live
  --param <p>        the filter parameter: filters (default), backlinks_filters,
                     initial_dataset_filters, relevant_pages_filters
  --catalog <file>   a live catalog (GET /v3/<api>/available_filters) instead of the built-in one
  --order-by <expr>  also compile an order-by ("rank desc, backlinks"); prints
                     {"filters": …, "order_by": …}. With "" for <expr>, only the order-by.
  --flat             write chains of one connective flat: [A,"and",B,"and",C]
  --pretty           indent the JSON
  --optimize         always merge duplicate and same-field conditions
  --now <time>       the clock for now/today (ISO 8601), for reproducible output
  -h, --help         this help

Diagnostics go to standard error, with the source line and a caret under the problem.`,
  print: `Usage: dfsq print <json> [--order-by]

Prints a "filters" array (or an "order_by" array) as dfsq expression text.
Arrays of "field,asc|desc" strings are read as an order-by; --order-by forces it.

  dfsq print '[["rank",">",10],"and",["dofollow","=",true]]'   →  rank > 10 and dofollow`,
  fields: `Usage: dfsq fields <endpoint> [--param <p>] [--json]

Lists the fields an endpoint's filter parameter takes: path, type, the operators its type
takes, whether it can be an order-by field, and whether DataForSEO's docs show it (the rest is
derived from response schemas). Placeholder segments such as $tld stand for any one segment.

  dfsq fields backlinks/referring_domains
  dfsq fields backlinks/anchors --param backlinks_filters`,
  endpoints: `Usage: dfsq endpoints [--json]

Lists the endpoints dfsq has field catalogs for, with the filter parameters each takes and
the provenance of its catalog (documented: DataForSEO's list; derived: may be incomplete).`,
};
