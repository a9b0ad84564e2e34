import { describe, expect, it } from "vitest";
import { targetProblem } from "../../src/task/target.js";

const BOTH = ["domain", "url"] as const;

describe("Backlinks target", () => {
  it.each(["dataforseo.com", "blog.dataforseo.com", "xn--bcher-kva.de", "bücher.de", "a-b.co.uk", "https://dataforseo.com/apis/", "http://example.com"])(
    "accepts %s",
    (target) => {
      expect(targetProblem(target, BOTH)).toBeUndefined();
    },
  );

  it("refuses www. with a hint to drop it", () => {
    expect(targetProblem("www.dataforseo.com", BOTH)).toEqual({ message: "a domain target is written without `www.`", hint: 'write "dataforseo.com"' });
  });

  it("refuses a page without scheme, suggesting the absolute URL", () => {
    expect(targetProblem("dataforseo.com/apis", BOTH)?.hint).toBe('write "https://dataforseo.com/apis"');
  });

  const NOT_A_TARGET = "a target is a domain without scheme or `www.` (example.com) or an absolute URL (https://example.com/page)";
  it.each([
    ["", NOT_A_TARGET],
    ["localhost", NOT_A_TARGET],
    ["dataforseo", NOT_A_TARGET],
    ["-bad.com", NOT_A_TARGET],
    ["bad-.com", NOT_A_TARGET],
    ["exa mple.com", NOT_A_TARGET],
    ["ftp://dataforseo.com/", "a page target is an http:// or https:// URL"],
    ["https://", "this is not a valid URL"],
    ["https://exa mple.com/", "this is not a valid URL"],
  ])("refuses %j, saying why", (target, message) => {
    expect(targetProblem(target, BOTH)).toEqual({ message });
  });

  it("says which targets an endpoint that takes only domains takes", () => {
    expect(targetProblem("localhost", ["domain"])?.message).toBe("a target is a domain or subdomain without scheme or `www.` (example.com)");
  });

  it("takes only domains where the endpoint says so, suggesting the host", () => {
    expect(targetProblem("dataforseo.com", ["domain"])).toBeUndefined();
    expect(targetProblem("https://www.dataforseo.com/apis", ["domain"])).toEqual({
      message: "this endpoint takes a domain or subdomain, not a URL",
      hint: 'write "dataforseo.com"',
    });
  });
});
