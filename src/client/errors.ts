/*
 * The errors a call can end in. Each names what was asked (`method`, `url`, which never holds
 * credentials: base URLs with a user part are refused) and how many calls were made
 * (`attempts`), so a caller can tell a retried failure from a first one.
 *
 * None of them holds the password, the Authorization header or the raw error of the platform's
 * fetch (whose shape is not ours to vouch for): text that comes from outside passes through the
 * client's redaction first.
 */

/** Gives a class its own name whatever a minifier calls it: util.inspect and stack headers read it. */
function keepName(cls: abstract new (...args: never[]) => unknown, name: string): void {
  Object.defineProperty(cls, "name", { value: name });
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

  constructor(message: string, request: Omit<RequestInfo, "attempts">, retryable: boolean) {
    super(message);
    this.method = request.method;
    this.url = request.url;
    this.attempts = 1;
    this.retryable = retryable;
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
    details: { statusCode: number; statusMessage: string; taskId?: string | undefined; taskIndex?: number | undefined; response?: unknown },
    request: Omit<RequestInfo, "attempts">,
    retryable: boolean,
  ) {
    const where = details.taskId === undefined ? "" : ` (task ${details.taskId})`;
    super(`DataForSEO error ${details.statusCode}: ${details.statusMessage}${where}`, request, retryable);
    this.statusCode = details.statusCode;
    this.statusMessage = details.statusMessage;
    this.taskId = details.taskId;
    this.taskIndex = details.taskIndex;
    Object.defineProperty(this, "response", { value: details.response, enumerable: false });
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

  constructor(
    details: { status: number; statusText: string; apiStatusCode?: number | undefined; apiStatusMessage?: string | undefined },
    request: Omit<RequestInfo, "attempts">,
    retryable: boolean,
  ) {
    const api = details.apiStatusCode === undefined ? "" : ` (DataForSEO ${details.apiStatusCode}: ${details.apiStatusMessage ?? ""})`;
    super(`HTTP ${details.status}${details.statusText === "" ? "" : ` ${details.statusText}`}${api}`, request, retryable);
    this.status = details.status;
    this.statusText = details.statusText;
    this.apiStatusCode = details.apiStatusCode;
    this.apiStatusMessage = details.apiStatusMessage;
  }
}

/** No complete answer within `timeoutMs`. The API may still have run (and charged) the task. */
export class TimeoutError extends ClientError {
  static {
    keepName(this, "TimeoutError");
  }
  override readonly name: string = "TimeoutError";
  readonly timeoutMs: number;

  constructor(timeoutMs: number, request: Omit<RequestInfo, "attempts">, retryable: boolean) {
    super(`no answer within ${timeoutMs} ms`, request, retryable);
    this.timeoutMs = timeoutMs;
  }
}

/** The connection failed (refused, reset, DNS, TLS) before a complete answer arrived. */
export class NetworkError extends ClientError {
  static {
    keepName(this, "NetworkError");
  }
  override readonly name: string = "NetworkError";
  /** The platform's error code where it gives one (`ECONNRESET`, `UND_ERR_SOCKET`, …). */
  readonly code: string | undefined;

  constructor(message: string, code: string | undefined, request: Omit<RequestInfo, "attempts">, retryable: boolean) {
    super(`network error: ${message}`, request, retryable);
    this.code = code;
  }
}

/** A problem found in the response body, with its JSON path. */
export interface ResponseIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * The answer came but is not what DataForSEO sends: not JSON, an envelope with required fields
 * missing or mistyped, the wrong number of tasks, or result items that do not fit their schema.
 * Not retried: the call may have been charged.
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
  ) {
    super(`unexpected response: ${summary}`, request, false);
    this.reason = reason;
    this.issues = issues;
  }
}
