// What one pattern costs dfsq/eval per 100 KB of value, at dfsq's caps (MAX_REGEX_PROGRAM
// instructions, MAX_LIKE_PATTERN characters) and on everyday patterns. Each family of patterns
// is grown to the largest size the validator accepts and run against a value chosen to keep
// re2js off its fast paths (no literal to skip to, a DFA that outgrows its cache). Each figure is
// the median of 5 runs, each on a freshly compiled matcher, so that no DFA state is reused.
// Run: npm run bench:regex. Prints a table and writes bench/regex-results.json; nothing here is
// asserted in tests (the machines are noisy), docs/semantics.md quotes the figures.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { RE2JS } from "re2js";
import { validateFilter } from "../src/validate/validate.js";
import { compileMatcher } from "../src/eval/evaluate.js";

const SIZE = 100_000;
const RUNS = 5;

/** xorshift32: the same values on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const rnd = random(12345);
const VALUES = {
  letters: "abcdefghij".repeat(SIZE / 10),
  "random a/b": Array.from({ length: SIZE }, () => (rnd() < 0.5 ? "a" : "b")).join(""),
  words: Array.from({ length: SIZE }, () => (rnd() < 0.15 ? " " : String.fromCharCode(97 + Math.floor(rnd() * 26)))).join(""),
  "a…a": "a".repeat(SIZE),
} as const;
type ValueName = keyof typeof VALUES;

interface Family {
  readonly name: string;
  /** The pattern for a count `n`; the largest `n` dfsq accepts is used. */
  readonly pattern: (n: number) => string;
  readonly value: ValueName;
  readonly op?: "regex" | "like";
}

const FAMILIES: readonly Family[] = [
  { name: "issue 12's pattern, grown to the cap", pattern: (n) => `[a-z]{0,${n}}(\\pL)+?\\b`, value: "letters" },
  { name: "DFA blow-up (2^n states)", pattern: (n) => `a[ab]{${n}}\\d`, value: "random a/b" },
  { name: "class or property, repeated", pattern: (n) => `(?:[a-z]|\\pL){0,${n}}\\d`, value: "letters" },
  { name: "any character, repeated", pattern: (n) => `.{0,${n}}\\d`, value: "letters" },
  { name: "words, repeated", pattern: (n) => `(?:\\w+\\s){0,${n}}\\d`, value: "words" },
  { name: "like: one long segment with _", pattern: (n) => `%${"a".repeat(n)}_b%`, value: "a…a", op: "like" },
  { name: "like: many segments", pattern: (n) => `${"%a_".repeat(n)}%b`, value: "a…a", op: "like" },
];

const KEYWORDS = "seo|backlinks|keyword research|rank tracker|site audit|serp|domain authority|anchor text|nofollow|canonical";
const EVERYDAY: readonly { readonly name: string; readonly pattern: string; readonly value: ValueName; readonly op?: "like" }[] = [
  { name: "word, case-insensitive", pattern: "(?i)\\bseo\\b", value: "words" },
  { name: "URL shape", pattern: "^https?://(www\\.)?[a-z0-9-]{1,63}\\.(com|org|net)/", value: "words" },
  { name: "title length", pattern: "^.{30,60}$", value: "words" },
  { name: "keyword list", pattern: `(?i)\\b(${KEYWORDS}|${KEYWORDS.toUpperCase()})\\b`, value: "words" },
  { name: "like contains", pattern: "%seo%", value: "words", op: "like" },
  { name: "like with _", pattern: "%s_o%t__ls%", value: "words", op: "like" },
];

const filterOf = (op: string, pattern: string) => ["v", op, pattern];
const accepted = (op: string, pattern: string) => validateFilter(filterOf(op, pattern)).ok;

/** The largest n in [1, 5000] whose pattern dfsq accepts (acceptance shrinks as n grows). */
function largest(family: Family): number {
  const op = family.op ?? "regex";
  let lo = 0;
  let hi = 5000;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (accepted(op, family.pattern(mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function medianMs(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.toSorted((a, b) => a - b)[RUNS >> 1]!;
}

/** ms to compile the matcher and test one 100 KB value, median of fresh runs. */
function dfsqMs(op: string, pattern: string, value: string): number {
  return medianMs(() => compileMatcher(filterOf(op, pattern))({ v: value }));
}

/** The same with re2js directly, for patterns dfsq now refuses. */
function re2jsMs(pattern: string, value: string): number {
  return medianMs(() => RE2JS.compile(pattern).test(value));
}

interface Row {
  readonly name: string;
  readonly pattern: string;
  readonly value: ValueName;
  readonly ms: number;
  readonly instructions?: number;
}

const instructions = (pattern: string) => RE2JS.compile(pattern).re2Input.numberOfInstructions();
const shorten = (text: string) => (text.length > 48 ? `${text.slice(0, 45)}...` : text);

const atCap: Row[] = FAMILIES.map((family) => {
  const op = family.op ?? "regex";
  const pattern = family.pattern(largest(family));
  const value = VALUES[family.value];
  return {
    name: family.name,
    pattern,
    value: family.value,
    ms: dfsqMs(op, pattern, value),
    ...(op === "regex" ? { instructions: instructions(pattern) } : {}),
  };
});

const everyday: Row[] = EVERYDAY.map(({ name, pattern, value, op = "regex" }) => ({
  name,
  pattern,
  value,
  ms: dfsqMs(op, pattern, VALUES[value]),
  ...(op === "regex" ? { instructions: instructions(pattern) } : {}),
}));

// The worst family at smaller sizes: a lower cap would not make it cheap, since most of its cost
// is re2js filling its 8 MB DFA cache twice before it falls back to the NFA.
const blowUp: Row[] = [17, 100, 250, 500].map((n) => {
  const pattern = `a[ab]{${n}}\\d`;
  return { name: "DFA blow-up", pattern, value: "random a/b", ms: dfsqMs("regex", pattern, VALUES["random a/b"]), instructions: instructions(pattern) };
});

// What the cap now refuses, as re2js alone would run it.
const refusedPattern = "[a-z]{0,1000}(\\pL)+?\\b";
const refused: Row = {
  name: "issue 12's pattern (refused now)",
  pattern: refusedPattern,
  value: "letters",
  ms: re2jsMs(refusedPattern, VALUES.letters),
  instructions: instructions(refusedPattern),
};
if (accepted("regex", refusedPattern)) throw new Error("the issue's pattern should be refused");

function table(title: string, rows: readonly Row[]): string {
  const lines = rows.map(
    (r) => `| ${r.name} | \`${shorten(r.pattern).replace(/\|/g, "\\|")}\` | ${r.instructions ?? "–"} | ${r.value} | ${r.ms.toFixed(1)} |`,
  );
  return `### ${title}\n\n| | pattern | instructions | value | ms per 100 KB |\n|---|---|---|---|---|\n${lines.join("\n")}\n`;
}

const report = [
  table("At dfsq's caps", atCap),
  table("Everyday patterns", everyday),
  table("The DFA blow-up under the cap", blowUp),
  table("Refused", [refused]),
].join("\n");
const machine = {
  node: process.version,
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  date: new Date().toISOString(),
  commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim(),
};
writeFileSync(new URL("regex-results.json", import.meta.url), `${JSON.stringify({ machine, atCap, everyday, blowUp, refused }, null, 2)}\n`);
console.log(report);
