import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Chevrotain as dist/ ships it (with its lodash replacement), bundled once by
    // test/global-setup.ts: the package entry would also load lodash-es file by file, which
    // costs every test worker half a second.
    alias: {
      chevrotain: fileURLToPath(new URL("node_modules/.cache/dfsq/chevrotain.mjs", import.meta.url)),
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
