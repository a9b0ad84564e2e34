import { describe, expect, it } from "vitest";
import { checkFilter } from "../../src/compile.js";
import { codeSegments, messageSegments, plainText } from "../../src/diagnostics/segments.js";

describe("codeSegments", () => {
  it("splits backquoted code from the text around it", () => {
    expect(codeSegments("expected a value after `>`, found `and`")).toEqual([
      { kind: "text", text: "expected a value after " },
      { kind: "code", text: ">" },
      { kind: "text", text: ", found " },
      { kind: "code", text: "and" },
    ]);
  });

  it("reads longer fences, which may hold a backquote, and strips their padding", () => {
    expect(codeSegments("write `` a.`18-24` `` instead")).toEqual([
      { kind: "text", text: "write " },
      { kind: "code", text: "a.`18-24`" },
      { kind: "text", text: " instead" },
    ]);
  });

  it("keeps an unclosed backquote as text", () => {
    expect(codeSegments("a ` b")).toEqual([{ kind: "text", text: "a ` b" }]);
    expect(codeSegments("``x` y")).toEqual([{ kind: "text", text: "``x` y" }]);
    expect(codeSegments("")).toEqual([]);
  });

  it("leaves no backquote in the text of any real diagnostic", () => {
    const sources = ["rank >", "referring_domain > 10", "domain = seo.com", "rank > 1 and and", "x like 1", "`a"];
    for (const source of sources) {
      for (const d of checkFilter(source, { endpoint: "backlinks/referring_domains" }).diagnostics) {
        const { message, hint } = messageSegments(d);
        expect(plainText(message)).not.toContain("`");
        expect(plainText(hint ?? [])).not.toContain("`");
      }
    }
  });
});
