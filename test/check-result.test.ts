import { describe, expect, expectTypeOf, it } from "vitest";
import { checkFilter, checkOrderBy, type CheckResult } from "../src/index.js";
import type { FilterArray } from "../src/lower/filter-array.js";
import { validateFilter } from "../src/validate/validate.js";

/* CheckResult is a union on `ok`: after `if (r.ok)` the value is there, with no `!` and no
 * `value === undefined` test; otherwise there is none. (tsc checks the types; vitest the values.) */

/** With the old interface (`value?: T`), `return r.value` here would not typecheck. */
function valueOf(r: CheckResult<FilterArray>): FilterArray {
  if (r.ok) return r.value;
  throw new Error(r.diagnostics.map((d) => d.code).join());
}

describe("CheckResult", () => {
  it("narrows on ok: the value is there exactly when ok", () => {
    expect(valueOf(checkFilter("rank > 1"))).toEqual(["rank", ">", 1]);
    expect(() => valueOf(checkFilter("rank >"))).toThrow("unexpected_end");
    expectTypeOf<Extract<ReturnType<typeof checkFilter>, { ok: true }>["value"]>().toEqualTypeOf<FilterArray>();
    expectTypeOf<Extract<ReturnType<typeof checkFilter>, { ok: false }>["value"]>().toEqualTypeOf<undefined>();
  });

  it("has no value when not ok", () => {
    for (const r of [checkFilter("rank >"), checkOrderBy("rank >"), validateFilter(["rank", "~", 1])] as const) {
      expect(r.ok).toBe(false);
      expect(r.value).toBeUndefined();
      expect(r.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it("is a union a caller can build and narrow", () => {
    expectTypeOf<Extract<CheckResult<number>, { ok: true }>["value"]>().toEqualTypeOf<number>();
    expectTypeOf<Extract<CheckResult<number>, { ok: false }>["value"]>().toEqualTypeOf<undefined>();
  });
});
