import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { basicCredentials, credentialSecrets } from "../../src/client/auth.js";
import { ApiError, NetworkError } from "../../src/client/errors.js";
import { REDACTED, redactDeep, redactError, redactor } from "../../src/client/redact.js";
import { reflections, unicodeEscaped } from "./fake-dataforseo.js";

/* The one redaction function: every secret of the credentials, in every encoding, everywhere in a value or an error. */

const LOGIN = "dfs user+1@exämple.com";
const PASSWORD = 'p@ss w0rd/+="\\%ü&~(x)';
const { redact, authorization } = basicCredentials(LOGIN, PASSWORD);

describe("redactor", () => {
  it.each(reflections(LOGIN, PASSWORD).map((form) => [form]))("redacts %s", (form) => {
    const out = redact(`<${form}>`);
    expect(out).not.toContain(form);
    expect(out).toMatch(/^<(Basic )?\[redacted\]>$/);
  });

  it("redacts the Authorization value and the JSON \\u escapes of each secret, in either case", () => {
    expect(redact(`x ${authorization} y`)).toBe(`x Basic ${REDACTED} y`);
    for (const secret of [LOGIN, PASSWORD, `${LOGIN}:${PASSWORD}`]) {
      // unicodeEscaped gives the text as it stands in a JSON body; its doubled backslashes are single in the text.
      for (const upper of [false, true]) expect(redact(`"${unicodeEscaped(secret, upper).replaceAll("\\\\", "\\")}"`)).toBe(`"${REDACTED}"`);
    }
  });

  it("redacts a mix of encodings within one secret (a password percent-encoded by one encoder, JSON-escaped by another)", () => {
    const mixed = `p%40ss+w0rd%2f\\u002b%3D\\"\\\\%25%C3%BC&~(x)`;
    expect(redact(mixed)).toBe(REDACTED);
  });

  it("replaces login:password whole, before the login or the password alone", () => {
    expect(redact(`${LOGIN}:${PASSWORD}`)).toBe(REDACTED);
  });

  it("leaves other text alone, and secrets shorter than 3 characters unredacted", () => {
    expect(redact("Invalid Field: 'target'.")).toBe("Invalid Field: 'target'.");
    expect(redactor(["ab"])("a b ab")).toBe("a b ab");
    expect(redactor([])("anything")).toBe("anything");
  });

  it("lists each secret with its base64, unpadded and URL-safe base64", () => {
    const secrets = credentialSecrets("me", "pw?>");
    expect(secrets).toContain(Buffer.from("me:pw?>").toString("base64"));
    expect(secrets).toContain(Buffer.from("pw?>").toString("base64url"));
    expect(secrets).toContain(Buffer.from("me").toString("base64").replace(/=+$/, ""));
  });
});

describe("redactDeep", () => {
  it("copies a value with every string and key redacted, leaving the original alone", () => {
    const value = { [PASSWORD]: [LOGIN, 1, null, true, { nested: `x ${PASSWORD}` }] };
    expect(redactDeep(value, redact)).toEqual({ [REDACTED]: [REDACTED, 1, null, true, { nested: `x ${REDACTED}` }] });
    expect(Object.keys(value)).toEqual([PASSWORD]);
  });

  it("keeps cycles and shared references, and walks 100,000 levels without overflowing the stack", () => {
    const cyclic: Record<string, unknown> = { name: PASSWORD };
    cyclic.self = cyclic;
    const copy = redactDeep(cyclic, redact) as Record<string, unknown>;
    expect(copy.self).toBe(copy);
    expect(copy.name).toBe(REDACTED);

    let deep: unknown = [PASSWORD];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let walked = redactDeep(deep, redact);
    for (let i = 0; i < 100_000; i++) walked = (walked as unknown[])[0];
    expect(walked).toEqual([REDACTED]);
  });
});

describe("redactError", () => {
  it("redacts the message, the stack, every property (hidden ones too) and the cause chain", () => {
    const cause = Object.assign(new Error(`getaddrinfo ${LOGIN}`, { cause: new Error(`inner ${PASSWORD}`) }), { code: "ENOTFOUND" });
    const network = new NetworkError(`fetch failed: ${PASSWORD}`, "ENOTFOUND", { method: "GET", url: "https://x.example/v3/" }, false, { cause, body: `{"a":"${PASSWORD}"}` });
    redactError(network, redact);
    const api = redactError(
      new ApiError({ statusCode: 40501, statusMessage: PASSWORD, response: { tasks: [{ [LOGIN]: PASSWORD }] }, body: PASSWORD }, { method: "POST", url: "u" }, false),
      redact,
    );
    for (const error of [network, api]) {
      const text = [error.message, error.stack, JSON.stringify(error), inspect(error, { showHidden: true, depth: Infinity }), String(error.body)].join("\n");
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(LOGIN);
      expect(text).toContain(REDACTED);
    }
    expect((network.cause as Error).message).toBe(`getaddrinfo ${REDACTED}`);
    expect(((network.cause as Error).cause as Error).message).toBe(`inner ${REDACTED}`);
    expect((network.cause as { code: string }).code).toBe("ENOTFOUND");
    expect(api.response).toEqual({ tasks: [{ [REDACTED]: REDACTED }] });
    expect(api.statusMessage).toBe(REDACTED);
  });

  it("keeps hidden properties hidden", () => {
    const api = redactError(new ApiError({ statusCode: 40501, statusMessage: "x", response: { big: true }, body: "{}" }, { method: "POST", url: "u" }, false), redact);
    expect(Object.keys(api)).not.toContain("response");
    expect(Object.keys(api)).not.toContain("body");
    expect(JSON.stringify(api)).not.toContain("big");
  });
});
