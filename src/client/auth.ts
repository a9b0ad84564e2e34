/**
 * HTTP Basic credentials for DataForSEO (`Authorization: Basic base64(login:password)`, the API
 * login and password from the dashboard), and the redaction that keeps them out of every message.
 */
import { redactor, type Redact } from "./redact.js";

/** Base64 of the UTF-8 bytes of `text`, with the platform's `btoa` (browsers and Node ≥ 16). */
export function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export interface Credentials {
  /** The value of the Authorization header. */
  readonly authorization: string;
  /** Replaces every secret of these credentials, in any of its forms, with `[redacted]`. */
  readonly redact: Redact;
}

/**
 * The secrets of Basic credentials: the login, the password and `login:password` (which
 * `redactor` also finds percent-, form- and JSON-encoded), and base64 of each (the token, i.e.
 * the Authorization value, and the password or login alone), also unpadded and URL-safe.
 */
export function credentialSecrets(login: string, password: string): string[] {
  const plain = [login, password, `${login}:${password}`];
  const encoded = plain.flatMap((s) => {
    const unpadded = base64Utf8(s).replace(/=+$/, "");
    return [base64Utf8(s), unpadded, unpadded.replaceAll("+", "-").replaceAll("/", "_")];
  });
  return [...plain, ...encoded];
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
  return {
    authorization: `Basic ${base64Utf8(`${login}:${password}`)}`,
    redact: redactor(credentialSecrets(login, password)),
  };
}
