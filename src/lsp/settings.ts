import { FILTER_PARAMS } from "../catalog/endpoints.js";
import { toEpochMs } from "../values/time.js";

/**
 * The workspace settings of the language server, from `initializationOptions` and from
 * `workspace/didChangeConfiguration` (or `workspace/configuration`, section `dfsq`). A `.dfsq`
 * file's own header (`# endpoint:`, `# param:`) wins over them.
 */
export interface DfsqSettings {
  /** The endpoint whose catalog checks and completes the files that name none. */
  readonly endpoint?: string;
  /** A filter parameter, or `order_by` for files of order-by rules. */
  readonly param?: string;
  /** The clock for `now` and `today` (ISO 8601 or epoch milliseconds); default: the real clock. */
  readonly now?: string | number;
}

const KEYS = ["endpoint", "param", "now"] as const;
export const SETTINGS_PARAMS: readonly string[] = [...FILTER_PARAMS, "order_by"];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads settings as a client sends them: `{ endpoint, … }` or `{ dfsq: { endpoint, … } }` (the
 * whole settings tree, as VS Code and Neovim push it). A key of the wrong type or value is left
 * out and named in `problems`, so that one typo does not throw away the other settings; `null`
 * means unset. Never throws.
 */
export function readSettings(value: unknown): { settings: DfsqSettings; problems: string[] } {
  const problems: string[] = [];
  const tree = isObject(value) && isObject(value.dfsq) ? value.dfsq : value;
  if (tree === undefined || tree === null) return { settings: {}, problems };
  if (!isObject(tree)) return { settings: {}, problems: ["dfsq settings must be an object"] };
  const settings: { -readonly [K in keyof DfsqSettings]: DfsqSettings[K] } = {};
  for (const key of KEYS) {
    const v = tree[key];
    if (v === undefined || v === null || v === "") continue;
    switch (key) {
      case "endpoint":
        if (typeof v === "string") settings.endpoint = v;
        else problems.push("dfsq.endpoint must be a string such as backlinks/backlinks");
        break;
      case "param":
        if (typeof v === "string" && SETTINGS_PARAMS.includes(v)) settings.param = v;
        else problems.push(`dfsq.param must be one of ${SETTINGS_PARAMS.join(", ")}`);
        break;
      case "now":
        if ((typeof v === "string" || typeof v === "number") && Number.isFinite(toEpochMs(v))) settings.now = v;
        else problems.push("dfsq.now must be an ISO 8601 date or instant (2024-03-01T12:00:00Z) or epoch milliseconds");
        break;
    }
  }
  return { settings, problems };
}

/** `over` on top of `base`, key by key. */
export function mergeSettings(base: DfsqSettings, over: DfsqSettings): DfsqSettings {
  return { ...base, ...over };
}
