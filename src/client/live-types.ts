import type { FilterArray, OrderByArray } from "../lower/filter-array.js";
import type { DfsqTaskFields } from "../task/prepare-task.js";
import type { PreparedRequest } from "./prepare-request.js";
import type { Envelope, EnvelopeTask, ItemOf, ResultOf } from "./response-schemas.js";
import type { TaskParams } from "../task/schemas.js";

/** Options of one call. */
export interface CallOptions {
  /** Cancels the call (and its retries); the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** The wire names of the filter and order-by fields, which take ready arrays. */
export interface WireFilterFields {
  readonly filters?: FilterArray;
  readonly backlinks_filters?: FilterArray;
  readonly initial_dataset_filters?: FilterArray;
  readonly relevant_pages_filters?: FilterArray;
  readonly order_by?: OrderByArray;
}

/** A task of endpoint `E`: its parameters, with filters and order-by as dfsq text or ready arrays. */
export type LiveTask<E extends string> = TaskParams<E> & DfsqTaskFields & WireFilterFields;

/**
 * A part of a paid answer that does not fit the endpoint's result schema (a field of another
 * type, a required field missing). The answer is kept as received all the same: the types of
 * `results` and `items` hold only where no warning points.
 */
export interface ResponseWarning {
  readonly code: "unexpected_result";
  /** The JSON path in the response body: `["tasks", 0, "result", 0, "items", 3, "rank"]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** What `live` returns: the checked envelope, its one task, and that task's typed results. */
export interface LiveResult<E extends string> {
  readonly envelope: Envelope;
  readonly task: EnvelopeTask;
  /**
   * `task.result`, each checked against the endpoint's result schema. A result that does not fit
   * is kept as received, with `responseWarnings` saying where it differs.
   */
  readonly results: readonly ResultOf<E>[];
  /** The first result (the API returns one per live task), or undefined when there is none. */
  readonly result: ResultOf<E> | undefined;
  /** The items of every result. */
  readonly items: readonly ItemOf<E>[];
  /** The compiler's warnings about the task (sent anyway). */
  readonly warnings: PreparedRequest["warnings"];
  /** Where the answer differs from the endpoint's result schema (redacted; at most 20 per result, then a count). */
  readonly responseWarnings: readonly ResponseWarning[];
  /** Calls made, retries included. */
  readonly attempts: number;
  /** Where the task was posted. */
  readonly url: string;
}
