import * as z from "zod/mini";
import { ENGLISH_MESSAGES } from "../task/zod-english.js";
import { ApiError, ResponseError, type ResponseIssue } from "./errors.js";
import { envelopeSchema, envelopeStatusSchema, taskSchema, taskStatusSchema, type Envelope, type EnvelopeTask } from "./response-schemas.js";
import { isRetryableStatus, isSuccessStatus } from "./status-codes.js";

interface Call {
  readonly method: "GET" | "POST";
  readonly url: string;
}

/** What a body yields: the envelope, or the error to raise, and in both cases the cost it reports. */
export type EnvelopeOutcome =
  | { readonly ok: true; readonly envelope: Envelope; readonly cost: number; readonly text: string }
  | { readonly ok: false; readonly error: ApiError | ResponseError; readonly cost: number };

function issuesOf(error: z.core.$ZodError, prefix: readonly (string | number)[] = []): ResponseIssue[] {
  return error.issues.slice(0, 20).map((i) => ({ path: [...prefix, ...i.path.map((p) => (typeof p === "number" ? p : String(p)))], message: i.message }));
}

function describeIssues(issues: readonly ResponseIssue[]): string {
  const first = issues[0];
  if (first === undefined) return "";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `${first.path.length === 0 ? "the body" : first.path.join(".")}: ${first.message}${more}`;
}

/**
 * Reads a response body the way DataForSEO's docs say to: the envelope's status first, then each
 * task's, even when the envelope says 20000. Failure statuses become ApiError (retryable per the
 * status table, but only when no task of the call succeeded, so a retry cannot pay twice for a
 * success); bodies that are not JSON or lack required envelope fields become ResponseError. Every
 * error keeps `text` as its `body`; none is redacted yet (the client redacts what it hands out).
 */
export function readEnvelope(text: string, call: Call): EnvelopeOutcome {
  const invalid = (issues: readonly ResponseIssue[], cost: number): EnvelopeOutcome => ({
    ok: false,
    error: new ResponseError("invalid_envelope", describeIssues(issues), issues, call, text),
    cost,
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: new ResponseError("malformed_json", "the body is not JSON", [], call, text), cost: 0 };
  }
  const status = envelopeStatusSchema.safeParse(json, ENGLISH_MESSAGES);
  if (!status.success) return invalid(issuesOf(status.error), 0);
  const cost = status.data.cost ?? 0;
  if (!isSuccessStatus(status.data.status_code)) {
    const code = status.data.status_code;
    const error = new ApiError({ statusCode: code, statusMessage: status.data.status_message, body: text }, call, isRetryableStatus(code));
    return { ok: false, error, cost };
  }
  const top = z.extend(envelopeSchema, { tasks: z.nullable(z.array(z.unknown())) }).safeParse(json, ENGLISH_MESSAGES);
  if (!top.success) return invalid(issuesOf(top.error), cost);

  const rawTasks = top.data.tasks ?? [];
  const tasks: EnvelopeTask[] = [];
  const failures: ApiError[] = [];
  for (const [index, raw] of rawTasks.entries()) {
    const taskStatus = taskStatusSchema.safeParse(raw, ENGLISH_MESSAGES);
    if (!taskStatus.success) return invalid(issuesOf(taskStatus.error, ["tasks", index]), cost);
    if (!isSuccessStatus(taskStatus.data.status_code)) {
      const code = taskStatus.data.status_code;
      failures.push(
        new ApiError(
          { statusCode: code, statusMessage: taskStatus.data.status_message, taskId: taskStatus.data.id, taskIndex: index },
          call,
          isRetryableStatus(code),
        ),
      );
    }
    const full = taskSchema.safeParse(raw, ENGLISH_MESSAGES);
    if (full.success) tasks.push(full.data);
    else if (failures.at(-1)?.taskIndex !== index) return invalid(issuesOf(full.error, ["tasks", index]), cost);
  }
  const envelope: Envelope = { ...top.data, tasks: top.data.tasks === null ? null : tasks };
  const failure = failures[0];
  if (failure === undefined) return { ok: true, envelope, cost, text };
  // A retry resends every task, so it is worth it only when none succeeded and each failure is retryable.
  const retryable = failures.length === rawTasks.length && failures.every((f) => f.retryable);
  const error = new ApiError(
    {
      statusCode: failure.statusCode,
      statusMessage: failure.statusMessage,
      taskId: failure.taskId,
      taskIndex: failure.taskIndex,
      response: envelope,
      body: text,
    },
    call,
    retryable,
  );
  return { ok: false, error, cost };
}
