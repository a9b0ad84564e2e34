import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Position, Range } from "vscode-languageserver";
import { printFilter } from "../../src/print/print-filter.js";
import { clientFeatures } from "../../src/lsp/capabilities.js";
import { codeActionsFor } from "../../src/lsp/code-actions.js";
import { completionAt } from "../../src/lsp/completion.js";
import { toLspDiagnostic } from "../../src/lsp/diagnostics.js";
import { analyzeDocument } from "../../src/lsp/document.js";
import { formatDocument } from "../../src/lsp/formatting.js";
import { semanticTokens } from "../../src/lsp/semantic-tokens.js";
import { edited } from "../arbitraries/edits.js";
import { filterArray } from "../arbitraries/filters.js";

/*
 * Whatever the document (headers or none, CRLF or CR line breaks, astral characters, half-typed
 * expressions), what the server hands the client keeps LSP's rules: ranges inside the document and
 * exact to the UTF-16 unit, completion edits on one line around the cursor, semantic tokens inside
 * their lines and in order, and formatting that never changes the compiled arrays.
 */

const SETTINGS = { now: "2024-05-01T00:00:00Z" };
const FEATURES = clientFeatures({});

const HEADERS = ["# endpoint: backlinks/backlinks", "# endpoint: dataforseo_labs/google/ranked_keywords", "# param: order_by", "# 😀 note", "# endpont: x", "#"];
const EXPRESSIONS = [
  'referring_domains > 10 and (domain like "%seo%" or rank > 200)',
  'anchor = "😀 and 🔎" and rnk > 1',
  "first_seen > now - 30d\nand dofollow",
  "rank desc, backlinks",
  "keyword_data.keyword_info.search_volume between 10 and 100",
];
const INSERTS = fc.constantFrom("😀", "\r\n", "\r", "\n", "#", " ", '"', "and ", ".", "rank", "\ud83d", "(", "\u2028");

/** Canonical text spread out: more spaces, line breaks, other spellings of the connectives (what formatting undoes). */
const messy = fc
  .tuple(filterArray(4), fc.array(fc.constantFrom(" ", "  ", "\n ", "\r\n\t"), { minLength: 1, maxLength: 8 }), fc.constantFrom(["AND", "OR"], ["&&", "||"], ["and", "or"]))
  .map(([f, spaces, [and, or]]) => {
    let i = 0;
    return printFilter(f)
      .replace(/ and /g, ` ${and} `)
      .replace(/ or /g, ` ${or} `)
      .replace(/ /g, () => spaces[i++ % spaces.length]!);
  });

const expression = fc.oneof(
  filterArray(4).map((f) => printFilter(f)),
  messy,
  edited(fc.constantFrom(...EXPRESSIONS), INSERTS, { maxEdits: 4, maxDelete: 3 }),
);
const breaks = fc.constantFrom("\n", "\r\n", "\r");
const documentText = fc
  .tuple(fc.array(fc.constantFrom(...HEADERS), { maxLength: 3 }), breaks, expression)
  .map(([headers, br, expr]) => [...headers, expr].join(br));

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
const inside = (doc: TextDocument, p: Position) => p.line >= 0 && p.line < doc.lineCount && p.character >= 0;
/** The UTF-16 length of a line without its break. */
const lineLength = (doc: TextDocument, line: number) =>
  doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/(?:\r\n|\r|\n)$/, "").length;

function expectValidRange(doc: TextDocument, range: Range): void {
  expect(inside(doc, range.start) && inside(doc, range.end)).toBe(true);
  expect(before(range.end, range.start)).toBe(false);
}

describe("LSP mappings", () => {
  it("diagnostics and their quick fixes: exact ranges inside the document", () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const doc = TextDocument.create("file:///p.dfsq", "dfsq", 1, text);
        const document = analyzeDocument(text, SETTINGS);
        for (const d of document.diagnostics) {
          const lsp = toLspDiagnostic(doc, d);
          expectValidRange(doc, lsp.range);
          // Lossless: the range is the span, unit for unit.
          expect([doc.offsetAt(lsp.range.start), doc.offsetAt(lsp.range.end)]).toEqual([d.span.start, d.span.end]);
        }
        const everything = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
        for (const action of codeActionsFor(doc, document, everything, undefined, FEATURES)) {
          const edits = action.edit!.changes!["file:///p.dfsq"]!;
          for (const edit of edits) expectValidRange(doc, edit.range);
          expect(() => TextDocument.applyEdits(doc, edits)).not.toThrow();
        }
      }),
      { numRuns: 200 },
    );
  });

  it("completion edits lie on the cursor's line and reach the cursor", () => {
    fc.assert(
      fc.property(documentText, fc.nat(), (text, at) => {
        const doc = TextDocument.create("file:///p.dfsq", "dfsq", 1, text);
        const offset = at % (text.length + 1);
        const cursor = doc.positionAt(offset);
        const list = completionAt(doc, analyzeDocument(text, SETTINGS), doc.offsetAt(cursor), FEATURES);
        for (const item of list.items) {
          const { range, newText } = item.textEdit as { range: Range; newText: string };
          expect(range.start.line).toBe(cursor.line);
          expect(range.end.line).toBe(cursor.line);
          expect(before(cursor, range.start) || before(range.end, cursor)).toBe(false);
          expect(newText.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("semantic tokens: in order, not overlapping, inside their lines", () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const doc = TextDocument.create("file:///p.dfsq", "dfsq", 1, text);
        const { data } = semanticTokens(doc, analyzeDocument(text, SETTINGS));
        let line = 0;
        let character = 0;
        let end = 0;
        for (let i = 0; i < data.length; i += 5) {
          const [dl, dc, length] = data.slice(i, i + 3) as [number, number, number];
          if (dl > 0) end = 0;
          line += dl;
          character = dl === 0 ? character + dc : dc;
          expect(length).toBeGreaterThan(0);
          expect(character).toBeGreaterThanOrEqual(end);
          expect(character + length).toBeLessThanOrEqual(lineLength(doc, line));
          end = character + length;
        }
      }),
      { numRuns: 200 },
    );
  });

  it("formatting keeps the header and compiles to the same arrays", () => {
    let changed = 0;
    // Comments only: under an endpoint most generated fields are unknown, and errors are not formatted.
    const formattable = fc
      .tuple(fc.array(fc.constantFrom("# 😀 note", "#"), { maxLength: 2 }), breaks, fc.oneof(messy, documentText))
      .map(([headers, br, expr]) => [...headers, expr].join(br));
    fc.assert(
      fc.property(formattable, (text) => {
        const doc = TextDocument.create("file:///p.dfsq", "dfsq", 1, text);
        const document = analyzeDocument(text, SETTINGS);
        const edits = formatDocument(doc, document);
        if (edits.length === 0) return;
        changed++;
        const formatted = analyzeDocument(TextDocument.applyEdits(doc, edits), SETTINGS);
        expect(formatted.analysis.value).toEqual(document.analysis.value);
        expect(formatted.file.headerLines.length).toBe(document.file.headerLines.length);
        // Formatting twice changes nothing more.
        const again = TextDocument.create("file:///p.dfsq", "dfsq", 2, TextDocument.applyEdits(doc, edits));
        expect(formatDocument(again, formatted)).toEqual([]);
      }),
      { numRuns: 200 },
    );
    // The property held for texts that were formatted, not only for texts left alone.
    expect(changed).toBeGreaterThan(30);
  });
});
