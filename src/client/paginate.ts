import { ResponseError } from "./errors.js";
import type { CallOptions, LiveResult, LiveTask } from "./live-types.js";
import { resolveEndpoint, type PrepareOptions } from "../task/prepare-task.js";
import { BACKLINKS_MAX_OFFSET } from "../task/schemas.js";

/**
 * Endpoints that page past an offset limit with `search_after_token`: the token of a response,
 * resent with otherwise identical parameters, continues after that response's page
 * (filters-spec.md section 5, EP(backlinks/backlinks/live)).
 */
const TOKEN_PAGING: Readonly<Record<string, { readonly maxOffset: number }>> = {
  "backlinks/backlinks": { maxOffset: BACKLINKS_MAX_OFFSET },
};

type Live = <E extends string>(endpoint: E, task: LiveTask<E>, options?: CallOptions & PrepareOptions) => Promise<LiveResult<E>>;

/**
 * Fetches page after page of `task` and yields their items. Pages by `offset`, advanced by the
 * items each page returned (so it works with any `limit`, the API's default included), until
 * `total_count` is reached or a page comes back empty; past the endpoint's offset limit it sends
 * the last page's `search_after_token` instead. Each page is one `live` call, with its checks,
 * retries and limits.
 */
export async function* paginate<E extends string>(
  live: Live,
  endpoint: E,
  task: LiveTask<E>,
  options: CallOptions & PrepareOptions,
): AsyncGenerator<LiveResult<E>["items"][number], void, undefined> {
  const tokenPaging = TOKEN_PAGING[resolveEndpoint(endpoint).id];
  const { offset: startOffset, search_after_token: startToken, ...rest } = task as Record<string, unknown>;
  let offset = typeof startOffset === "number" ? startOffset : 0;
  let token = typeof startToken === "string" ? startToken : undefined;
  for (;;) {
    const pageTask = token !== undefined ? { ...rest, search_after_token: token } : offset > 0 ? { ...rest, offset } : rest;
    const page = await live(endpoint, pageTask as LiveTask<E>, options);
    yield* page.items;
    offset += page.items.length;
    const total = page.result?.total_count;
    if (page.items.length === 0 || typeof total !== "number" || offset >= total) return;
    if (tokenPaging !== undefined && (token !== undefined || offset > tokenPaging.maxOffset)) {
      const next = page.result?.search_after_token;
      if (typeof next !== "string" || next === "") {
        const error = new ResponseError(
          "invalid_result",
          `no search_after_token to page past offset ${tokenPaging.maxOffset} (${offset} of ${total} items read)`,
          [{ path: ["tasks", 0, "result", 0, "search_after_token"], message: "expected a token" }],
          { method: "POST", url: page.url },
        );
        error.attempts = page.attempts;
        throw error;
      }
      token = next;
    }
  }
}
