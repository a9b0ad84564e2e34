import { describe, expectTypeOf, it } from "vitest";
import type { EndpointId, FieldOf, ParamOf } from "../../src/catalog/types.js";

/* FieldOf<E> is generated from the same data as the checks; these assertions run in the typecheck. */

describe("FieldOf", () => {
  it("is the union of an endpoint's field paths, placeholders as template literals", () => {
    expectTypeOf<"rank">().toExtend<FieldOf<"backlinks/referring_domains">>();
    expectTypeOf<"referring_links_tld.com">().toExtend<FieldOf<"backlinks/referring_domains">>();
    expectTypeOf<"referring_domain">().not.toExtend<FieldOf<"backlinks/referring_domains">>();
    expectTypeOf<"metrics.organic.count">().toExtend<FieldOf<"dataforseo_labs/google/competitors_domain">>();
  });

  it("follows the filter parameter", () => {
    expectTypeOf<"dofollow">().toExtend<FieldOf<"backlinks/referring_domains", "backlinks_filters">>();
    expectTypeOf<"dofollow">().not.toExtend<FieldOf<"backlinks/referring_domains">>();
    expectTypeOf<ParamOf<"backlinks/referring_domains">>().toEqualTypeOf<"filters" | "backlinks_filters">();
  });

  it("names only known endpoints", () => {
    expectTypeOf<"backlinks/referring_domains">().toExtend<EndpointId>();
    expectTypeOf<"backlinks/nope">().not.toExtend<EndpointId>();
  });
});
