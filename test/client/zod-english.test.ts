import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { readEnvelope } from "../../src/client/envelope.js";

// This file loads zod/mini only (no zod classic, which would configure English globally), as a
// browser app using dfsq/client does.
const CALL = { method: "POST", url: "https://api.dataforseo.com/v3/backlinks/referring_domains/live" } as const;
const issuesOf = (body: unknown) => {
  const outcome = readEnvelope(JSON.stringify(body), CALL);
  if (outcome.ok) throw new Error("expected an invalid envelope");
  return (outcome.error as { issues: readonly { path: readonly (string | number)[]; message: string }[] }).issues;
};

describe("response issues read in English without a zod locale configured", () => {
  afterEach(() => z.config({ localeError: undefined, customError: undefined }));

  it("names what was expected, not zod/mini's bare 'Invalid input'", () => {
    expect(z.config().localeError).toBeUndefined();
    const [issue] = issuesOf({ status_code: "20000", status_message: "Ok." });
    expect(issue?.path).toEqual(["status_code"]);
    expect(issue?.message).toMatch(/expected number/);
  });

  it("an application's own error map wins", () => {
    z.config({ customError: () => "mine" });
    expect(issuesOf({ status_code: "20000", status_message: "Ok." })[0]?.message).toBe("mine");
  });
});
