import fc from "fast-check";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { compileTool } from "../../src/mcp/tools/compile.js";
import { explainTool } from "../../src/mcp/tools/explain.js";
import { validateTool } from "../../src/mcp/tools/validate.js";

/*
 * Whatever an agent sends, each tool answers: a result whose isError matches its `ok`, every
 * error with a diagnostic and a report to read. Never a throw (the SDK would turn it into a bare
 * message).
 */

function answers(r: CallToolResult): void {
  const structured = r.structuredContent as { ok: boolean; diagnostics: { severity: string }[] };
  expect(r.isError === true).toBe(!structured.ok);
  const text = r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  // An error result names its errors, in the structured content and in the report.
  expect(structured.diagnostics.some((d) => d.severity === "error")).toBe(!structured.ok);
  expect(/error\[\w+\]/.test(text)).toBe(!structured.ok);
}

const ENDPOINTS = fc.constantFrom("backlinks/referring_domains", "backlinks/backlinks", "dataforseo_labs/google/ranked_keywords", "backlinks/referring_domain", "");

describe("the tools answer any input", () => {
  it("compile: any text", () => {
    fc.assert(
      fc.property(ENDPOINTS, fc.option(fc.string({ maxLength: 60 }), { nil: undefined }), fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), (endpoint, filters, orderBy) => {
        fc.pre(filters !== undefined || orderBy !== undefined);
        answers(compileTool({ endpoint, filters, order_by: orderBy }));
      }),
      { numRuns: 300 },
    );
  });

  it("explain: any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.option(ENDPOINTS, { nil: undefined }), (filters, endpoint) => {
        answers(explainTool({ filters, endpoint }));
      }),
      { numRuns: 300 },
    );
  });

  it("validate: any JSON object or array", () => {
    const task = fc.oneof(fc.dictionary(fc.constantFrom("target", "filters", "order_by", "limit", "limt", "endpoint", "tasks"), fc.jsonValue({ maxDepth: 4 })), fc.array(fc.jsonValue({ maxDepth: 4 })));
    fc.assert(
      fc.property(task, fc.option(ENDPOINTS, { nil: undefined }), (value, endpoint) => {
        answers(validateTool({ task: value as Record<string, unknown>, endpoint }));
      }),
      { numRuns: 300 },
    );
  });
});
