import { describe, expect, it } from "vitest";
import { DfsqError } from "../../src/diagnostics/error.js";
import { formatDiagnostics } from "../../src/diagnostics/format.js";
import { printFilter } from "../../src/print/print-filter.js";
import { validateFilter, validateOrderBy } from "../../src/validate/validate.js";
import { thrown } from "../helpers/errors.js";

/* A problem in raw arrays says where it is as data (`path`), not in its message's words. */

const BAD_FILTERS: readonly unknown[] = [
  [["rank", ">", 1], "and", ["domain", "~", "x"]],
  [["rank", ">", 1], "xor", ["rank", "<", 5]],
  [["rank", "in", 5]],
  [["rank", ">", [1]]],
  [["", "=", 1]],
];

describe("JSON paths of raw-array problems", () => {
  it.each(BAD_FILTERS.map((value) => [JSON.stringify(value), value]))("%s: the path is data, and no message repeats it", (_, value) => {
    const { diagnostics } = validateFilter(value);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.path).toBeDefined();
      expect(d.message).not.toMatch(/\(at \[|\bat \[\d/);
    }
  });

  it("names the place: [2][1] for the operator of the third element", () => {
    expect(validateFilter(BAD_FILTERS[0]).diagnostics[0]).toMatchObject({ code: "invalid_filter", path: [2, 1] });
    expect(validateOrderBy(["rank,asc", "rank up"]).diagnostics[0]).toMatchObject({ code: "invalid_order_by", path: [1] });
  });

  it("is shown by the presenters: the formatter's --> line and DfsqError's summary", () => {
    const { diagnostics } = validateFilter(BAD_FILTERS[0]);
    expect(formatDiagnostics("", diagnostics, { color: false })).toContain("--> at [2][1]");
    const error = thrown(() => printFilter(BAD_FILTERS[0]), DfsqError);
    expect(error.message).toMatch(/\(invalid_filter at \[2\]\[1\]\)$/);
  });
});
