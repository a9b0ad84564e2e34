/*
 * DataForSEO's status codes with the retry class of each, embedded from
 * data/dataforseo/status-codes.json so that the client reads no file at run time (it runs in
 * browsers). test/client/status-codes.test.ts fails when this table and the file disagree.
 *
 * The retry column is the research notes' inference from each message; DataForSEO itself says
 * "try again later" only for HTTP 500, 40103 and 50303.
 */

/** How a status reads for retries: `yes` and `yes-backoff` are retried automatically; the rest
 * are not (`maybe-later`, `after-window`, `yes-after-minutes` need minutes or hours, `poll` is
 * for task_get, `no` means the request or the account must change). */
export type RetryClass = "no" | "yes" | "yes-backoff" | "yes-after-minutes" | "maybe-later" | "after-window" | "poll";

export interface StatusInfo {
  readonly message: string;
  readonly retry: RetryClass;
}

export const STATUS_CODES: {
  readonly http: Readonly<Record<number, StatusInfo>>;
  readonly internal: Readonly<Record<number, StatusInfo>>;
} = {
  http: {
    401: { message: "Unauthorized", retry: "no" },
    402: { message: "Payment Required", retry: "no" },
    404: { message: "Not Found", retry: "no" },
    500: { message: "Internal Server Error", retry: "yes" },
  },
  internal: {
    20000: { message: "Ok.", retry: "no" },
    20100: { message: "Task Created.", retry: "no" },
    40000: { message: "You can set only one task at a time.", retry: "no" },
    40001: { message: "This id is used by another client, check the id.", retry: "no" },
    40002: { message: "This id is used by another search engine, check the Path.", retry: "no" },
    40003: { message: "This id is used by another search type, check the Path.", retry: "no" },
    40004: { message: "This id is used by another function, check the id.", retry: "no" },
    40005: { message: "This id is used by another device type, check the id.", retry: "no" },
    40006: { message: "You can set no more than 100 tasks at a time.", retry: "no" },
    40100: { message: "You are not authorized to access this resource. See your login details here: https://app.dataforseo.com/api-dashboard .", retry: "no" },
    40101: { message: "Internal SE Server Error.", retry: "maybe-later" },
    40102: { message: "No Search Results.", retry: "no" },
    40103: { message: "Task execution failed, please try to resubmit the task.", retry: "yes" },
    40200: { message: "Payment Required.", retry: "no" },
    40201: { message: "Our algorithms found suspicious activity in your DataForSEO account. It has been temporarily blocked. For further details please contact our support team.", retry: "no" },
    40202: { message: "The rate-limit per minute has been exceeded.", retry: "yes-backoff" },
    40203: { message: "The cost limit has been exceeded. You can modify your cost limit in the user panel https://app.dataforseo.com/api-settings/api-limits .", retry: "no" },
    40204: { message: "Access denied. Visit Plans and Subscriptions to activate your subscription and get access to this API: https://app.dataforseo.com/users/getrows .", retry: "no" },
    40205: { message: "The duplicate task limit per hour has been exceeded. You can modify your limits in the user panel https://app.dataforseo.com/api-settings/api-limits .", retry: "after-window" },
    40206: { message: "The duplicate task limit per day has been exceeded. You can modify your limits in the user panel https://app.dataforseo.com/api-settings/api-limits .", retry: "after-window" },
    40207: { message: "Access denied. Your IP is not whitelisted. You can modify your IP whitelist in the user panel https://app.dataforseo.com/api-settings/api-access .", retry: "no" },
    40400: { message: "Not Found.", retry: "no" },
    40401: { message: "Task Not Found.", retry: "no" },
    40402: { message: "Invalid Path.", retry: "no" },
    40403: { message: "Results Expired.", retry: "no" },
    40404: { message: "No Prepared Data Found. Please Contact Our Support Team.", retry: "no" },
    40501: { message: "Invalid Field.", retry: "no" },
    40502: { message: "POST Data Is Empty.", retry: "no" },
    40503: { message: "POST Data Is Invalid.", retry: "no" },
    40504: { message: "The number of intersecting keywords for the specified domains exceeds 10 million. Try specifying different domains.", retry: "no" },
    40505: { message: "You are using old data.", retry: "no" },
    40506: { message: "Unknown Fields in POST Data.", retry: "no" },
    40601: { message: "Task Handed.", retry: "poll" },
    40602: { message: "Task In Queue.", retry: "poll" },
    50000: { message: "Internal Error.", retry: "yes" },
    50001: { message: "Error While Checking the Balance.", retry: "yes" },
    50100: { message: "Not Implemented.", retry: "no" },
    50301: { message: "3rd Party API Service Unavailable.", retry: "yes" },
    50303: { message: "Update in progress. Please try after a few minutes.", retry: "yes-after-minutes" },
    50304: { message: "This function temporarily unavailable. Please contact support for more information.", retry: "no" },
    50401: { message: "Internal Error - Timeout.", retry: "yes" },
  },
};

/** The classes the client retries on its own: `yes` with capped exponential back-off, `yes-backoff` after the rate-limit window. */
const AUTOMATIC: ReadonlySet<RetryClass> = new Set(["yes", "yes-backoff"]);

/** Whether an internal status code (`status_code` of an envelope or task) is worth retrying. Unknown codes are not. */
export function isRetryableStatus(code: number): boolean {
  const info = STATUS_CODES.internal[code];
  return info !== undefined && AUTOMATIC.has(info.retry);
}

/** Whether an HTTP status is worth retrying. Unknown statuses are not. */
export function isRetryableHttp(status: number): boolean {
  const info = STATUS_CODES.http[status];
  return info !== undefined && AUTOMATIC.has(info.retry);
}

/**
 * Whether a status is a per-window rate limit (`yes-backoff`: 40202, "The rate-limit per minute
 * has been exceeded."), after which the window must pass rather than a second or two.
 */
export function isWindowRateLimit(code: number): boolean {
  return STATUS_CODES.internal[code]?.retry === "yes-backoff";
}

/** Task and envelope codes in 20000–29999 mean success: 20000 "Ok.", 20100 "Task Created.". */
export function isSuccessStatus(code: number): boolean {
  return code >= 20000 && code < 30000;
}
