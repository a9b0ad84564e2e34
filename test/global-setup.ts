import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Builds dist/*.js once per run so that CLI tests exercise the current sources. */
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync(process.execPath, ["scripts/build.mjs", "--js-only"], { cwd: root, stdio: "inherit" });
}
