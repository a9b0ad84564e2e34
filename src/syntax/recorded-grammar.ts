import {
  Alternation,
  Alternative,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Rule,
  Terminal,
  type IProduction,
  type TokenType,
} from "chevrotain";
import type { Decisions } from "./ll1-lookahead.js";

/*
 * The grammar as Chevrotain records it (its GAST), as plain data. Chevrotain learns a parser's
 * grammar by running every rule once in a recording mode; on a cold start that was the largest
 * part of building the parser. src/syntax/grammar.generated.ts holds the recording made by
 * `npm run generate`, and DfsqParser rebuilds the GAST from it instead of recording again.
 * test/syntax/generated.test.ts fails when the file no longer matches a fresh recording.
 *
 * A node is stored with every own field Chevrotain set on it, so that the rebuilt GAST is the
 * recorded one field for field: productions recursively, token types by name, rules (resolved
 * by Chevrotain after recording) left out.
 */

/** What grammar.generated.ts holds: the rules, the follow sets error recovery resyncs to
 * (Chevrotain's `resyncFollows`, token types by name) and the lookahead decisions. */
export interface RecordedGrammar {
  readonly rules: Readonly<Record<string, RecordedNode>>;
  readonly follows: Readonly<Record<string, readonly string[]>>;
  readonly decisions: Decisions;
}

/** One GAST node: its class and its fields. */
export interface RecordedNode {
  readonly type: string;
  readonly [field: string]: unknown;
}

const CLASSES = {
  Rule,
  Alternation,
  Alternative,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Terminal,
} as const;

type ClassName = keyof typeof CLASSES;

const classNameOf = (node: IProduction): ClassName => {
  for (const name of Object.keys(CLASSES) as ClassName[]) {
    if (Object.getPrototypeOf(node) === CLASSES[name].prototype) return name;
  }
  throw new Error(`dfsq: unknown grammar node ${String((node as object).constructor?.name)}`);
};

/** Where a production keeps its children (behind its `definition` accessor). */
const CHILDREN = "_definition";
const TOKEN_FIELDS = new Set(["terminalType", "separator"]);
/** Set by Chevrotain when it resolves the grammar, after recording. */
const RESOLVED_FIELDS = new Set(["referencedRule"]);

/** A recorded rule as data. */
export function dumpRule(rule: Rule): RecordedNode {
  return dump(rule);
}

function dump(node: IProduction): RecordedNode {
  const out: Record<string, unknown> = { type: classNameOf(node) };
  for (const [field, value] of Object.entries(node)) {
    if (RESOLVED_FIELDS.has(field)) continue;
    if (field === CHILDREN) out[field] = (value as IProduction[]).map(dump);
    else if (TOKEN_FIELDS.has(field)) out[field] = { token: (value as TokenType).name };
    else out[field] = value;
  }
  return out as RecordedNode;
}

/** Rebuilds a recorded rule, with the token types of `tokens` (by name); undefined if the file
 * names a token or a node class that is gone (the rule is then recorded, as if the file lacked it). */
export function restoreRule(data: RecordedNode, tokens: ReadonlyMap<string, TokenType>): Rule | undefined {
  try {
    return restore(data, tokens) as Rule;
  } catch (error) {
    if (error instanceof StaleRecording) return undefined;
    throw error;
  }
}

class StaleRecording extends Error {}

function restore(data: RecordedNode, tokens: ReadonlyMap<string, TokenType>): IProduction {
  const type = CLASSES[data.type as ClassName] as (typeof CLASSES)[ClassName] | undefined;
  if (type === undefined) throw new StaleRecording(`no grammar node class ${data.type}`);
  const node = Object.create(type.prototype) as Record<string, unknown>;
  for (const [field, value] of Object.entries(data)) {
    if (field === "type") continue;
    if (field === CHILDREN) node[field] = (value as RecordedNode[]).map((child) => restore(child, tokens));
    else if (TOKEN_FIELDS.has(field)) {
      const name = (value as { token: string }).token;
      const token = tokens.get(name);
      if (token === undefined) throw new StaleRecording(`no token type ${name}`);
      node[field] = token;
    } else node[field] = value;
  }
  return node as unknown as IProduction;
}

/** Follow sets (by Chevrotain's follow key) as token type names. */
export function dumpFollows(follows: Readonly<Record<string, readonly TokenType[]>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(follows).map(([key, types]) => [key, types.map((type) => type.name)]));
}

/** Follow sets with the token types of `tokens`; undefined if the file names a token that is gone. */
export function restoreFollows(
  data: Readonly<Record<string, readonly string[]>>,
  tokens: ReadonlyMap<string, TokenType>,
): Record<string, TokenType[]> | undefined {
  const out: Record<string, TokenType[]> = {};
  for (const [key, names] of Object.entries(data)) {
    const types = names.map((name) => tokens.get(name));
    if (types.some((type) => type === undefined)) return undefined;
    out[key] = types as TokenType[];
  }
  return out;
}
