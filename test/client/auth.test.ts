import { describe, expect, it } from "vitest";
import { base64Utf8, basicCredentials } from "../../src/client/auth.js";

describe("Basic credentials", () => {
  it("encode login:password as UTF-8 base64, as the platform's Buffer would", () => {
    for (const text of ["a:b", "me@example.com:pässwörd✓", "x:".padEnd(200, "y")]) {
      expect(base64Utf8(text)).toBe(Buffer.from(text, "utf8").toString("base64"));
    }
    expect(basicCredentials("me@example.com", "pw-123").authorization).toBe(`Basic ${Buffer.from("me@example.com:pw-123").toString("base64")}`);
  });

  it("refuse empty values and a colon in the login, naming the field only", () => {
    expect(() => basicCredentials("", "pw")).toThrow("login must be a non-empty string");
    expect(() => basicCredentials("me", "")).toThrow("password must be a non-empty string");
    expect(() => basicCredentials("a:b", "secret-pw")).toThrow("login must not contain a colon");
    expect(() => basicCredentials(undefined, "secret-pw")).toThrow(TypeError);
  });

  it("redact the password, its URL encoding and the token wherever they appear", () => {
    const { redact, authorization } = basicCredentials("me", "p@ss word!");
    const token = authorization.slice("Basic ".length);
    expect(redact(`x ${authorization} y p@ss word! z p%40ss%20word! w ${token}`)).toBe("x Basic [redacted] y [redacted] z [redacted] w [redacted]");
  });
});
