import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { mcpMessages } from "./messages.js";
import { countText, diagnosticsText, type InputDiagnostics } from "./report.js";

/*
 * Every tool answers with structured content (checked against the tool's output schema) and a
 * text rendering. Clients differ in which one the model sees, so each is complete on its own: on
 * success the text is the structured content as JSON (after a report of the warnings, if any), as
 * the MCP spec recommends; on an error it is the caret report, which is what a model fixes its
 * input from.
 */

const json = (value: unknown) => JSON.stringify(value);

/** A result the agent can use; `warnings`, when given, is the text report of its warnings. */
export function success(structured: Record<string, unknown>, warnings?: string): CallToolResult {
  const content = warnings === undefined || warnings === "" ? [] : [{ type: "text" as const, text: warnings }];
  return { content: [...content, { type: "text", text: json(structured) }], structuredContent: structured };
}

/** The agent's input is wrong: `report` says what and how to fix it. */
export function failure(structured: Record<string, unknown>, report: string): CallToolResult {
  return { content: [{ type: "text", text: report }], structuredContent: structured, isError: true };
}

/** The report of a tool's diagnostics: the errors to fix, or the warnings that come with a result. */
export function reportOf(tool: string, ok: boolean, groups: readonly InputDiagnostics[]): string | undefined {
  const count = countText(groups);
  if (count === "") return undefined;
  return `${ok ? mcpMessages.withWarnings(count) : mcpMessages.failed(tool, count)}\n\n${diagnosticsText(groups)}`;
}

/** A tool's answer from its checks: a success (with its warnings) when `ok`, else a failure. */
export function answer(tool: string, structured: Record<string, unknown> & { readonly ok: boolean }, groups: readonly InputDiagnostics[]): CallToolResult {
  const report = reportOf(tool, structured.ok, groups);
  return structured.ok ? success(structured, report) : failure(structured, report ?? "");
}
