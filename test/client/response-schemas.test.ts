import { describe, expect, it } from "vitest";
import { envelopeSchema, genericResultSchema, referringDomainItemSchema, referringDomainsResultSchema } from "../../src/client/index.js";
import { SEED_RESPONSE } from "./fake-dataforseo.js";

const seedResult = () => structuredClone((SEED_RESPONSE.tasks[0]!.result as Record<string, unknown>[])[0]!) as { items: Record<string, unknown>[] };

describe("response schemas", () => {
  it("the seed response is a valid envelope with a valid referring_domains result", () => {
    expect(envelopeSchema.safeParse(SEED_RESPONSE).success).toBe(true);
    const result = referringDomainsResultSchema.parse(seedResult());
    expect(result.items?.map((i) => i.rank)).toEqual([912, 688, 201]);
  });

  it("items need only a domain; the documented fields may be null or absent", () => {
    expect(referringDomainItemSchema.safeParse({ domain: "x.com" }).success).toBe(true);
    expect(referringDomainItemSchema.safeParse({ domain: "x.com", rank: null, first_seen: null, referring_links_tld: null }).success).toBe(true);
    expect(referringDomainItemSchema.safeParse({ rank: 1 }).success).toBe(false);
  });

  it("documented fields must have their types: numbers, count maps, API times", () => {
    for (const bad of [{ rank: "1" }, { referring_links_tld: { com: "1" } }, { first_seen: "2019-06-12T14:05:31Z" }, { backlinks: true }]) {
      expect({ bad, ok: referringDomainItemSchema.safeParse({ domain: "x.com", ...bad }).success }).toEqual({ bad, ok: false });
    }
  });

  it("unknown fields pass through at every level", () => {
    const item = referringDomainItemSchema.parse({ domain: "x.com", new_metric: 3 });
    expect(item).toHaveProperty("new_metric", 3);
    const result = referringDomainsResultSchema.parse({ ...seedResult(), new_summary: { a: 1 } });
    expect(result).toHaveProperty("new_summary", { a: 1 });
  });

  it("other endpoints' results pass their items through as objects", () => {
    const result = genericResultSchema.parse({ total_count: 2, items: [{ keyword: "a", nested: { x: [1] } }, { keyword: "b" }], se_type: "google" });
    expect(result.items).toEqual([{ keyword: "a", nested: { x: [1] } }, { keyword: "b" }]);
    expect(genericResultSchema.safeParse({ target: "summary without items", rank: 5 }).success).toBe(true);
  });
});
