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
    expect(hover("a like 'x%'", 3)!.text).toMatch(/^`like`: /);
    expect(hover("a >= 1", 2)!.text).toMatch(/^`>=`: at least\nexample: `rank >= 100`/);
    expect(hover("a >= 1", 1)).toBeNull();
    expect(hover("first_seen > now - 7d", 14)!.text).toContain("current time");
  });

  it("reads `not like` and `is not null` as one operator, and names its other spellings", () => {
    const h = hover('a not like "x%"', 3)!;
    expect([h.from, h.to]).toEqual([2, 10]);
    expect(h.text).toContain("sent as `not_like`");
    expect(hover("a is not null", 6)).toMatchObject({ from: 2, to: 13, text: expect.stringContaining("`is not null`") });
    expect(hover('a ~ "x"', 2)!.text).toMatch(/^`regex`: .*\n.*\nsent as `regex`; also written `~`/);
  });

  it("gives the instant a time stands for, UTC", () => {
    const options = { now: "2024-06-15T12:00:00Z" };
    const h = hover("first_seen > now - 30d", 20, options)!;
    expect([h.from, h.to]).toEqual([13, 22]);
    expect(h.text).toContain("`2024-05-16 12:00:00 +00:00` (UTC)");
    expect(hover("first_seen > today", 15, options)!.text).toContain("`2024-06-15 00:00:00 +00:00`");
    expect(hover("first_seen between 2024-01-01 and 2024-02-01T10:00:00Z", 40, options)!.text).toContain("`2024-02-01 10:00:00 +00:00`");
  });

  it("shows a field's sortability and documented values", () => {
    const text = hover("keyword_info.competition_level = 'LOW'", 4, { endpoint: "dataforseo_labs/google/keyword_ideas" })!.text;
    expect(text).toContain("sortable in `order_by`");
    expect(text).toContain("documented values: `LOW` `MEDIUM` `HIGH` (or null); from https://docs.dataforseo.com/");
    expect(hover("domain_from_platform_type has 'cms'", 3, { endpoint: "backlinks/backlinks" })!.text).toContain("not sortable in `order_by`");
  });

  it("says when a field is not in the catalog, and just names it without one", () => {
    expect(hover("nope > 1", 1, { endpoint: "dataforseo_labs/google/ranked_keywords" })!.text).toMatch(/unknown_field/);
    expect(hover("nope > 1", 1)!.text).toBe("field nope");
  });
});
