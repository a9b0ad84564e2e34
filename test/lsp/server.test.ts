import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  CompletionItemKind,
  CompletionRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentFormattingRequest,
  HoverRequest,
  SemanticTokensRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
  type Range,
  type TextEdit,
} from "vscode-languageserver-protocol/node";
import { FULL_CAPABILITIES, startClient, type TestClient } from "./client.js";

/* The server as an editor drives it: the built `dfsq lsp --stdio`, over its pipes. */

const BACKLINKS = "# endpoint: backlinks/backlinks\n";
const range = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const pos = (line: number, character: number) => ({ line, character });

/** Applies LSP text edits to a text (last first, so earlier ranges stay valid). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(m.index + m[0].length);
  const offset = (p: { line: number; character: number }) => lineStarts[p.line]! + p.character;
  return edits
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText }))
    .toSorted((a, b) => b.start - a.start)
    .reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

let client: TestClient;
let n = 0;
const uri = () => `file:///work/test-${++n}.dfsq`;

beforeAll(async () => {
  client = await startClient();
});
afterAll(() => client?.kill());

async function completeAt(text: string, line: number, character: number): Promise<CompletionItem[]> {
  const doc = uri();
  await client.open(doc, text);
  const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: doc }, position: pos(line, character) })) as CompletionList;
  return list.items;
}

async function format(text: string): Promise<string> {
  const doc = uri();
  await client.open(doc, text);
  const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: doc }, options: { tabSize: 2, insertSpaces: true } });
  return applyEdits(text, edits ?? []);
}

describe("initialize", () => {
  it("announces UTF-16 positions, completion, hover, quick fixes, semantic tokens and formatting", () => {
    const { capabilities, serverInfo } = client.initialized;
    expect(serverInfo?.name).toBe("dfsq");
    expect(capabilities.positionEncoding).toBe("utf-16");
    expect(capabilities.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining([".", " "]));
    expect(capabilities.hoverProvider).toBe(true);
    expect(capabilities.codeActionProvider).toEqual({ codeActionKinds: ["quickfix"] });
    expect(capabilities.semanticTokensProvider?.legend.tokenTypes).toContain("property");
    expect(capabilities.documentFormattingProvider).toBe(true);
  });

  it("shuts down and exits with status 0", async () => {
    const own = await startClient();
    expect(await own.stop()).toBe(0);
  });
});

describe("publishDiagnostics", () => {
  it("reports every problem with range, severity, code, source and the hint on the message", async () => {
    const doc = uri();
    const published = await client.open(doc, `${BACKLINKS}rank like "x" and rnk > 1`);
    expect(published.version).toBe(1);
    expect(published.diagnostics.map((d) => [d.code, d.severity, d.source, d.range])).toEqual([
      ["operator_not_allowed", DiagnosticSeverity.Error, "dfsq", range(1, 5, 1, 9)],
      ["like_without_wildcard", DiagnosticSeverity.Warning, "dfsq", range(1, 10, 1, 13)],
      ["unknown_field", DiagnosticSeverity.Warning, "dfsq", range(1, 18, 1, 21)],
    ]);
    expect((published.diagnostics[2]!.message as string).split("\n")[1]).toContain("rank");
  });

  it("counts UTF-16 code units after astral characters, and CRLF line breaks as one", async () => {
    const doc = uri();
    // 😀 is two UTF-16 code units (one code point, four UTF-8 bytes): `rnk` starts at character 20.
    const text = '# endpoint: backlinks/backlinks\r\n\r\nanchor = "😀😀" and rnk > 1\r\n';
    const published = await client.open(doc, text);
    expect(published.diagnostics.map((d) => [d.code, d.range])).toEqual([["unknown_field", range(2, 20, 2, 23)]]);
  });

  it("reads a lone CR as a line break", async () => {
    const published = await client.open(uri(), "# endpoint: backlinks/backlinks\rrank >");
    expect(published.diagnostics.map((d) => [d.code, d.range])).toEqual([["unexpected_end", range(1, 6, 1, 6)]]);
  });

  it("follows incremental changes, and clears the diagnostics of a closed document", async () => {
    const doc = uri();
    expect((await client.open(doc, `${BACKLINKS}rank > `)).diagnostics.map((d) => d.code)).toEqual(["unexpected_end"]);
    const fixed = await client.change(doc, 2, [{ range: range(1, 7, 1, 7), text: "10 and rnk = 1" }]);
    expect([fixed.version, fixed.diagnostics.map((d) => [d.code, d.range])]).toEqual([2, [["unknown_field", range(1, 14, 1, 17)]]]);
    const whole = await client.change(doc, 3, [{ text: `${BACKLINKS}dofollow` }]);
    expect(whole.diagnostics).toEqual([]);
    expect((await client.close(doc)).diagnostics).toEqual([]);
  });

  it("puts an unknown header endpoint on the header line, with its did-you-mean as a quick fix", async () => {
    const doc = uri();
    const text = "# endpoint: backlinks/backlink\nrank > 1";
    const published = await client.open(doc, text);
    expect(published.diagnostics.map((d) => [d.code, d.range])).toEqual([["unknown_endpoint", range(0, 12, 0, 30)]]);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc },
      range: range(0, 14, 0, 14),
      context: { diagnostics: published.diagnostics },
    })) as CodeAction[];
    const edits = actions[0]!.edit!.documentChanges![0] as { edits: TextEdit[] };
    expect(applyEdits(text, edits.edits)).toBe("# endpoint: backlinks/backlinks\nrank > 1");
  });

  it("answers a huge document with the length diagnostic, and every request still works", async () => {
    const doc = uri();
    const text = `${BACKLINKS}${"rank > 1 and ".repeat(10_000)}dofollow`;
    const published = await client.open(doc, text);
    expect(published.diagnostics.map((d) => d.code)).toEqual(["input_too_long"]);
    const at = { textDocument: { uri: doc }, position: pos(1, 5) };
    await expect(client.connection.sendRequest(CompletionRequest.type, at)).resolves.toBeDefined();
    await expect(client.connection.sendRequest(HoverRequest.type, at)).resolves.toBeDefined();
    await expect(client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: doc } })).resolves.toBeDefined();
  });

  it("flags a misspelt header key instead of ignoring the endpoint", async () => {
    const published = await client.open(uri(), "# endpont: backlinks/backlinks\nrank > 1");
    expect(published.diagnostics.map((d) => [d.code, d.range])).toEqual([["unknown_header", range(0, 2, 0, 9)]]);
  });
});

describe("completion", () => {
  it("offers the endpoint's fields as text edits of the word being typed", async () => {
    const items = await completeAt(`${BACKLINKS}rank > 1 and do`, 1, 15);
    const item = items.find((i) => i.label === "dofollow")!;
    expect(item.kind).toBe(CompletionItemKind.Field);
    expect(item.textEdit).toEqual({ range: range(1, 13, 1, 15), newText: "dofollow" });
    expect(items.every((i) => i.label.startsWith("do"))).toBe(true);
  });

  it("offers operators after a field, inserted at the cursor, in dfsq's order", async () => {
    const items = await completeAt(`${BACKLINKS}rank `, 1, 5);
    const ops = items.filter((i) => i.kind === CompletionItemKind.Operator);
    expect(ops.map((i) => i.label).slice(0, 3)).toEqual(["=", "<>", ">"]);
    expect(ops[0]!.textEdit).toEqual({ range: range(1, 5, 1, 5), newText: "= " });
    expect(items.map((i) => i.label)).not.toContain("like");
    // Sorted as listed, the undocumented `is null` after everything else.
    const sorted = items.toSorted((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    expect(sorted.slice(0, 3)).toEqual(["=", "<>", ">"]);
    expect(sorted.at(-1)).toBe("is not null");
  });

  it("completes in UTF-16 after astral characters", async () => {
    // `do` is at UTF-16 characters 18-20 (17-19 in code points).
    const items = await completeAt(`${BACKLINKS}anchor = "😀" and do`, 1, 20);
    expect(items.find((i) => i.label === "dofollow")?.textEdit).toEqual({ range: range(1, 18, 1, 20), newText: "dofollow" });
  });

  it("completes endpoint ids and parameters in the header", async () => {
    const endpoints = await completeAt("# endpoint: backlinks/ref\n", 0, 25);
    expect(endpoints.map((i) => i.label)).toContain("backlinks/referring_domains");
    expect(endpoints[0]!.textEdit).toMatchObject({ range: range(0, 12, 0, 25) });
    const params = await completeAt("# param: \nrank > 1", 0, 9);
    expect(params.map((i) => i.label)).toEqual(expect.arrayContaining(["filters", "backlinks_filters", "order_by"]));
  });
});

describe("hover", () => {
  it("describes a field in Markdown, with the range of the word", async () => {
    const doc = uri();
    await client.open(doc, `${BACKLINKS}rank > 1`);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc }, position: pos(1, 2) });
    expect(hover?.range).toEqual(range(1, 0, 1, 4));
    const contents = hover?.contents as MarkupContent;
    expect(contents.kind).toBe("markdown");
    expect(contents.value).toContain("rank");
    expect(contents.value).toMatch(/operators: \\< \\<= \\> \\>= = \\<\\> in not_in/);
  });

  it("answers plain text to a client without Markdown", async () => {
    const plain = await startClient({ capabilities: {} });
    try {
      const doc = uri();
      await plain.open(doc, `${BACKLINKS}rank > 1`);
      const hover = await plain.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc }, position: pos(1, 5) });
      expect(hover?.contents).toEqual({ kind: "plaintext", value: expect.stringContaining(">") });
    } finally {
      plain.kill();
    }
  });

  it("leaves a problem to the client's diagnostic hover", async () => {
    const doc = uri();
    await client.open(doc, `${BACKLINKS}rnk > 1`);
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc }, position: pos(1, 1) })).toBeNull();
  });
});

describe("code actions", () => {
  it("turns a diagnostic's fix into a versioned workspace edit that resolves it", async () => {
    const doc = uri();
    const text = `${BACKLINKS}anchor = "😀" and rnk > 1`;
    const published = await client.open(doc, text);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc },
      range: range(1, 20, 1, 20),
      context: { diagnostics: published.diagnostics },
    })) as CodeAction[];
    expect(actions).toHaveLength(1);
    const [action] = actions;
    expect([action!.kind, action!.isPreferred, action!.diagnostics?.[0]?.code]).toEqual(["quickfix", true, "unknown_field"]);
    const change = action!.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: TextEdit[] };
    expect(change.textDocument).toEqual({ uri: doc, version: 1 });
    const fixed = applyEdits(text, change.edits);
    expect(fixed).toBe(`${BACKLINKS}anchor = "😀" and rank > 1`);
    expect((await client.change(doc, 2, [{ text: fixed }])).diagnostics).toEqual([]);
  });

  it("offers nothing away from a problem, or when other kinds are asked for", async () => {
    const doc = uri();
    const published = await client.open(doc, `${BACKLINKS}dofollow and rnk > 1`);
    const ask = (r: Range, only?: string[]) =>
      client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: doc }, range: r, context: { diagnostics: published.diagnostics, ...(only ? { only } : {}) } });
    expect(await ask(range(1, 0, 1, 3))).toEqual([]);
    expect(await ask(range(1, 14, 1, 14), ["refactor"])).toEqual([]);
    expect(await ask(range(1, 14, 1, 14), ["quickfix"])).toHaveLength(1);
  });

  it("answers with plain changes to a client without versioned edits", async () => {
    const plain = await startClient({ capabilities: {} });
    try {
      const doc = uri();
      await plain.open(doc, `${BACKLINKS}rnk > 1`);
      const [action] = (await plain.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: doc },
        range: range(1, 0, 1, 0),
        context: { diagnostics: [] },
      })) as CodeAction[];
      expect(action?.edit?.changes?.[doc]).toEqual([{ range: range(1, 0, 1, 3), newText: "rank" }]);
    } finally {
      plain.kill();
    }
  });
});

describe("settings", () => {
  it("checks against the endpoint of initializationOptions; a header wins over it", async () => {
    const own = await startClient({ initializationOptions: { endpoint: "backlinks/backlinks" } });
    try {
      expect((await own.open(uri(), "rnk > 1")).diagnostics.map((d) => d.code)).toEqual(["unknown_field"]);
      // `rnk` is no field of the anchors endpoint either, but `dofollow` is only one of backlinks.
      expect((await own.open(uri(), "# endpoint: backlinks/anchors\ndofollow")).diagnostics.map((d) => d.code)).toEqual(["unknown_field"]);
    } finally {
      own.kill();
    }
  });

  it("re-checks every open document on workspace/didChangeConfiguration", async () => {
    const own = await startClient();
    try {
      const doc = uri();
      expect((await own.open(doc, "rnk > 1")).diagnostics).toEqual([]);
      await own.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { dfsq: { endpoint: "backlinks/backlinks" } } });
      expect((await own.nextDiagnostics(doc)).diagnostics.map((d) => d.code)).toEqual(["unknown_field"]);
    } finally {
      own.kill();
    }
  });

  it("pulls the dfsq section from a client that has workspace/configuration", async () => {
    const own = await startClient({ capabilities: { ...FULL_CAPABILITIES, workspace: { configuration: true } } });
    try {
      own.settings = { endpoint: "backlinks/backlinks", param: "order_by" };
      const doc = uri();
      // An order-by (`rank desc` is no filter) checked against the endpoint (`rnk` is no field of it).
      await own.open(doc, "rank desc, rnk");
      await own.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      const published = await own.nextDiagnostics(doc);
      expect(own.configurationRequests.at(-1)?.items).toEqual([{ section: "dfsq" }]);
      expect(published.diagnostics.map((d) => d.code)).toEqual(["unknown_field"]);
    } finally {
      own.kill();
    }
  });

  it("shows a problem of an endpoint from the settings at the start of the file, naming the setting", async () => {
    const own = await startClient({ initializationOptions: { dfsq: { endpoint: "backlinks/backlink" } } });
    try {
      const [d] = (await own.open(uri(), "rank > 1")).diagnostics;
      expect([d?.code, d?.range]).toEqual(["unknown_endpoint", range(0, 0, 0, 0)]);
      expect(d?.message).toContain("dfsq.endpoint");
    } finally {
      own.kill();
    }
  });

  it("tells the user about a setting it cannot use, and keeps the others", async () => {
    const own = await startClient({ initializationOptions: { endpoint: "backlinks/backlinks", now: "yesterday", param: 3 } });
    try {
      expect((await own.open(uri(), "rnk > 1")).diagnostics.map((d) => d.code)).toEqual(["unknown_field"]);
      expect(own.messages.map((m) => m.message).join("\n")).toMatch(/dfsq\.now.*dfsq\.param|dfsq\.param.*dfsq\.now/s);
    } finally {
      own.kill();
    }
  });
});

describe("semantic tokens", () => {
  it("encodes the highlight tokens and the header as comments, in UTF-16 and per line", async () => {
    const doc = uri();
    await client.open(doc, `${BACKLINKS}anchor = "😀" and\r\nrank >= 1`);
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: doc } });
    const legend = client.initialized.capabilities.semanticTokensProvider!.legend.tokenTypes;
    const decoded: [number, number, number, string][] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens!.data.length; i += 5) {
      const [dl, dc, length, type] = tokens!.data.slice(i, i + 4) as [number, number, number, number];
      line += dl;
      character = dl === 0 ? character + dc : dc;
      decoded.push([line, character, length, legend[type]!]);
    }
    expect(decoded).toEqual([
      [0, 0, 31, "comment"],
      [1, 0, 6, "property"],
      [1, 7, 1, "operator"],
      [1, 9, 4, "string"],
      [1, 14, 3, "keyword"],
      [2, 0, 4, "property"],
      [2, 5, 2, "operator"],
      [2, 8, 1, "number"],
    ]);
  });
});

describe("formatting", () => {
  it("prints the expression canonically and keeps the header and the final newline", async () => {
    expect(await format(`${BACKLINKS}\n(rank>10)   AND ((dofollow))\n`)).toBe(`${BACKLINKS}\nrank > 10 and dofollow\n`);
  });

  it("keeps relative times relative", async () => {
    expect(await format("first_seen>now-30d")).toBe("first_seen > now - 30d");
  });

  it("leaves a text with errors as it is", async () => {
    expect(await format("rank >   and dofollow")).toBe("rank >   and dofollow");
  });
});
