import { describe, expect, it } from "vitest";
import { expectDiagnostics } from "../../helpers/diagnostics.js";
import { expectTyped } from "../../helpers/typed.js";

describe("invalid_regex", () => {
  it.each([
    ['url regex "^(?=a)"', "(?="],
    ['url ~ "(a)\\\\1"', '"(a)\\\\1"'],
    ['url not_regex "a(b"', "("],
    ['url !~ "[z-a]"', "z-a"],
  ])("%s", (source, text) => {
    const [d] = expectDiagnostics(source, [["invalid_regex", text]]);
    expect(d?.message).toContain("RE2");
  });

  it("accepts RE2 syntax", () => {
    expectDiagnostics('url regex "^https?://(www\\\\.)?[a-z0-9-]+\\\\.(com|org)/\\\\d{2,4}$"', []);
    expectTyped("backlinks/backlinks", 'url_from regex "(?i)seo"', []);
  });

  it("points inside the literal only when it is written verbatim", () => {
    const [d] = expectDiagnostics('url regex "ab(?!c)"', [["invalid_regex", "(?!"]]);
    expect(d?.column).toBe(14);
  });
});

describe("regex_too_long", () => {
  it("refuses a pattern over 1000 characters", () => {
    // One class of 999 letters: long, but a single instruction, so only the length is over.
    expectDiagnostics(`url regex "[${"a".repeat(999)}]"`, ["regex_too_long"]);
    expectDiagnostics(`url regex "${"a".repeat(1000)}"`, []);
  });
});
