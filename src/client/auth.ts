/**
 * HTTP Basic credentials for DataForSEO (`Authorization: Basic base64(login:password)`, the API
 * login and password from the dashboard), and the redaction that keeps them out of every message.
 */

/** Base64 of the UTF-8 bytes of `text`, with the platform's `btoa` (browsers and Node ≥ 16). */
export function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export interface Credentials {
  /** The value of the Authorization header. */
  readonly authorization: string;
  /** Replaces every secret in `text` with `[redacted]`. */
  readonly redact: (text: string) => string;
}

/**
 * Checks the credentials and builds the header. The messages of the TypeErrors it throws name
 * which field is wrong, never its value.
 */
export function basicCredentials(login: unknown, password: unknown): Credentials {
  if (typeof login !== "string" || login === "") throw new TypeError("login must be a non-empty string");
  if (typeof password !== "string" || password === "") throw new TypeError("password must be a non-empty string");
  // RFC 7617: the user-id cannot contain a colon, since the first colon ends it.
  if (login.includes(":")) throw new TypeError("login must not contain a colon");
  const token = base64Utf8(`${login}:${password}`);
  const secrets = [token, password, encodeURIComponent(password)]
    .filter((s, i, all) => s.length >= 3 && all.indexOf(s) === i)
    // Longest first, so that a secret containing another is replaced whole.
    .toSorted((a, b) => b.length - a.length);
  return {
    authorization: `Basic ${token}`,
    redact: (text) => secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), text),
  };
}
