import * as messages from "../diagnostics/messages.js";
import type { EndpointId } from "../catalog/types.js";
import { basicCredentials } from "./auth.js";
import { apiUrl, resolveBaseUrl, type BaseUrlOptions } from "./base-url.js";
import { systemClock, type Clock } from "./clock.js";
import type { CallOptions, LiveResult, LiveTask } from "./live-types.js";
import type { Envelope, ItemOf } from "./response-schemas.js";
import { ApiError, ClientError, HttpError, ResponseError } from "./errors.js";
import { paginate } from "./paginate.js";
import { parameterDiagnostic } from "../task/param-issues.js";
import { prepareTask, type PrepareOptions } from "../task/prepare-task.js";
import type { PreparedRequest } from "./prepare-request.js";
import { CallsPerWindow } from "./rate-limit.js";
import { readResults } from "./read-results.js";
import { redactDeep, redactError } from "./redact.js";
import { nextRetry, resolveRetry, type RetryOptions, type RetryWait } from "./retry.js";
import { Semaphore } from "./semaphore.js";
import { TaskError } from "../task/task-error.js";
import { attempt, type AttemptOutcome, type FetchLike } from "./transport.js";

/** Options of `createClient`. Only `login` and `password` are required. */
export interface ClientOptions extends BaseUrlOptions {
  /** The API login from https://app.dataforseo.com/api-access (not the account's). */
  readonly login: string;
  /** The API password. Kept in a closure: it is in no property, message or event of the client. */
  readonly password: string;
  /** Default: the platform's `fetch`. */
  readonly fetch?: FetchLike;
  /** Deadline of one call, the whole answer included. Default 120 000 ms. */
  readonly timeoutMs?: number;
  /**
   * `false` turns retries off. Default: 3 retries, from 1 s doubling to at most 30 s; a 429
   * after its `Retry-After` (up to 60 s), a 40202 after a minute; a POST that may have been
   * charged (timed out, answer cut off) never. See `RetryOptions`.
   */
  readonly retry?: RetryOptions | boolean;
  /** Calls in flight at once. Default 30, the Backlinks API's cap. */
  readonly maxConcurrent?: number;
  /** Calls started in any minute. Default 2000, the API's cap for GET and POST together. */
  readonly maxCallsPerMinute?: number;
  /** Told of each request, retry and response, for logs. Events hold no credentials. */
  readonly onEvent?: (event: ClientEvent) => void;
  /** Told before each retry's wait: which call failed, why, and how long the client waits. */
  readonly onRetry?: (notice: RetryNotice) => void;
  /** The clock of the limiters and back-off waits (for tests). */
  readonly clock?: Clock;
}

/** What `onEvent` is told. URLs and messages only: never headers, never the body. */
export type ClientEvent =
  | { readonly type: "request"; readonly method: "GET" | "POST"; readonly url: string; readonly attempt: number }
  | {
      readonly type: "response";
      readonly method: "GET" | "POST";
      readonly url: string;
      readonly attempt: number;
      /** The envelope's (or the first failed task's) status code; absent when the body had none. */
      readonly statusCode?: number;
      readonly cost: number;
    }
  | {
      readonly type: "retry";
      readonly method: "GET" | "POST";
      readonly url: string;
      readonly attempt: number;
      readonly delayMs: number;
      /** The error's name and message. */
      readonly reason: string;
    };

/** What `onRetry` is told, before the wait. Holds no credentials (the error is redacted). */
export interface RetryNotice {
  readonly method: "GET" | "POST";
  readonly url: string;
  /** The call that failed: 1 for the first. */
  readonly attempt: number;
  /** Calls allowed in all, the first included (1 + `retry.retries`). */
  readonly maxAttempts: number;
  /** The wait before the next call. */
  readonly delayMs: number;
  /** What the wait is based on: the server's `Retry-After`, the 40202 window, or back-off. */
  readonly wait: RetryWait;
  /** The failure, as it would have been thrown. */
  readonly error: ClientError;
}

/** A client for the DataForSEO v3 API. */
export interface DataForSeoClient {
  /** The origin (and path prefix) calls go to. */
  readonly baseUrl: string;
  /** The sum of the `cost` (USD) of every response seen, failed ones included. */
  readonly spent: number;
  /**
   * Posts `tasks` (at least 1, at most 100; exactly 1 for a `/live` path) to an API path such as
   * `/v3/backlinks/summary/live`, unchecked. Resolves with the envelope when it and every task
   * succeeded; rejects with ApiError (the first failed task, `response` holding the envelope),
   * HttpError, TimeoutError, NetworkError or ResponseError.
   */
  post(path: string, tasks: readonly object[], options?: CallOptions): Promise<Envelope>;
  /** GETs an API path (`/v3/backlinks/available_filters`); fails as `post` does. */
  get(path: string, options?: CallOptions): Promise<Envelope>;
  /**
   * Checks and compiles `task` for `endpoint` (see `prepareTask`), posts it, and checks the answer:
   * envelope, task status, and results against the endpoint's schema. Throws TaskError or
   * DfsqError before any request when the task is wrong.
   */
  live<E extends EndpointId | (string & {})>(endpoint: E, task: LiveTask<E>, options?: CallOptions & PrepareOptions): Promise<LiveResult<E>>;
  /**
   * The items of every page of `task`, fetched as they are consumed: by `offset` (advanced by
   * the items received) until `total_count`, and by `search_after_token` where the endpoint uses
   * it past its offset limit (backlinks/backlinks past 20,000). Stop early by leaving the loop.
   */
  paginate<E extends EndpointId | (string & {})>(endpoint: E, task: LiveTask<E>, options?: CallOptions & PrepareOptions): AsyncGenerator<ItemOf<E>, void, undefined>;
  /** The request `live` would send, without sending it. */
  prepare<E extends EndpointId | (string & {})>(endpoint: E, task: LiveTask<E>, options?: PrepareOptions): PreparedRequest;
}

const MAX_TASKS_PER_POST = 100;

function statusCodeOf(error: ClientError): number | undefined {
  if (error instanceof ApiError) return error.statusCode;
  if (error instanceof HttpError) return error.apiStatusCode;
  return undefined;
}

/** The checks the API would otherwise make after the call (40502, 40006, 40000). */
function checkTasks(path: string, tasks: readonly object[]): void {
  const problem = (message: string, at: readonly (string | number)[] = []): never => {
    throw new TaskError(path, [{ field: "tasks", source: "", diagnostics: [parameterDiagnostic(at, message)] }]);
  };
  if (!Array.isArray(tasks)) problem(messages.tasksNotArray());
  if (tasks.length === 0) problem(messages.noTasks());
  if (tasks.length > MAX_TASKS_PER_POST) problem(messages.tooManyTasks(MAX_TASKS_PER_POST));
  if (/\/live\/?$/.test(path) && tasks.length > 1) problem(messages.oneLiveTask());
  tasks.forEach((task, index) => {
    if (typeof task !== "object" || task === null || Array.isArray(task)) problem(messages.notAnObject(task), [index]);
  });
}

/** Calls a hook of the caller's; a failing logger must not fail the call it logs. */
function notify<T>(hook: ((value: T) => void) | undefined, value: T): void {
  try {
    hook?.(value);
  } catch {
    // Swallowed on purpose: see above.
  }
}

/** `pages`, with every error it throws passed through `redacted`. */
async function* redactingErrors<T>(pages: AsyncGenerator<T, void, undefined>, redacted: <E>(error: E) => E): AsyncGenerator<T, void, undefined> {
  try {
    yield* pages;
  } catch (e) {
    throw redacted(e);
  }
}

/**
 * Creates a client. Throws TypeError for missing credentials or a refused base URL (plain http
 * to a host other than loopback, or one holding credentials), RangeError for bad limits.
 */
export function createClient(options: ClientOptions): DataForSeoClient {
  const credentials = basicCredentials(options.login, options.password);
  const base = resolveBaseUrl(options);
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 120_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`timeoutMs must be a positive number, got ${timeoutMs}`);
  const policy = resolveRetry(options.retry);
  const clock = options.clock ?? systemClock;
  const semaphore = new Semaphore(options.maxConcurrent ?? 30);
  const perMinute = new CallsPerWindow(options.maxCallsPerMinute ?? 2000, 60_000, clock);
  let spent = 0;

  const emit = (event: ClientEvent) => notify(options.onEvent, event);
  /** Every error about a call passes here before anyone sees it: nothing secret leaves the client. */
  const redacted = <E>(error: E): E => (error instanceof ClientError ? redactError(error, credentials.redact) : error);

  /** Sends one request with retries; resolves with the envelope, its body and the number of calls made. */
  async function send(method: "GET" | "POST", path: string, body: string | undefined, signal: AbortSignal | undefined) {
    const url = apiUrl(base, path);
    for (let n = 1; ; n++) {
      const release = await semaphore.acquire(signal);
      let outcome: AttemptOutcome | undefined;
      let thrown: ClientError | undefined;
      try {
        await perMinute.acquire(signal);
        emit({ type: "request", method, url, attempt: n });
        outcome = await attempt(fetchFn, { method, url, body, authorization: credentials.authorization, timeoutMs, signal, now: () => clock.now() });
      } catch (e) {
        if (!(e instanceof ClientError)) throw e;
        thrown = e;
      } finally {
        release();
      }
      if (outcome !== undefined) {
        spent = Math.round((spent + outcome.cost) * 1e9) / 1e9;
        const statusCode = outcome.ok ? outcome.envelope.status_code : statusCodeOf(outcome.error);
        emit({ type: "response", method, url, attempt: n, ...(statusCode === undefined ? {} : { statusCode }), cost: outcome.cost });
        if (outcome.ok) return { envelope: outcome.envelope, text: outcome.text, attempts: n };
      }
      const error = redacted(outcome?.error ?? thrown!);
      error.attempts = n;
      const retry = nextRetry(error, method, n, policy);
      if (retry === undefined) throw error;
      // The API counts calls per minute for the whole account: none of this client's calls may start before the window passes.
      if (retry.wait === "rate-limit") perMinute.holdUntil(clock.now() + retry.delayMs);
      emit({ type: "retry", method, url, attempt: n, delayMs: retry.delayMs, reason: `${error.name}: ${error.message}` });
      notify(options.onRetry, { method, url, attempt: n, maxAttempts: policy.retries + 1, delayMs: retry.delayMs, wait: retry.wait, error });
      await clock.sleep(retry.delayMs, signal);
    }
  }

  async function live<E extends string>(endpoint: E, task: LiveTask<E>, callOptions: CallOptions & PrepareOptions = {}): Promise<LiveResult<E>> {
    const prepared = prepareTask(endpoint, task, callOptions);
    const spec = prepared.endpoint;
    const { envelope, text, attempts } = await send("POST", spec.path, JSON.stringify([prepared.task]), callOptions.signal);
    const call = { method: "POST" as const, url: apiUrl(base, spec.path) };
    const only = envelope.tasks?.[0];
    if (envelope.tasks === null || envelope.tasks.length !== 1 || only === undefined) {
      const error = new ResponseError("unexpected_tasks", `expected one task in the answer, found ${envelope.tasks?.length ?? 0}`, [], call, text);
      error.attempts = attempts;
      throw redacted(error);
    }
    const { results, items, warnings } = readResults(spec.id as E, only.result);
    const responseWarnings = redactDeep(warnings, credentials.redact) as typeof warnings;
    return { envelope, task: only, results, result: results[0], items, warnings: prepared.warnings, responseWarnings, attempts, url: call.url };
  }

  return {
    baseUrl: base.href,
    get spent() {
      return spent;
    },
    async post(path, tasks, callOptions = {}) {
      checkTasks(path, tasks);
      return (await send("POST", path, JSON.stringify(tasks), callOptions.signal)).envelope;
    },
    async get(path, callOptions = {}) {
      return (await send("GET", path, undefined, callOptions.signal)).envelope;
    },
    live,
    paginate: (endpoint, task, callOptions = {}) => redactingErrors(paginate(live, endpoint, task, callOptions), redacted),
    prepare(endpoint, task, prepareOptions = {}) {
      const prepared = prepareTask(endpoint, task, prepareOptions);
      return { ...prepared, method: "POST", url: apiUrl(base, prepared.endpoint.path), body: [prepared.task] };
    },
  };
}
