import type { ClientCapabilities, MarkupKind } from "vscode-languageserver";

/** What the client said it can do, as far as the server's answers depend on it. */
export interface ClientFeatures {
  /** Hovers in Markdown (else plain text). */
  readonly hoverMarkdown: boolean;
  /** Completion documentation in Markdown (else plain text). */
  readonly completionMarkdown: boolean;
  /** Workspace edits as versioned `documentChanges`, which a client refuses on a stale document. */
  readonly documentChanges: boolean;
  /** The server may ask for its settings (`workspace/configuration`). */
  readonly configuration: boolean;
  /** The server may register for `workspace/didChangeConfiguration` (VS Code sends it only then). */
  readonly configurationRegistration: boolean;
}

const markdown = (formats: readonly MarkupKind[] | undefined) => formats?.includes("markdown") === true;

export function clientFeatures(caps: ClientCapabilities): ClientFeatures {
  return {
    hoverMarkdown: markdown(caps.textDocument?.hover?.contentFormat),
    completionMarkdown: markdown(caps.textDocument?.completion?.completionItem?.documentationFormat),
    documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    configuration: caps.workspace?.configuration === true,
    configurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
  };
}
