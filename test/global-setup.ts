import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { withNativeLodash } from "../scripts/esbuild-plugins.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Where the tests' Chevrotain lives (vitest.config.ts aliases `chevrotain` to it). */
export const TEST_CHEVROTAIN = `${root}node_modules/.cache/dfsq/chevrotain.mjs`;

/**
 * Before the tests: builds dist/*.js so that CLI tests exercise the current sources, and bundles
 * Chevrotain with the same lodash replacement that dist/ ships, so that every test also checks
 * that replacement (Chevrotain's own Lexer stays in, for the lexer oracle test).
 */
export default async function setup(): Promise<void> {
  execFileSync(process.execPath, ["scripts/build.mjs", "--js-only"], { cwd: root, stdio: "inherit" });
  await build({
    entryPoints: [`${root}node_modules/chevrotain/lib/src/api.js`],
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    outfile: TEST_CHEVROTAIN,
    logLevel: "warning",
    plugins: [withNativeLodash],
  });
}
