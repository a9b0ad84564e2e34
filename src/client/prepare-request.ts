import { prepareTask, type PreparedTask, type PrepareOptions } from "../task/prepare-task.js";
import { apiUrl, resolveBaseUrl, type BaseUrlOptions } from "./base-url.js";

/** A request as it would be sent: for dry runs, and what `live` sends. */
export interface PreparedRequest extends PreparedTask {
  readonly method: "POST";
  readonly url: string;
  /** Always an array of tasks; for live endpoints, one. */
  readonly body: readonly Readonly<Record<string, unknown>>[];
}

/**
 * The exact request `client.live(endpoint, task)` would send, without sending it and without
 * credentials: method, URL and body. For dry runs. Throws as `prepareTask` does, and TypeError
 * for a refused base URL.
 */
export function prepareLiveRequest(endpoint: string, task: unknown, options: PrepareOptions & BaseUrlOptions = {}): PreparedRequest {
  const base = resolveBaseUrl(options);
  const prepared = prepareTask(endpoint, task, options);
  return { ...prepared, method: "POST", url: apiUrl(base, prepared.endpoint.path), body: [prepared.task] };
}
