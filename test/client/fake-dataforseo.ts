import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

/*
 * A local HTTP server that behaves like DataForSEO for the client tests: it checks the Basic auth
 * header, parses the body (always an array of tasks), and answers with envelopes shaped like the
 * docs'. Each test queues the behaviours of the next calls; with nothing queued it answers as the
 * API would. It listens on 127.0.0.1 only; no test reaches the internet.
 */

export const LOGIN = "tester@example.com";
export const PASSWORD = "s3cr3t-Pa55word-7f3a91";
export const BASIC = Buffer.from(`${LOGIN}:${PASSWORD}`).toString("base64");

export const SEED_RESPONSE = JSON.parse(
  readFileSync(new URL("./fixtures/referring-domains.json", import.meta.url), "utf8"),
) as Record<string, unknown> & { tasks: Record<string, unknown>[] };

/** What the server does with one call. */
export type Behaviour =
  /** Answer as the API would (the default). */
  | { readonly kind: "ok" }
  /** Answer this JSON with HTTP 200 (or `status`). */
  | { readonly kind: "json"; readonly body: unknown; readonly status?: number }
  /** Answer an HTTP error status with an envelope (DataForSEO's 500 carries 50000). */
  | { readonly kind: "http"; readonly status: number }
  /** An envelope whose own status is `code` (40202 rate limit, 50000 internal error). */
  | { readonly kind: "status"; readonly code: number; readonly message: string }
  /** Envelope 20000 with its one task failed with `code` (40501 invalid field). */
  | { readonly kind: "task-error"; readonly code: number; readonly message: string }
  /** The normal answer, after `delayMs`. */
  | { readonly kind: "slow"; readonly delayMs: number }
  /** Destroy the socket without answering. */
  | { readonly kind: "reset" }
  /** HTTP 200 with a body that is not JSON. */
  | { readonly kind: "malformed" }
  /** HTTP 200 with an envelope that lacks required fields. */
  | { readonly kind: "partial" }
  /** Reflects the Authorization header and the decoded password into the error message and the
   * HTTP reason phrase, as a buggy proxy might; the client must redact them. */
  | { readonly kind: "echo-auth"; readonly status: number }
  /** A 302 to another host (the client must not follow it). */
  | { readonly kind: "redirect"; readonly location: string }
  /** HTTP 200 with a correct envelope, of which only the first half is sent before the socket is destroyed. */
  | { readonly kind: "cut-off" }
  /** HTTP 429 with this `Retry-After` header (none when undefined) and a text body. */
  | { readonly kind: "too-many"; readonly retryAfter?: string }
  /**
   * Reflects the credentials it received (the Authorization value, the login, the password and
   * login:password, decoded from the header) in every form `reflections` makes, into every field
   * of the answer `shape` can hold, as a buggy or hostile server might.
   */
  | { readonly kind: "reflect"; readonly shape: ReflectShape };

/** Where a `reflect` answer puts the credentials. */
export type ReflectShape =
  /** An HTTP error: the reason phrase, the envelope's status_message, the body. */
  | "http-error"
  /** HTTP 200, the envelope's status a failure (40501), with the credentials in status_message and tasks. */
  | "envelope-error"
  /** HTTP 200, envelope 20000, the one task failed: task status_message, data (values and keys), result items. */
  | "task-error"
  /** HTTP 200, a body that is not JSON. */
  | "malformed"
  /** HTTP 200, an envelope without its required fields, the task holding the credentials. */
  | "invalid-envelope"
  /** HTTP 200, two tasks to a live call (unexpected_tasks). */
  | "two-tasks"
  /** HTTP 200, a good answer whose item has a count map keyed by the credentials (a schema warning on that key). */
  | "result-keys"
  /** HTTP 200 cut off mid-body, after the credentials went out. */
  | "cut-off";

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly userAgent: string | undefined;
  readonly contentType: string | undefined;
  readonly body: unknown;
}

const VERSION = "0.1.20240801";

export function envelope(tasks: readonly unknown[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const cost = tasks.reduce<number>((sum, t) => sum + ((t as { cost?: number }).cost ?? 0), 0);
  return {
    version: VERSION,
    status_code: 20000,
    status_message: "Ok.",
    time: "0.1000 sec.",
    cost,
    tasks_count: tasks.length,
    tasks_error: tasks.filter((t) => (t as { status_code: number }).status_code !== 20000).length,
    tasks,
    ...overrides,
  };
}

export function task(path: string, data: unknown, result: unknown[] | null, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `08071729-1535-0273-0000-${Math.random().toString(16).slice(2, 14).padEnd(12, "0")}`,
    status_code: 20000,
    status_message: "Ok.",
    time: "0.0500 sec.",
    cost: result === null ? 0 : 0.02,
    result_count: result?.length ?? 0,
    path: path.split("/").filter(Boolean),
    data: data ?? {},
    result,
    ...overrides,
  };
}

/** A data set the default answers page through: `total` items of the requested endpoint. */
export interface Dataset {
  readonly total: number;
}

/** Every form in which the credentials `reflect` sends back can appear, for the server and the assertions. */
export function reflections(login: string, password: string): string[] {
  const basic = Buffer.from(`${login}:${password}`).toString("base64");
  return [login, password, `${login}:${password}`].flatMap((s) => {
    const percent = encodeURIComponent(s);
    const base64 = Buffer.from(s).toString("base64");
    return [
      s,
      percent,
      percent.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
      new URLSearchParams({ s }).toString().slice(2),
      base64,
      base64.replace(/=+$/, ""),
      Buffer.from(s).toString("base64url"),
      JSON.stringify(s).slice(1, -1),
    ];
  }).concat([`Basic ${basic}`, basic]);
}

/** `text` with every UTF-16 unit as a JSON `\uXXXX` escape (hex in `upper` case or not): valid inside a JSON string. */
export function unicodeEscaped(text: string, upper = false): string {
  return [...text].map((c) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`).join("")).join("")
    .replace(/[0-9a-f]{4}/g, (h) => (upper ? h.toUpperCase() : h));
}

export class FakeDataForSeo {
  readonly requests: RecordedRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** When set, list endpoints page through this many generated items. */
  dataset: Dataset | undefined;
  #queue: Behaviour[] = [];
  #server: Server | undefined;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #basic: string;
  baseUrl = "";

  /** A server that accepts these credentials (by default LOGIN and PASSWORD). */
  constructor(credentials: { login: string; password: string } = { login: LOGIN, password: PASSWORD }) {
    this.#basic = Buffer.from(`${credentials.login}:${credentials.password}`).toString("base64");
  }

  async start(): Promise<string> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.#server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server === undefined ? resolve() : this.#server.close(() => resolve())));
  }

  /** Queues the behaviours of the next calls, in order. */
  next(...behaviours: Behaviour[]): this {
    this.#queue.push(...behaviours);
    return this;
  }

  /** Forgets requests, queued behaviours and the data set (call in beforeEach). */
  reset(): void {
    this.requests.length = 0;
    this.#queue = [];
    this.dataset = undefined;
    this.maxInFlight = 0;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of req) chunks.push(chunk as Uint8Array);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: unknown;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const path = new URL(req.url ?? "/", "http://x").pathname;
    this.requests.push({
      method: req.method ?? "",
      path,
      authorization: req.headers.authorization,
      userAgent: req.headers["user-agent"],
      contentType: req.headers["content-type"],
      body,
    });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on("close", () => this.inFlight--);

    if (req.headers.authorization !== `Basic ${this.#basic}`) {
      this.#send(res, 401, envelope([], { status_code: 40100, status_message: "You are not authorized to access this resource.", tasks: null, tasks_count: 0 }));
      return;
    }
    const behaviour = this.#queue.shift() ?? { kind: "ok" };
    switch (behaviour.kind) {
      case "ok":
        this.#send(res, 200, this.#answer(req.method ?? "GET", path, body));
        return;
      case "json":
        this.#send(res, behaviour.status ?? 200, behaviour.body);
        return;
      case "http":
        this.#send(res, behaviour.status, envelope([], { status_code: 50000, status_message: "Internal Error.", tasks: null, tasks_count: 0 }));
        return;
      case "status":
        this.#send(res, 200, envelope([], { status_code: behaviour.code, status_message: behaviour.message, tasks: null, tasks_count: 0 }));
        return;
      case "task-error": {
        const data = Array.isArray(body) ? body[0] : {};
        this.#send(res, 200, envelope([task(path, data, null, { status_code: behaviour.code, status_message: behaviour.message })]));
        return;
      }
      case "slow": {
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          if (!res.destroyed) this.#send(res, 200, this.#answer(req.method ?? "GET", path, body));
        }, behaviour.delayMs);
        this.#timers.add(timer);
        return;
      }
      case "reset":
        req.socket.destroy();
        return;
      case "malformed":
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end('{"version":"0.1","status_code":20000,"tasks":[{"id":');
        return;
      case "partial":
        this.#send(res, 200, { status_code: 20000, status_message: "Ok.", tasks: [{ id: "x", status_code: 20000, status_message: "Ok." }] });
        return;
      case "echo-auth": {
        const auth = req.headers.authorization ?? "";
        const echoed = `Invalid Field: ${auth} (${PASSWORD})`;
        res.writeHead(behaviour.status, `Bad ${PASSWORD}`, { "Content-Type": "application/json" });
        res.end(JSON.stringify(envelope([task(path, {}, null, { status_code: 40501, status_message: echoed })], { status_code: 40501, status_message: echoed })));
        return;
      }
      case "redirect":
        res.writeHead(302, { Location: behaviour.location });
        res.end();
        return;
      case "cut-off":
        this.#cutOff(res, JSON.stringify(this.#answer(req.method ?? "GET", path, body)));
        return;
      case "too-many":
        res.writeHead(429, "Too Many Requests", { "Content-Type": "text/plain", ...(behaviour.retryAfter === undefined ? {} : { "Retry-After": behaviour.retryAfter }) });
        res.end("slow down");
        return;
      case "reflect":
        this.#reflect(req, res, path, behaviour.shape);
        return;
      default: {
        const unreachable: never = behaviour;
        throw new Error(`unknown behaviour ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** Sends the status and the first half of `text`, then drops the connection once that is out. */
  #cutOff(res: ServerResponse, text: string): void {
    const bytes = Buffer.from(text);
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(bytes.length) });
    res.write(bytes.subarray(0, bytes.length >> 1), () => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        res.socket?.destroy();
      }, 20);
      this.#timers.add(timer);
    });
  }

  #reflect(req: IncomingMessage, res: ServerResponse, path: string, shape: ReflectShape): void {
    const auth = req.headers.authorization ?? "";
    const decoded = Buffer.from(auth.replace(/^Basic /, ""), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    const [login, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    const forms = reflections(login, password);
    const all = forms.join(" | ");
    const keyed = Object.fromEntries(forms.map((f, i) => [f, i]));
    // Placeholders replaced in the JSON text by \u escapes, which JSON.parse turns back into the secrets.
    const ESCAPED = "@@escaped@@";
    const escapedText = `${unicodeEscaped(password)} ${unicodeEscaped(`${login}:${password}`, true)} ${unicodeEscaped(login)}`;
    const message = `Invalid Field: ${all} ${ESCAPED}`;
    const send = (status: number, reason: string | undefined, value: unknown, mangle: (text: string) => string = (t) => t) => {
      const text = mangle(JSON.stringify(value).replaceAll(ESCAPED, escapedText));
      res.writeHead(status, reason ?? "OK", { "Content-Type": "application/json" });
      res.end(text);
    };
    const data = { target: "dataforseo.com", tag: all, ...keyed, escaped: ESCAPED };
    const item = { domain: all, [password]: all, escaped: ESCAPED, referring_links_tld: { [password]: "many", [login]: 1, [ESCAPED]: "x" } };
    // The reason phrase holds header-safe (ASCII, printable) forms only: Node refuses the others.
    const reason = `Bad ${forms.filter((f) => /^[\x20-\x7e]*$/.test(f)).join(" ")}`;
    switch (shape) {
      case "http-error":
        send(500, reason, envelope([], { status_code: 50000, status_message: message, tasks: null, tasks_count: 0 }));
        return;
      case "envelope-error":
        send(200, reason, envelope([task(path, data, [{ items: [item] }], { status_message: message })], { status_code: 40501, status_message: message }));
        return;
      case "task-error":
        send(200, reason, envelope([task(path, data, [{ items: [item] }], { status_code: 40501, status_message: message })]));
        return;
      case "malformed":
        send(200, reason, envelope([task(path, data, [{ items: [item] }], { status_message: message })]), (t) => t.slice(0, -2));
        return;
      case "invalid-envelope":
        send(200, reason, { status_code: 20000, status_message: message, tasks: [{ id: all, status_code: 20000, status_message: message, data, ...keyed }] });
        return;
      case "two-tasks": {
        const one = task(path, data, [{ target: all, total_count: 1, items_count: 1, items: [item] }], { status_message: message });
        send(200, reason, envelope([one, one], { status_message: message }));
        return;
      }
      case "result-keys":
        send(200, reason, envelope([task(path, data, [{ target: all, total_count: 1, items_count: 1, items: [item] }])]));
        return;
      case "cut-off":
        this.#cutOff(res, JSON.stringify(envelope([task(path, data, [{ items: [item, item, item] }], { status_message: message })])).replaceAll(ESCAPED, escapedText));
        return;
      default: {
        const unreachable: never = shape;
        throw new Error(`unknown shape ${String(unreachable)}`);
      }
    }
  }

  #send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  }

  /** What the API would answer to a well-formed call. */
  #answer(method: string, path: string, body: unknown): unknown {
    if (method === "GET" && path.endsWith("/available_filters")) {
      return envelope([task(path, {}, [{ referring_domains: { domain: "str", rank: "num", brand_new: "num" }, backlinks: { dofollow: "bool" } }])]);
    }
    const tasks = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
    return envelope(
      tasks.map((t) =>
        // backlinks/backlinks refuses offsets past 20,000, as the docs say.
        path.includes("/backlinks/backlinks/") && typeof t.offset === "number" && t.offset > 20_000
          ? task(path, t, null, { status_code: 40501, status_message: "Invalid Field: 'offset'." })
          : task(path, t, [this.#result(path, t)]),
      ),
    );
  }

  #result(path: string, data: Record<string, unknown>): unknown {
    if (this.dataset === undefined) {
      const seed = SEED_RESPONSE.tasks[0]!.result as Record<string, unknown>[];
      return { ...seed[0], target: data.target ?? "dataforseo.com" };
    }
    const total = this.dataset.total;
    const limit = typeof data.limit === "number" ? data.limit : 100;
    const token = data.search_after_token;
    const start = typeof token === "string" ? Number(token.replace(/^after:/, "")) : typeof data.offset === "number" ? data.offset : 0;
    const count = Math.max(0, Math.min(limit, total - start));
    const items = Array.from({ length: count }, (_, i) => ({ type: "generated_item", domain: `ref${start + i}.example`, rank: start + i }));
    const backlinks = path.includes("/backlinks/backlinks/");
    return {
      target: data.target,
      total_count: total,
      items_count: items.length,
      items,
      ...(backlinks ? { search_after_token: `after:${start + count}` } : {}),
    };
  }
}

/** A fake for the whole test file: started before its tests, closed after, reset before each. */
export function useFakeDataForSeo(credentials?: { login: string; password: string }): FakeDataForSeo {
  const server = new FakeDataForSeo(credentials);
  beforeAll(() => server.start());
  afterAll(() => server.close());
  beforeEach(() => server.reset());
  return server;
}
