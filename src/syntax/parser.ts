import {
  tokenMatcher,
  type ILookaheadStrategy,
  type IOrAlt,
  type IRecognitionException,
  type IToken,
} from "chevrotain";
import { recordedGrammar } from "./grammar.generated.js";
import type { Span } from "../diagnostics/diagnostic.js";
import type * as A from "./ast.js";
import type { ScannedToken } from "./lexer.js";
import { Ll1Lookahead } from "./ll1-lookahead.js";
import { API_OPERATORS, OPERATORS } from "./operator-table.js";
import { OPERATOR_OF_TOKEN } from "./operator-tokens.js";
import { asReference } from "./operators.js";
import { parserErrorMessages } from "./parse-errors.js";
import { PrerecordedParser, type RecordedGrammar } from "./chevrotain-internals.js";
import * as T from "./tokens.js";

/*
 * The grammar. Each rule carries its production from grammar/dfsq.ebnf (a test keeps the two
 * identical) and returns its AST node directly. This parser once built a CST that a visitor turned
 * into the AST; the benchmark showed the CST and the visit at 80% of compile time (22 µs + 8 µs of
 * 36 µs for eight conditions), so the actions now build the AST in place. They stay free of
 * checks: literals arrive already read (lexer.ts puts their meaning in `payload`) and every
 * judgement is left to the rules in check/. OR alternatives are built once per instance, as
 * Chevrotain's performance guide advises.
 *
 * After error recovery a subrule may return its recovery value (an `invalid` node) and tokens may
 * be virtual (inserted, NaN offsets); the actions accept both.
 */

const real = (t: IToken | undefined): t is ScannedToken =>
  t !== undefined && t.isInsertedInRecovery !== true && !Number.isNaN(t.startOffset);
const spanOf = (t: IToken): Span => ({ start: t.startOffset, end: t.startOffset + t.image.length });
const cover = (a: Span, b: Span): Span => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
/** An empty span where a missing piece would have been: at the token the parser stopped on, or
 * right after the last real token when it stopped at the end of input. */
function gap(next: IToken | undefined, previous: IToken | undefined): Span {
  const start = real(next) ? next.startOffset : real(previous) ? previous.startOffset + previous.image.length : 0;
  return { start, end: start };
}
const at = (e: IRecognitionException): Span => gap(e.token, (e as { previousToken?: IToken }).previousToken);
const invalidExpr = (e: IRecognitionException): A.InvalidExpr => ({ kind: "invalid", span: at(e) });
const invalidValue = (e: IRecognitionException): A.InvalidValue => ({ kind: "invalid", span: at(e) });


/**
 * A parsed predicate, waiting for its field: plain data, built once per condition. (`not` before a
 * negatable operator arrives as `negated`, and is folded into the operator by `condition`.)
 */
type Predicate =
  | { readonly kind: "op"; readonly op: A.Operator; readonly opSpan: Span; readonly operand: A.Operand }
  | { readonly kind: "between"; readonly negated: boolean; readonly opSpan: Span; readonly low: A.Value; readonly high: A.Value };

/** Operators that `not` in front of them turns into their negated form (`like` → `not like`). */
const NEGATE: Readonly<Partial<Record<A.Operator, A.Operator>>> = Object.fromEntries(
  OPERATORS.filter((op) => API_OPERATORS[API_OPERATORS[op].complement].text === `not ${API_OPERATORS[op].text}`).map((op) => [op, API_OPERATORS[op].complement]),
);

// Actions run only outside Chevrotain's grammar-recording phase. They are guarded by
// `RECORDING_PHASE` (public API) rather than wrapped in ACTION, which would allocate a closure on
// every rule call: at 10,000 conditions those closures were a visible share of the GC work.
const RECORDING = undefined as never;

export interface DfsqParserOptions {
  readonly lookahead?: ILookaheadStrategy;
  /** Record the grammar by running the rules and analyse it, as Chevrotain does, instead of
   * starting from grammar.generated.ts: for the generator and the tests that check that file. */
  readonly record?: boolean;
  /** The recording to start from instead of grammar.generated.ts's (bench/chevrotain-internals.ts
   * leaves parts out to measure what each saves). */
  readonly recording?: RecordedGrammar;
}

export class DfsqParser extends PrerecordedParser {
  /** `lookahead` is replaceable so that a test can compare ours with Chevrotain's own. */
  constructor({
    record = false,
    recording = record ? undefined : recordedGrammar(),
    lookahead = new Ll1Lookahead(T.tokenTypesByName(), recording?.decisions ?? {}),
  }: DfsqParserOptions = {}) {
    super(
      T.allTokens,
      {
        lookaheadStrategy: lookahead,
        recoveryEnabled: true,
        // Every choice in the grammar is decided by the next token: LL(1) keeps the analysis small.
        maxLookahead: 1,
        errorMessageProvider: parserErrorMessages,
        // The grammar is fixed and covered by tests; validating it at every start-up costs time.
        skipValidations: true,
      },
      recording,
      T.tokenTypesByName(),
    );
    this.performSelfAnalysis();
  }

  // filter = or_expr ;
  filter = this.RULE("filter", (): A.Expr => this.SUBRULE(this.orExpr), { recoveryValueFunc: invalidExpr });

  // or_expr = and_expr , { or_op , and_expr } ;
  orExpr = this.RULE(
    "orExpr",
    (): A.Expr => {
      const first = this.SUBRULE(this.andExpr);
      let operands: A.Expr[] | undefined;
      this.MANY(() => {
        this.CONSUME(T.OrOp);
        const next = this.SUBRULE2(this.andExpr);
        if (!this.RECORDING_PHASE) (operands ??= [first]).push(next);
      });
      if (this.RECORDING_PHASE) return RECORDING;
      return operands === undefined ? first : chain("or", operands);
    },
    { recoveryValueFunc: invalidExpr },
  );

  // and_expr = not_expr , { and_op , not_expr } ;
  andExpr = this.RULE(
    "andExpr",
    (): A.Expr => {
      const first = this.SUBRULE(this.notExpr);
      let operands: A.Expr[] | undefined;
      this.MANY(() => {
        this.CONSUME(T.AndOp);
        const next = this.SUBRULE2(this.notExpr);
        if (!this.RECORDING_PHASE) (operands ??= [first]).push(next);
      });
      if (this.RECORDING_PHASE) return RECORDING;
      return operands === undefined ? first : chain("and", operands);
    },
    { recoveryValueFunc: invalidExpr },
  );

  // not_expr = not_op , not_expr | "(" , or_expr , ")" | condition ;
  notExpr = this.RULE("notExpr", (): A.Expr => this.OR(this.#notAlts), { recoveryValueFunc: invalidExpr });
  #notAlts: IOrAlt<A.Expr>[] = [
    {
      ALT: () => {
        const op = this.CONSUME(T.NotOp);
        const operand = this.SUBRULE(this.notExpr);
        if (this.RECORDING_PHASE) return RECORDING;
        return { kind: "not", operand, span: real(op) ? { start: op.startOffset, end: operand.span.end } : operand.span };
      },
    },
    {
      ALT: () => {
        const open = this.CONSUME(T.LParen);
        const inner = this.SUBRULE(this.orExpr);
        const close = this.CONSUME(T.RParen);
        if (this.RECORDING_PHASE) return RECORDING;
        // The group's span includes its parentheses, so editors can point at the whole group.
        return { ...inner, span: cover(real(open) ? spanOf(open) : inner.span, real(close) ? spanOf(close) : inner.span) };
      },
    },
    { ALT: () => this.SUBRULE(this.condition) },
  ];

  // condition = field , [ compare_op , ( value | field )
  //                     | [ "not" ] , ( "in" , list
  //                                   | ( "like" | "ilike" | "regex" | "match" | "has" ) , value
  //                                   | "between" , value , "and" , value )
  //                     | "not_in" , list
  //                     | negated_op , value
  //                     | "is" , [ "not" ] , "null" ] ;
  condition = this.RULE(
    "condition",
    (): A.Expr => {
      const fieldToken = this.CONSUME(T.FieldName);
      const predicate = this.OPTION(this.#predicate);
      if (this.RECORDING_PHASE) return RECORDING;
      const f = fieldNode(fieldToken);
      if (f === undefined) return { kind: "invalid", span: gap(fieldToken, this.LA(0)) };
      if (predicate === undefined) return { kind: "bare", field: f, span: f.span };
      if (predicate.kind === "between") {
        const { negated, low, high } = predicate;
        return { kind: "between", field: f, negated, low, high, span: { start: f.span.start, end: high.span.end } };
      }
      const { op, opSpan, operand } = predicate;
      return { kind: "condition", field: f, op, operand, opSpan, span: { start: f.span.start, end: Math.max(opSpan.end, operand.span.end) } };
    },
    { recoveryValueFunc: invalidExpr },
  );
  // Closures made once per instance rather than once per condition: fewer allocations per parse.
  #predicate = (): Predicate => this.OR(this.#predicateAlts);
  #notKeyword = (): IToken => this.CONSUME(T.NotKw);
  #isNotKeyword = (): IToken => this.CONSUME2(T.NotKw);
  #minus = (): IToken => this.CONSUME(T.Minus);
  #predicateAlts: IOrAlt<Predicate>[] = [
    {
      ALT: () => {
        const op = this.CONSUME(T.CompareOp);
        const operand = this.OR2(this.#operandAlts);
        if (this.RECORDING_PHASE) return RECORDING;
        return { kind: "op", op: OPERATOR_OF_TOKEN[op.tokenTypeIdx]!, opSpan: spanOf(op), operand: asReference(operand) };
      },
    },
    {
      ALT: () => {
        const not = this.OPTION2(this.#notKeyword);
        const predicate = this.OR3(this.#negatableAlts);
        if (this.RECORDING_PHASE || not === undefined || !real(not)) return predicate;
        const opSpan = { start: not.startOffset, end: predicate.opSpan.end };
        return predicate.kind === "between"
          ? { ...predicate, negated: true, opSpan }
          : { ...predicate, op: NEGATE[predicate.op] ?? predicate.op, opSpan };
      },
    },
    {
      ALT: () => {
        const op = this.CONSUME(T.NotInKw);
        const operand = this.SUBRULE(this.list);
        if (this.RECORDING_PHASE) return RECORDING;
        return { kind: "op", op: OPERATOR_OF_TOKEN[op.tokenTypeIdx]!, opSpan: spanOf(op), operand };
      },
    },
    {
      ALT: () => {
        const op = this.CONSUME(T.NegatedOp);
        const operand = this.SUBRULE(this.value);
        if (this.RECORDING_PHASE) return RECORDING;
        return { kind: "op", op: OPERATOR_OF_TOKEN[op.tokenTypeIdx]!, opSpan: spanOf(op), operand };
      },
    },
    {
      ALT: () => {
        const is = this.CONSUME(T.IsKw);
        const not = this.OPTION3(this.#isNotKeyword);
        const nul = this.CONSUME(T.NullKw);
        if (this.RECORDING_PHASE) return RECORDING;
        const opSpan = cover(spanOf(is), real(nul) ? spanOf(nul) : spanOf(is));
        const operand: A.Operand = real(nul) ? { kind: "null", span: spanOf(nul) } : { kind: "invalid", span: { start: opSpan.end, end: opSpan.end } };
        return { kind: "op", op: not === undefined ? "=" : "<>", opSpan, operand };
      },
    },
  ];
  /** Right of a comparison: a value, or a field (a field reference). */
  #operandAlts: IOrAlt<A.Operand>[] = [
    { ALT: () => this.SUBRULE2(this.value) },
    {
      ALT: () => {
        const t = this.CONSUME2(T.FieldName);
        if (this.RECORDING_PHASE) return RECORDING;
        const f = fieldNode(t);
        if (f === undefined) return { kind: "invalid", span: gap(t, this.LA(0)) };
        // `${field(name)}` in a template names a field on purpose.
        return t.tokenType === T.InterpolatedField ? { ...f, explicit: true } : f;
      },
    },
  ];
  #negatableAlts: IOrAlt<Predicate>[] = [
    {
      ALT: () => {
        const op = this.CONSUME(T.InKw);
        const operand = this.SUBRULE2(this.list);
        if (this.RECORDING_PHASE) return RECORDING;
        return { kind: "op", op: "in", opSpan: spanOf(op), operand };
      },
    },
    {
      ALT: () => {
        const op = this.CONSUME(T.PatternOp);
        const operand = this.SUBRULE3(this.value);
        if (this.RECORDING_PHASE) return RECORDING;
        return { kind: "op", op: OPERATOR_OF_TOKEN[op.tokenTypeIdx]!, opSpan: spanOf(op), operand };
      },
    },
    {
      ALT: () => {
        const op = this.CONSUME(T.BetweenKw);
        const low = this.SUBRULE4(this.value);
        this.CONSUME(T.AndKw);
        const high = this.SUBRULE5(this.value);
        if (this.RECORDING_PHASE) return RECORDING;
        return { kind: "between", negated: false, opSpan: spanOf(op), low, high };
      },
    },
  ];

  // list = "(" , [ value , { "," , value } ] , ")"
  //      | "[" , [ value , { "," , value } ] , "]" ;
  list = this.RULE("list", (): A.ListValue | A.InvalidValue => this.OR(this.#listAlts), { recoveryValueFunc: invalidValue });
  #listAlts: IOrAlt<A.ListValue>[] = [
    { ALT: () => this.#listBody(T.LParen, T.RParen, 1) },
    { ALT: () => this.#listBody(T.LBracket, T.RBracket, 2) },
  ];
  #listBody(open: T.TokenTypeLike, close: T.TokenTypeLike, idx: 1 | 2): A.ListValue {
    const items: A.Value[] = [];
    const first = this.CONSUME(open);
    const def = () => {
      items.push(idx === 1 ? this.SUBRULE(this.value) : this.SUBRULE2(this.value));
    };
    if (idx === 1) this.MANY_SEP({ SEP: T.Comma, DEF: def });
    else this.MANY_SEP2({ SEP: T.Comma, DEF: def });
    const last = this.CONSUME(close);
    if (this.RECORDING_PHASE) return RECORDING;
    const start = real(first) ? first.startOffset : (items[0]?.span.start ?? 0);
    const end = real(last) ? spanOf(last).end : (items[items.length - 1]?.span.end ?? start + 1);
    return { kind: "list", items, span: { start, end } };
  }

  // value = string | [ "-" ] , number | "true" | "false" | "null"
  //       | ( date | "now" | "today" ) , { ( "+" | "-" ) , duration } ;
  value = this.RULE("value", (): A.Value => this.OR(this.#valueAlts), { recoveryValueFunc: invalidValue });
  #valueAlts: IOrAlt<A.Value>[] = [
    {
      ALT: () => {
        const t = this.CONSUME(T.StringLiteral) as ScannedToken;
        if (this.RECORDING_PHASE) return RECORDING;
        return typeof t.payload === "string" ? { kind: "string", value: t.payload, span: spanOf(t) } : { kind: "invalid", span: spanOf(t) };
      },
    },
    {
      ALT: () => {
        const minus = this.OPTION(this.#minus);
        const t = this.CONSUME(T.NumberLiteral) as ScannedToken;
        if (this.RECORDING_PHASE) return RECORDING;
        const span = real(minus) ? { start: minus.startOffset, end: t.startOffset + t.image.length } : spanOf(t);
        if (typeof t.payload !== "number") return { kind: "invalid", span };
        return { kind: "number", value: minus === undefined ? t.payload : -t.payload, span };
      },
    },
    {
      ALT: () => {
        const t = this.CONSUME(T.WordLiteral);
        if (this.RECORDING_PHASE) return RECORDING;
        return t.tokenType === T.NullKw ? { kind: "null", span: spanOf(t) } : { kind: "boolean", value: t.tokenType === T.TrueKw, span: spanOf(t) };
      },
    },
    {
      ALT: () => {
        const base = this.CONSUME(T.TimeBase) as ScannedToken;
        const shifts: A.TimeShift[] = [];
        let end: IToken = base;
        this.MANY(() => {
          const sign = this.CONSUME(T.Sign);
          const duration = this.CONSUME(T.Duration) as ScannedToken;
          if (this.RECORDING_PHASE) return;
          const d = duration.payload as { amount: number; unit: A.TimeUnit } | undefined;
          if (d !== undefined) shifts.push({ sign: sign.tokenType === T.Minus ? -1 : 1, amount: d.amount, unit: d.unit });
          if (real(duration)) end = duration;
        });
        if (this.RECORDING_PHASE) return RECORDING;
        const span = { start: base.startOffset, end: end.startOffset + end.image.length };
        const anchor: A.TimeAnchor | undefined =
          base.tokenType === T.NowKw
            ? { kind: "now" }
            : base.tokenType === T.TodayKw
              ? { kind: "today" }
              : typeof base.payload === "number"
                ? { kind: "instant", epochMs: base.payload }
                : undefined;
        return anchor === undefined ? { kind: "invalid", span } : { kind: "time", anchor, shifts, span };
      },
    },
  ];

  /** A direction, also after a comma: the API's own `rank,desc`. The comma belongs to the sort rule
   * only when a direction follows it (one token more of lookahead, here alone). */
  #direction = {
    GATE: () => this.LA(1).tokenType !== T.Comma || tokenMatcher(this.LA(2), T.Direction),
    DEF: () => {
      this.OPTION2(() => this.CONSUME(T.Comma));
      return this.CONSUME(T.Direction);
    },
  };

  // order_by = sort_rule , { "," , sort_rule } ;
  orderBy = this.RULE("orderBy", (): A.OrderByNode => {
    const rules: A.SortRuleNode[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const rule = this.SUBRULE(this.sortRule);
        if (!this.RECORDING_PHASE && rule !== undefined) rules.push(rule);
      },
    });
    if (this.RECORDING_PHASE) return RECORDING;
    return {
      kind: "orderBy",
      rules,
      span: rules.length === 0 ? { start: 0, end: 0 } : cover(rules[0]!.span, rules[rules.length - 1]!.span),
    };
  });

  // sort_rule = field , [ [ "," ] , ( "asc" | "desc" ) ] ;
  sortRule = this.RULE("sortRule", (): A.SortRuleNode | undefined => {
    const t = this.CONSUME(T.FieldName);
    const dir = this.OPTION(this.#direction);
    if (this.RECORDING_PHASE) return RECORDING;
    const f = fieldNode(t);
    if (f === undefined) return undefined;
    const explicit = real(dir);
    return {
      kind: "sort",
      field: f,
      direction: explicit && dir.tokenType === T.DescKw ? "desc" : "asc",
      explicit,
      span: explicit ? cover(f.span, spanOf(dir)) : f.span,
    };
  });
}

/** The field a FieldName token names; undefined for a token inserted by error recovery. */
function fieldNode(t: IToken): A.FieldNode | undefined {
  if (!real(t)) return undefined;
  const payload = t.payload;
  return { kind: "field", path: typeof payload === "string" ? payload : t.image, quoted: t.tokenType !== T.FieldPath, span: spanOf(t) };
}

function chain(op: A.Connective, operands: A.Expr[]): A.Expr {
  return { kind: "chain", op, operands, span: { start: operands[0]!.span.start, end: operands[operands.length - 1]!.span.end } };
}

let instance: DfsqParser | undefined;

/** The one parser instance, built on first use (`performSelfAnalysis` is the costly part). */
export function parser(tokens: IToken[]): DfsqParser {
  instance ??= new DfsqParser();
  instance.input = tokens;
  return instance;
}
