import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { JsonReportSchema, type JsonDiagnostic } from "../../src/cli/check/formats/json.js";
import { dfsqInProcess, type Outcome } from "../cli/in-process.js";

/** The fixture project of the `dfsq check` tests. */
export const PROJECT = fileURLToPath(new URL("../fixtures/check/project", import.meta.url));

/** A temporary directory holding `files` (path → text); returns its path. */
export function project(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), "dfsq-check-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** `dfsq check …` in `cwd`, in this process. */
export const check = (args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Outcome> =>
  dfsqInProcess(["check", ...args], { cwd, env });

export interface Checked {
  readonly status: number;
  readonly stderr: string;
  readonly diagnostics: readonly JsonDiagnostic[];
}

/** `dfsq check --format json …`: the report, held to its documented schema. */
export async function checkJson(args: readonly string[], cwd: string): Promise<Checked> {
  const r = await check(["--format", "json", ...args], cwd);
  const parsed = JsonReportSchema.safeParse(JSON.parse(r.stdout));
  expect(parsed.error).toBeUndefined();
  return { status: r.status, stderr: r.stderr, diagnostics: parsed.data! };
}

/** The text of `file` (relative to `cwd`) from line:column to endLine:endColumn. */
export function textAt(cwd: string, at: { file: string; line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = readFileSync(join(cwd, at.file), "utf8").split(/\r\n|\r|\n/);
  if (at.line === at.endLine) return lines[at.line - 1]!.slice(at.column - 1, at.endColumn - 1);
  return [lines[at.line - 1]!.slice(at.column - 1), ...lines.slice(at.line, at.endLine - 1), lines[at.endLine - 1]!.slice(0, at.endColumn - 1)].join("\n");
}

/** Each diagnostic as `[file, code, the text it points at]`, for assertions. */
export const pointed = (cwd: string, diagnostics: readonly JsonDiagnostic[]) => diagnostics.map((d) => [d.file, d.code, textAt(cwd, d)]);
