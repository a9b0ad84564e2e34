/*
 * The errors a call can end in. Each names what was asked (`method`, `url`, which never holds
 * credentials: base URLs with a user part are refused) and how many calls were made
 * (`attempts`), so a caller can tell a retried failure from a first one. Errors about an answer
 * keep its raw `body`.
 *
 * None of them holds the login, the password or the Authorization header in any form: the client
 * passes each error through `redactError` (src/client/redact.ts) before anyone sees it, which
 * redacts every property, the stack and the `cause` chain.
 */

/** Gives a class its own name whatever a minifier calls it: util.inspect and stack headers read it. */
function keepName(cls: abstract new (...args: never[]) => unknown, name: string): void {
  Object.defineProperty(cls, "name", { value: name });
}

/** Defines a property kept out of `JSON.stringify` and of a plain util.inspect (it can be large). */
function hidden(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: false, writable: true, configurable: true });
}

/** Where a failed call was going. */
export interface RequestInfo {
  readonly method: "GET" | "POST";
  readonly url: string;
  /** Calls made, the failed one included (1 when it was not retried). */
  readonly attempts: number;
}

/** The base of every error the client raises about a call (task checks raise `DfsqError`). */
export class ClientError extends Error {
  static {
    keepName(this, "ClientError");
  }
  override readonly name: string = "ClientError";
  readonly method: "GET" | "POST";
  readonly url: string;
  attempts: number;
  /** Whether another try could have helped (by the status table); set even when retries are off. */
  readonly retryable: boolean;
  /**
   * The response body as received (redacted), when the error is about an answer: all of it, or
   * what arrived before the connection dropped. A paid answer the client could not read is still
   * here. Kept out of JSON and of a plain util.inspect, as it can be large.
   */
  declare readonly body: string | undefined;

  constructor(message: string, request: Omit<RequestInfo, "attempts">, retryable: boolean, options: { body?: string | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.method = request.method;
    this.url = request.url;
    this.attempts = 1;
    this.retryable = retryable;
    hidden(this, "body", options.body);
  }

  /** What `JSON.stringify` writes: the name and message too, which Error keeps off by default. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

/**
 * The API answered with a status other than 2xxxx: in the envelope (`taskId` undefined) or in a
 * task. `statusCode` and `statusMessage` are DataForSEO's own (e.g. 40501 "Invalid Field.").
 */
export class ApiError extends ClientError {
  static {
    keepName(this, "ApiError");
  }
  override readonly name: string = "ApiError";
  readonly statusCode: number;
  readonly statusMessage: string;
  /** The task's id, when the failure is a task's. */
  readonly taskId: string | undefined;
  /** The task's position in the posted array, when the failure is a task's. */
  readonly taskIndex: number | undefined;
  /** The parsed envelope, when it was complete: other tasks of the call may have succeeded. Kept
   * out of JSON (it can be large). */
  declare readonly response: unknown;

  constructor(
    details: {
      statusCode: number;
      statusMessage: string;
      taskId?: string | undefined;
      taskIndex?: number | undefined;
      response?: unknown;
      body?: string | undefined;
    },
    request: Omit<RequestInfo, "attempts">,
    retryable: boolean,
  ) {
    const where = details.taskId === undefined ? "" : ` (task ${details.taskId})`;
    super(`DataForSEO error ${details.statusCode}: ${details.statusMessage}${where}`, request, retryable, { body: details.body });
    this.statusCode = details.statusCode;
    this.statusMessage = details.statusMessage;
    this.taskId = details.taskId;
    this.taskIndex = details.taskIndex;
    hidden(this, "response", details.response);
  }
}

/** The HTTP status was not 200. DataForSEO answers 200 for almost everything; 401, 402, 404 and
 * 500 are its documented exceptions. A redirect is refused (status 0 or 3xx), never followed. */
export class HttpError extends ClientError {
  static {
    keepName(this, "HttpError");
  }
  override readonly name: string = "HttpError";
  readonly status: number;
  readonly statusText: string;
  /** The envelope's code and message when the body held one. */
  readonly apiStatusCode: number | undefined;
  readonly apiStatusMessage: string | undefined;
  /** The wait the server asked for in a `Retry-After` header, in ms (0 for a date already past). */
  readonly retryAfterMs: number | undefined;

  constructor(
    details: {
      status: number;
      statusText: string;
      apiStatusCode?: number | undefined;
      apiStatusMessage?: string | undefined;
      retryAfterMs?: number | undefined;
      body?: string | undefined;
    },
    request: Omit<RequestInfo, "attempts">,
    retryable: boolean,
  ) {
    const api = details.apiStatusCode === undefined ? "" : ` (DataForSEO ${details.apiStatusCode}: ${details.apiStatusMessage ?? ""})`;
    super(`HTTP ${details.status}${details.statusText === "" ? "" : ` ${details.statusText}`}${api}`, request, retryable, { body: details.body });
    this.status = details.status;
    this.statusText = details.statusText;
    this.apiStatusCode = details.apiStatusCode;
    this.apiStatusMessage = details.apiStatusMessage;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/**
 * No complete answer within `timeoutMs`. The API may still have run (and charged) the task, so a
 * POST that timed out is retried only when `retry.uncertainPosts` asks for it.
 */
export class TimeoutError extends ClientError {
  static {
    keepName(this, "TimeoutError");
  }
  override readonly name: string = "TimeoutError";
  readonly timeoutMs: number;
  /** Whether the answer had begun (status and headers received) when time ran out. */
  readonly partial: boolean;

  constructor(timeoutMs: number, request: Omit<RequestInfo, "attempts">, retryable: boolean, options: { partial?: boolean; body?: string | undefined } = {}) {
    super(`no ${options.partial === true ? "complete " : ""}answer within ${timeoutMs} ms`, request, retryable, { body: options.body });
    this.timeoutMs = timeoutMs;
    this.partial = options.partial === true;
  }
}

/**
 * The connection failed (refused, reset, DNS, TLS) before a complete answer arrived. When the
 * answer had begun (`partial`: the status came, the body was cut off), the task most likely ran
 * and was charged: such a POST is retried only when `retry.uncertainPosts` asks for it.
 */
export class NetworkError extends ClientError {
  static {
    keepName(this, "NetworkError");
  }
  override readonly name: string = "NetworkError";
  /** The platform's error code where it gives one (`ECONNRESET`, `ENOTFOUND`, `UND_ERR_SOCKET`, …). */
  readonly code: string | undefined;
  /** Whether the answer had begun (status and headers received) when the connection failed. */
  readonly partial: boolean;

  constructor(
    message: string,
    code: string | undefined,
    request: Omit<RequestInfo, "attempts">,
    retryable: boolean,
    options: { partial?: boolean; body?: string | undefined; cause?: unknown } = {},
  ) {
    super(`network error: ${options.partial === true ? "the answer was cut off: " : ""}${message}`, request, retryable, options);
    this.code = code;
    this.partial = options.partial === true;
  }
}

/** A problem found in the response body, with its JSON path. */
export interface ResponseIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * The answer came but is not what DataForSEO sends: not JSON, an envelope with required fields
 * missing or mistyped, the wrong number of tasks, or (`invalid_result`) a page without the token
 * pagination needs. Results whose items differ from their schema are not an error: `live` keeps
 * them, with warnings. Not retried: the call may have been charged; `body` holds the answer.
 */
export class ResponseError extends ClientError {
  static {
    keepName(this, "ResponseError");
  }
  override readonly name: string = "ResponseError";
  readonly reason: "malformed_json" | "invalid_envelope" | "invalid_result" | "unexpected_tasks";
  readonly issues: readonly ResponseIssue[];

  constructor(
    reason: ResponseError["reason"],
    summary: string,
    issues: readonly ResponseIssue[],
    request: Omit<RequestInfo, "attempts">,
    body?: string,
  ) {
    super(`unexpected response: ${summary}`, request, false, { body });
    this.reason = reason;
    this.issues = issues;
  }
}
