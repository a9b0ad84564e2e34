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

  it.each(["", "localhost", "dataforseo", "-bad.com", "bad-.com", "exa mple.com", "ftp://dataforseo.com/", "https://", "https://exa mple.com/"])("refuses %j", (target) => {
    expect(targetProblem(target, BOTH)).toBeDefined();
  });

  it("takes only domains where the endpoint says so, suggesting the host", () => {
    expect(targetProblem("dataforseo.com", ["domain"])).toBeUndefined();
    expect(targetProblem("https://www.dataforseo.com/apis", ["domain"])).toEqual({
      message: "this endpoint takes a domain or subdomain, not a URL",
      hint: 'write "dataforseo.com"',
    });
  });
});
