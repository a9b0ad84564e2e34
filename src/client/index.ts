/*
 * dfsq/client: a thin, browser-safe client for the DataForSEO v3 API on top of the compiler. It
 * compiles and checks a whole task locally, posts it, and checks the answer. Published as the
 * subpath `dfsq/client` so that importing `dfsq` stays small; the compiler never imports it.
 * Everything public is named here.
 */
export { createClient, type ClientEvent, type ClientOptions, type DataForSeoClient, type RetryNotice } from "./client.js";
export type { CallOptions, LiveResult, LiveTask, ResponseWarning, WireFilterFields } from "./live-types.js";
export { prepareTask, type DfsqTaskFields, type PreparedTask, type PrepareOptions } from "../task/prepare-task.js";
export { prepareLiveRequest, type PreparedRequest } from "./prepare-request.js";
export { TaskError, formatTaskProblems, type TaskProblem } from "../task/task-error.js";
export {
  ApiError,
  ClientError,
  HttpError,
  NetworkError,
  ResponseError,
  TimeoutError,
  type RequestInfo,
  type ResponseIssue,
} from "./errors.js";
export { DfsqError } from "../diagnostics/error.js";
export type { Diagnostic } from "../diagnostics/diagnostic.js";
export {
  envelopeSchema,
  genericResultSchema,
  referringDomainItemSchema,
  referringDomainsResultSchema,
  taskSchema,
  type Envelope,
  type EnvelopeTask,
  type GenericResult,
  type ItemOf,
  type ReferringDomainItem,
  type ReferringDomainsResult,
  type ResultOf,
} from "./response-schemas.js";
export { TASK_DEFAULTS, TASK_SCHEMAS, type TaskParams } from "../task/schemas.js";
export { STATUS_CODES, isRetryableHttp, isRetryableStatus, type RetryClass, type StatusInfo } from "./status-codes.js";
export { PRODUCTION_BASE_URL, SANDBOX_BASE_URL, resolveBaseUrl, type BaseUrlOptions } from "./base-url.js";
export type { RetryOptions, RetryWait } from "./retry.js";
export type { Clock } from "./clock.js";
