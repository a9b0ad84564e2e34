import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { clientFeatures, type ClientFeatures } from "./capabilities.js";
import { codeActionsFor } from "./code-actions.js";
import { completionAt } from "./completion.js";
import { toLspDiagnostic } from "./diagnostics.js";
import { analyzeDocument, type DocumentAnalysis } from "./document.js";
import { formatDocument } from "./formatting.js";
import { hoverAt } from "./hover.js";
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from "./semantic-tokens.js";
import { mergeSettings, readSettings, type DfsqSettings } from "./settings.js";

/*
 * dfsq's language server: every `.dfsq` document the client opens is read (header, expression)
 * and analysed once per version; diagnostics are pushed after each change, and completion, hover,
 * quick fixes, semantic tokens and formatting read that analysis or call `complete`/`hover`. The
 * transport is the caller's (stdio for `dfsq lsp`; a browser worker would pass its own).
 */

export interface ServerInfo {
  readonly version: string;
}

/** Characters after which clients ask for completion unprompted: a path's dot, a space, a group. */
const TRIGGER_CHARACTERS = [".", " ", "("];

const hasOwnSettings = (value: unknown) =>
  typeof value === "object" && value !== null && ["dfsq", "endpoint", "param", "now"].some((key) => key in value);

/** Wires the server's handlers onto `connection` and starts listening. */
export function startServer(connection: Connection, info: ServerInfo): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, { version: number; document: DocumentAnalysis }>();
  let features: ClientFeatures = clientFeatures({});
  let initial: DfsqSettings = {};
  let workspace: DfsqSettings = {};
  let initialProblems: string[] = [];

  const settings = () => mergeSettings(initial, workspace);

  function analysisOf(doc: TextDocument): DocumentAnalysis {
    const cached = analyses.get(doc.uri);
    if (cached !== undefined && cached.version === doc.version) return cached.document;
    const document = analyzeDocument(doc.getText(), settings());
    analyses.set(doc.uri, { version: doc.version, document });
    return document;
  }

  function publish(doc: TextDocument): void {
    const diagnostics = analysisOf(doc).diagnostics.map((d) => toLspDiagnostic(doc, d));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  function warn(problems: readonly string[]): void {
    // A notification, not window/showMessageRequest: there is nothing to answer.
    if (problems.length > 0) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `dfsq: ${problems.join("; ")}` });
  }

  /** New settings: every open document is analysed again under them. */
  function useSettings(value: unknown): void {
    const read = readSettings(value);
    warn(read.problems);
    workspace = read.settings;
    analyses.clear();
    for (const doc of documents.all()) publish(doc);
  }

  async function pullSettings(): Promise<void> {
    try {
      useSettings(await connection.workspace.getConfiguration("dfsq"));
    } catch (e) {
      connection.console.warn(`dfsq: could not read the dfsq settings: ${(e as Error).message}`);
    }
  }

  connection.onInitialize((params): InitializeResult => {
    features = clientFeatures(params.capabilities);
    const read = readSettings(params.initializationOptions);
    initial = read.settings;
    initialProblems = read.problems;
    return {
      capabilities: {
        positionEncoding: "utf-16",
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        documentFormattingProvider: true,
      },
      serverInfo: { name: "dfsq", version: info.version },
    };
  });

  connection.onInitialized(async () => {
    warn(initialProblems);
    if (features.configurationRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: "dfsq" });
    }
    if (features.configuration) await pullSettings();
  });

  connection.onDidChangeConfiguration(async (params) => {
    // Clients that push settings send them here; VS Code sends nothing and expects a pull.
    if (hasOwnSettings(params.settings) || !features.configuration) useSettings(params.settings);
    else await pullSettings();
  });

  documents.onDidChangeContent((event) => publish(event.document));
  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  /** The open document a request is about, with its analysis; null for a document not open. */
  const opened = (uri: string) => {
    const doc = documents.get(uri);
    return doc === undefined ? null : { doc, document: analysisOf(doc) };
  };

  connection.onCompletion((params) => {
    const o = opened(params.textDocument.uri);
    return o === null ? null : completionAt(o.doc, o.document, o.doc.offsetAt(params.position), features);
  });
  connection.onHover((params) => {
    const o = opened(params.textDocument.uri);
    return o === null ? null : hoverAt(o.doc, o.document, o.doc.offsetAt(params.position), features);
  });
  connection.onCodeAction((params) => {
    const o = opened(params.textDocument.uri);
    return o === null ? null : codeActionsFor(o.doc, o.document, params.range, params.context.only, features);
  });
  connection.languages.semanticTokens.on((params) => {
    const o = opened(params.textDocument.uri);
    return o === null ? { data: [] } : semanticTokens(o.doc, o.document);
  });
  connection.onDocumentFormatting((params) => {
    const o = opened(params.textDocument.uri);
    return o === null ? null : formatDocument(o.doc, o.document);
  });

  documents.listen(connection);
  connection.listen();
}
