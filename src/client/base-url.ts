/** DataForSEO's API and its free sandbox, which answers with the same structure (filters-spec.md section 6). */
export const PRODUCTION_BASE_URL = "https://api.dataforseo.com";
export const SANDBOX_BASE_URL = "https://sandbox.dataforseo.com";

/** Base URL options as `createClient` and the dry run take them. */
export interface BaseUrlOptions {
  /** Default `https://api.dataforseo.com`. `http:` is accepted only for loopback hosts (tests, proxies on this machine). */
  readonly baseUrl?: string;
  /** Use `https://sandbox.dataforseo.com`. Cannot be combined with `baseUrl`. */
  readonly sandbox?: boolean;
}

const LOOPBACK_NAMES = new Set(["localhost", "[::1]"]);

/** `localhost`, `127.x.x.x` and `[::1]`: where plain HTTP cannot be read on the way. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOOPBACK_NAMES.has(host) || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The origin calls go to. Throws TypeError for a URL that is not http(s), that holds a user or
 * password (they would travel in every URL, and into error messages), or that is plain `http:`
 * to a host other than loopback (the Basic credentials would cross the network in clear).
 */
export function resolveBaseUrl(options: BaseUrlOptions = {}): URL {
  if (options.sandbox === true && options.baseUrl !== undefined) {
    throw new TypeError("give either baseUrl or sandbox, not both");
  }
  const text = options.sandbox === true ? SANDBOX_BASE_URL : (options.baseUrl ?? PRODUCTION_BASE_URL);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not echoed: a malformed URL may still hold a password.
    throw new TypeError("baseUrl is not a valid URL");
  }
  if (url.username !== "" || url.password !== "") {
    throw new TypeError("baseUrl must not contain credentials; pass login and password instead");
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new TypeError(`baseUrl ${url.origin} uses plain http; only https is allowed, or http to a loopback address`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`baseUrl must be an https URL, got ${url.protocol}`);
  }
  if (url.search !== "" || url.hash !== "") throw new TypeError("baseUrl must not have a query or a fragment");
  // A path prefix (a proxy mounted under /dataforseo) is kept; request paths are joined onto it.
  if (!url.pathname.endsWith("/")) url.pathname = `${url.pathname}/`;
  return url;
}

/**
 * The absolute URL of an API path (`/v3/backlinks/referring_domains/live`) under the base.
 * Throws TypeError for anything that would leave the base's origin, so that a path from a
 * caller can never send the credentials elsewhere.
 */
export function apiUrl(base: URL, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("//")) {
    throw new TypeError(`expected an API path such as /v3/backlinks/summary/live, got an absolute URL`);
  }
  const relative = path.replace(/^\/+/, "");
  if (!relative.startsWith("v3/")) throw new TypeError(`API paths start with /v3/, got ${JSON.stringify(path)}`);
  const url = new URL(relative, base);
  if (url.origin !== base.origin) throw new TypeError("the path leaves the API's origin");
  return url.href;
}
