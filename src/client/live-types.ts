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

/** What `live` returns: the checked envelope, its one task, and that task's typed results. */
export interface LiveResult<E extends string> {
  readonly envelope: Envelope;
  readonly task: EnvelopeTask;
  /** `task.result`, each checked against the endpoint's result schema. */
  readonly results: readonly ResultOf<E>[];
  /** The first result (the API returns one per live task), or undefined when there is none. */
  readonly result: ResultOf<E> | undefined;
  /** The items of every result. */
  readonly items: readonly ItemOf<E>[];
  /** The compiler's warnings about the task (sent anyway). */
  readonly warnings: PreparedRequest["warnings"];
  /** Calls made, retries included. */
  readonly attempts: number;
  /** Where the task was posted. */
  readonly url: string;
}
