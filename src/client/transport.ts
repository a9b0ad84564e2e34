import { readEnvelope, type EnvelopeOutcome } from "./envelope.js";
import { HttpError, NetworkError, TimeoutError } from "./errors.js";
import { envelopeStatusSchema } from "./response-schemas.js";
import { parseRetryAfter } from "./retry.js";
import { isRetryableHttp, isRetryableStatus } from "./status-codes.js";
import { USER_AGENT } from "./user-agent.js";

/** The platform's fetch, or one a caller passes (a proxy agent, a test double). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface Attempt {
  readonly method: "GET" | "POST";
  readonly url: string;
  readonly body: string | undefined;
  readonly authorization: string;
  readonly timeoutMs: number;
  /** The caller's signal: aborting it cancels the call, which is then never retried. */
  readonly signal: AbortSignal | undefined;
  /** The clock's time, for a `Retry-After` given as a date. */
  readonly now: () => number;
}

/** What one HTTP exchange yielded, for the retry loop to judge. Errors are not yet redacted. */
export type AttemptOutcome = EnvelopeOutcome | { readonly ok: false; readonly error: HttpError; readonly cost: number };

/** HTTP 429 Too Many Requests (RFC 6585): not in DataForSEO's table, but what proxies and gateways send. */
const TOO_MANY_REQUESTS = 429;

/**
 * Network failures a retry cannot mend. ENOTFOUND: the resolver answered that the name does
 * not exist (a typo in the base URL); EAI_AGAIN (the resolver could not answer, e.g. offline)
 * is retried. The TLS codes: the certificate is refused, and will be on the next try too.
 */
const PERMANENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  "ENOTFOUND",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly stack?: unknown;
  readonly cause?: unknown;
}

function networkDetails(error: unknown): { message: string; code: string | undefined } {
  const e = error as ErrorLike | undefined;
  const cause = e?.cause as ErrorLike | undefined;
  const top = typeof e?.message === "string" ? e.message : String(error);
  const inner = typeof cause?.message === "string" ? cause.message : undefined;
  const code = typeof cause?.code === "string" ? cause.code : typeof e?.code === "string" ? e.code : undefined;
  return { message: inner === undefined || inner === top ? top : `${top}: ${inner}`, code };
}

/**
 * A plain copy of the platform's error and its causes (name, message, code, stack; at most four
 * deep), kept as the NetworkError's `cause` for debugging. A copy, because the original's shape is
 * not ours to vouch for, and the client redacts what it hands out.
 */
function plainCause(error: unknown, depth = 0): Error | undefined {
  if (depth >= 4 || typeof error !== "object" || error === null) return undefined;
  const e = error as ErrorLike;
  const inner = plainCause(e.cause, depth + 1);
  const copy = new Error(typeof e.message === "string" ? e.message : "", inner === undefined ? undefined : { cause: inner });
  Object.defineProperty(copy, "name", { value: typeof e.name === "string" ? e.name : "Error", writable: true, configurable: true });
  if (typeof e.code === "string") Object.assign(copy, { code: e.code });
  if (typeof e.stack === "string") copy.stack = e.stack;
  return copy;
}

/** The body as text, or what of it arrived before the stream failed, with the failure. */
async function readBody(response: Response): Promise<{ text: string; failure?: { error: unknown } }> {
  if (response.body === null) return { text: await response.text() };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text: text + decoder.decode() };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text: text + decoder.decode(), failure: { error } };
  }
}

/**
 * One HTTP exchange with a deadline covering the whole answer, body included. Redirects are not
 * followed (the Authorization header must not travel anywhere else). Throws TimeoutError or
 * NetworkError (`partial` when the answer had begun, with what arrived of the body), or the
 * caller's abort reason; answers, good or bad, come back as an outcome.
 */
export async function attempt(fetchFn: FetchLike, a: Attempt): Promise<AttemptOutcome> {
  const call = { method: a.method, url: a.url };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, a.timeoutMs);
  const onAbort = () => controller.abort(a.signal?.reason);
  if (a.signal?.aborted) onAbort();
  else a.signal?.addEventListener("abort", onAbort, { once: true });

  const headers: Record<string, string> = { Authorization: a.authorization, Accept: "application/json", "User-Agent": USER_AGENT };
  if (a.body !== undefined) headers["Content-Type"] = "application/json";
  /** Why the exchange failed: before the answer began, or while its body was arriving. */
  const failed = (error: unknown, partial: { body: string } | undefined): never => {
    if (a.signal?.aborted) throw a.signal.reason;
    const options = partial === undefined ? {} : { partial: true, body: partial.body };
    if (timedOut) throw new TimeoutError(a.timeoutMs, call, true, options);
    const { message, code } = networkDetails(error);
    const retryable = code === undefined || !PERMANENT_NETWORK_CODES.has(code);
    throw new NetworkError(message, code, call, retryable, { ...options, cause: plainCause(error) });
  };
  let response: Response;
  let text: string;
  try {
    try {
      response = await fetchFn(a.url, { method: a.method, headers, body: a.body, signal: controller.signal, redirect: "manual" });
    } catch (error) {
      return failed(error, undefined);
    }
    const body = await readBody(response);
    if (body.failure !== undefined) return failed(body.failure.error, { body: body.text });
    text = body.text;
  } finally {
    clearTimeout(timer);
    a.signal?.removeEventListener("abort", onAbort);
  }

  const status = response.status;
  if (status >= 200 && status < 300) return readEnvelope(text, call);
  const statusText = response.type === "opaqueredirect" ? "redirect refused" : response.statusText;
  let apiStatusCode: number | undefined;
  let apiStatusMessage: string | undefined;
  let cost = 0;
  try {
    const parsed = envelopeStatusSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      apiStatusCode = parsed.data.status_code;
      apiStatusMessage = parsed.data.status_message;
      cost = parsed.data.cost ?? 0;
    }
  } catch {
    // Not JSON: the HTTP status alone describes the failure.
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("Retry-After"), a.now());
  const retryable = status === TOO_MANY_REQUESTS || isRetryableHttp(status) || (apiStatusCode !== undefined && isRetryableStatus(apiStatusCode));
  const error = new HttpError({ status, statusText, apiStatusCode, apiStatusMessage, retryAfterMs, body: text }, call, retryable);
  return { ok: false, error, cost };
}
