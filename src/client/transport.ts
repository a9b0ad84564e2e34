import { readEnvelope, type EnvelopeOutcome } from "./envelope.js";
import { HttpError, NetworkError, TimeoutError } from "./errors.js";
import { envelopeStatusSchema } from "./response-schemas.js";
import { isRetryableHttp, isRetryableStatus } from "./status-codes.js";

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
  readonly redact: (text: string) => string;
}

/** What one HTTP exchange yielded, for the retry loop to judge. */
export type AttemptOutcome = EnvelopeOutcome | { readonly ok: false; readonly error: HttpError; readonly cost: number };

function networkDetails(error: unknown): { message: string; code: string | undefined } {
  const e = error as { message?: unknown; code?: unknown; cause?: { message?: unknown; code?: unknown } } | undefined;
  const top = typeof e?.message === "string" ? e.message : String(error);
  const cause = typeof e?.cause?.message === "string" ? e.cause.message : undefined;
  const code = typeof e?.cause?.code === "string" ? e.cause.code : typeof e?.code === "string" ? e.code : undefined;
  return { message: cause === undefined || cause === top ? top : `${top}: ${cause}`, code };
}

/**
 * One HTTP exchange with a deadline covering the whole answer, body included. Redirects are not
 * followed (the Authorization header must not travel anywhere else). Throws TimeoutError or
 * NetworkError (both retryable), or the caller's abort reason; answers, good or bad, come back
 * as an outcome.
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

  const headers: Record<string, string> = { Authorization: a.authorization, Accept: "application/json" };
  if (a.body !== undefined) headers["Content-Type"] = "application/json";
  let status: number;
  let statusText: string;
  let text: string;
  try {
    const response = await fetchFn(a.url, { method: a.method, headers, body: a.body, signal: controller.signal, redirect: "manual" });
    status = response.status;
    statusText = response.type === "opaqueredirect" ? "redirect refused" : response.statusText;
    text = await response.text();
  } catch (error) {
    if (a.signal?.aborted) throw a.signal.reason;
    if (timedOut) throw new TimeoutError(a.timeoutMs, call, true);
    const { message, code } = networkDetails(error);
    throw new NetworkError(a.redact(message), code, call, true);
  } finally {
    clearTimeout(timer);
    a.signal?.removeEventListener("abort", onAbort);
  }

  if (status >= 200 && status < 300) return readEnvelope(text, call, a.redact);
  let apiStatusCode: number | undefined;
  let apiStatusMessage: string | undefined;
  let cost = 0;
  try {
    const parsed = envelopeStatusSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      apiStatusCode = parsed.data.status_code;
      apiStatusMessage = a.redact(parsed.data.status_message);
      cost = parsed.data.cost ?? 0;
    }
  } catch {
    // Not JSON: the HTTP status alone describes the failure.
  }
  const retryable = isRetryableHttp(status) || (apiStatusCode !== undefined && isRetryableStatus(apiStatusCode));
  const error = new HttpError({ status, statusText: a.redact(statusText), apiStatusCode, apiStatusMessage }, call, retryable);
  return { ok: false, error, cost };
}
