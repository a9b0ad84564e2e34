import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The same Chevrotain, pre-bundled: the package entry loads lodash-es file by file, which
    // costs every test worker half a second.
    alias: {
      chevrotain: fileURLToPath(new URL("node_modules/chevrotain/lib/chevrotain.mjs", import.meta.url)),
    },
  },
  define: { DFSQ_VERSION: JSON.stringify("0.0.0-test") },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
