import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  type ClientCapabilities,
  type ConfigurationParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";
import { CLI } from "../helpers/cli.js";

/*
 * An LSP client as an editor is one: it starts the built `dfsq lsp --stdio` as a child process and
 * speaks JSON-RPC to it over the pipes (vscode-languageserver-protocol's client side).
 */

/** What a full-featured client (VS Code) says it can do. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    hover: { contentFormat: ["markdown", "plaintext"] },
    completion: { completionItem: { documentationFormat: ["markdown", "plaintext"] } },
    publishDiagnostics: { relatedInformation: true },
  },
  workspace: { workspaceEdit: { documentChanges: true } },
};

export interface TestClient {
  readonly connection: ProtocolConnection;
  readonly initialized: InitializeResult;
  readonly messages: ShowMessageParams[];
  readonly configurationRequests: ConfigurationParams[];
  /** The settings the client answers `workspace/configuration` with. */
  settings: unknown;
  open(uri: string, text: string): Promise<PublishDiagnosticsParams>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams>;
  close(uri: string): Promise<PublishDiagnosticsParams>;
  /** The next diagnostics published for `uri` (after the ones already seen). */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams>;
  /** shutdown, exit; resolves to the server's exit code. */
  stop(): Promise<number | null>;
  /** Stops the process however it is (after a failed test). */
  kill(): void;
}

export async function startClient(options: { initializationOptions?: unknown; capabilities?: ClientCapabilities } = {}): Promise<TestClient> {
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(process.execPath, [CLI, "lsp", "--stdio"], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(child.stdout, child.stdin);

  const published = new Map<string, PublishDiagnosticsParams[]>();
  const waiting = new Map<string, ((p: PublishDiagnosticsParams) => void)[]>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const waiter = waiting.get(params.uri)?.shift();
    if (waiter !== undefined) waiter(params);
    else published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
  });
  const nextDiagnostics = (uri: string) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const queued = published.get(uri)?.shift();
      if (queued !== undefined) return resolve(queued);
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; server stderr: ${stderr}`)), 10_000);
      waiting.set(uri, [...(waiting.get(uri) ?? []), (p) => (clearTimeout(timer), resolve(p))]);
    });

  const messages: ShowMessageParams[] = [];
  connection.onNotification(ShowMessageNotification.type, (params) => void messages.push(params));
  const configurationRequests: ConfigurationParams[] = [];
  const client = { settings: undefined as unknown };
  connection.onRequest(ConfigurationRequest.type, (params) => {
    configurationRequests.push(params);
    return params.items.map(() => client.settings);
  });
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();

  const initialized = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: options.capabilities ?? FULL_CAPABILITIES,
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification(InitializedNotification.type, {});

  return Object.assign(client, {
    connection,
    initialized,
    messages,
    configurationRequests,
    nextDiagnostics,
    async open(uri: string, text: string) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "dfsq", version: 1, text } });
      return nextDiagnostics(uri);
    },
    async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]) {
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
      return nextDiagnostics(uri);
    },
    async close(uri: string) {
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      return nextDiagnostics(uri);
    },
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
    kill() {
      connection.dispose();
      child.kill();
    },
  });
}
