import { describe, expect, it } from "vitest";
import { hover } from "../../src/assist/hover.js";

const RD = { endpoint: "backlinks/referring_domains" };

describe("hover", () => {
  it("shows a field's type and the operators it takes", () => {
    const source = "referring_domains > 10";
    const h = hover(source, 3, RD)!;
    expect([h.from, h.to]).toEqual([0, 17]);
    expect(h.text).toContain("referring_domains: num");
    expect(h.text).toContain("operators: < <= > >= = <> in not_in");
  });

  it("names the catalog pattern a placeholder path matches", () => {
    expect(hover("referring_links_tld.com > 0", 5, RD)!.text).toContain("(referring_links_tld.$tld): num");
  });

  it("shows the diagnostic under the cursor first, with its hint", () => {
    const h = hover("referring_domain > 10", 2, RD)!;
    expect(h.text).toMatch(/^warning \[unknown_field\]/);
    expect(h.text).toContain("did you mean `referring_domains`");
  });

  it("explains words and operators, and is silent over whitespace", () => {
    expect(hover("a like 'x%'", 3)!.text).toMatch(/^like: /);
    expect(hover("a >= 1", 2)!.text).toBe(">=: at least");
    expect(hover("a >= 1", 1)).toBeNull();
    expect(hover("first_seen > now - 7d", 14)!.text).toContain("current time");
  });

  it("says when a field is not in the catalog, and just names it without one", () => {
    expect(hover("nope > 1", 1, { endpoint: "dataforseo_labs/google/ranked_keywords" })!.text).toMatch(/unknown_field/);
    expect(hover("nope > 1", 1)!.text).toBe("field nope");
  });
});
