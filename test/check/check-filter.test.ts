import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFilterAst, typedRules, untypedRules } from "../../src/check/check-filter.js";
import { ruleContext, type FilterRule } from "../../src/check/rule.js";
import { sentConditions, sentOf } from "../../src/check/sent.js";
import { forEachLeaf } from "../../src/check/walk.js";
import { resolveCatalog } from "../../src/catalog/resolve.js";
import { DiagnosticBag } from "../../src/diagnostics/diagnostic.js";
import { resolveLimits } from "../../src/options.js";
import { parseFilter } from "../../src/syntax/parse.js";

/*
 * checkFilterAst runs each rule only on the leaves its scope takes (RuleScope). That must report
 * exactly what running every rule on every leaf does: a rule skipped where it would have spoken
 * is a problem sent to the API unreported.
 */

const FIELDS = ["rank", "domain", "dofollow", "first_seen", "referring_links_tld.com", "zz", "`a b`"];
const OPERATORS = ["=", "<>", "!=", "<", "<=", ">", ">=", "like", "not like", "ilike", "not ilike", "~", "!~", "regex", "not regex", "match", "not match", "has", "not has", "in", "not in"];
const VALUES = [
  "1", "-2.5", "true", "null", '"x"', '"%seo%"', '""', '"2024-01-01"', '"10"', '"true"', "2024-01-01", "now - 7d", "rank", "domain",
  '"(?=a)"', '"a{1000}{1000}"', '"((a{10}){10}){10}"', '"\\\\bseo\\\\b"', '"\\bseo"', `"${"%".repeat(3000)}"`, '("a", "b")', "(1, 2)", "()", '["x"]', '"$item->rank"',
];

const condition = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...OPERATORS), fc.constantFrom(...VALUES)).map(([f, op, v]) => `${f} ${op} ${v}`),
  fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom("between", "not between"), fc.constantFrom(...VALUES), fc.constantFrom(...VALUES)).map(
    ([f, op, a, b]) => `${f} ${op} ${a} and ${b}`,
  ),
  fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom("is null", "is not null", "")).map(([f, rest]) => `${f} ${rest}`.trim()),
);
const filter = fc.array(fc.tuple(fc.constantFrom("", "not "), condition, fc.constantFrom(" and ", " or ")), { minLength: 1, maxLength: 6 }).map((parts) =>
  parts.map(([not, c, joint], i) => `${i === 0 ? "" : joint}${not}(${c})`).join(""),
);

/** What the rules report, run as given: every rule on every leaf. */
function everyRuleOnEveryLeaf(source: string, rules: readonly FilterRule[], endpoint?: string): unknown[] {
  return run(source, endpoint, (ast, ctx) =>
    forEachLeaf(ast, (leaf, negated) => {
      const sent = sentConditions(sentOf(leaf, negated));
      for (const rule of rules) rule(leaf, ctx, sent);
    }),
  );
}

function scoped(source: string, rules: readonly FilterRule[], endpoint?: string): unknown[] {
  return run(source, endpoint, (ast, ctx) => checkFilterAst(ast, ctx, rules));
}

function run(source: string, endpoint: string | undefined, check: (ast: never, ctx: ReturnType<typeof ruleContext>) => void): unknown[] {
  const limits = resolveLimits({});
  const parsed = parseFilter(source, new DiagnosticBag(source), limits);
  if (parsed.ast === undefined) return [];
  const bag = new DiagnosticBag(source);
  const catalog = endpoint === undefined ? undefined : resolveCatalog({ endpoint }, new DiagnosticBag(source));
  check(parsed.ast as never, ruleContext(bag, limits, catalog));
  return bag.items;
}

describe("checkFilterAst with rule scopes", () => {
  it("reports what every rule on every leaf reports, without a catalog and with one", () => {
    fc.assert(
      fc.property(filter, (source) => {
        expect(scoped(source, untypedRules)).toEqual(everyRuleOnEveryLeaf(source, untypedRules));
        expect(scoped(source, typedRules, "backlinks/referring_domains")).toEqual(everyRuleOnEveryLeaf(source, typedRules, "backlinks/referring_domains"));
      }),
      { numRuns: 1500 },
    );
  });

  it("skips a rule on the leaves outside its scope (the check can fail)", () => {
    const source = 'rank > 1 and domain like "seo"';
    const untyped = scoped(source, untypedRules) as { code: string }[];
    expect(untyped.map((d) => d.code)).toEqual(["like_without_wildcard"]);
    // Scoped to `like`, the rule is not run on `rank > 1`: a rule that reports on anything shows it.
    const loud: FilterRule = Object.assign((_leaf: unknown, ctx: { bag: DiagnosticBag }) => ctx.bag.report("null_comparison", { start: 0, end: 1 }, "m"), {
      scope: { kind: "condition" as const, ops: new Set(["like" as const]) },
    });
    expect(scoped(source, [loud])).toHaveLength(1);
    expect(everyRuleOnEveryLeaf(source, [loud])).toHaveLength(2);
  });

  it("generates filters on which the scoped rules speak (else the property above proves little)", () => {
    const reported = fc.sample(filter, 1500).flatMap((source) => (scoped(source, untypedRules) as { code: string }[]).map((d) => d.code));
    for (const code of ["like_without_wildcard", "invalid_regex", "null_comparison", "empty_list", "quoted_time", "type_mismatch", "regex_too_complex", "like_too_long"]) {
      expect(reported).toContain(code);
    }
  });
});
