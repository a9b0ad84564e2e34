import { EmbeddedActionsParser, type IOrAlt, type IRecognitionException, type IToken } from "chevrotain";
import type { Span } from "../diagnostics/diagnostic.js";
import type * as A from "./ast.js";
import type { ScannedToken } from "./lexer.js";
import { parserErrorMessages } from "./parse-errors.js";
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

const COMPARE: ReadonlyMap<T.TokenTypeLike, A.Operator> = new Map([
  [T.Eq, "="],
  [T.NotEq, "<>"],
  [T.Lt, "<"],
  [T.Le, "<="],
  [T.Gt, ">"],
  [T.Ge, ">="],
] as const);
const NEGATED: ReadonlyMap<T.TokenTypeLike, A.Operator> = new Map([
  [T.NotLikeKw, "not_like"],
  [T.NotIlikeKw, "not_ilike"],
  [T.NotRegexKw, "not_regex"],
  [T.NotMatchKw, "not_match"],
  [T.HasNotKw, "has_not"],
  [T.NotTilde, "not_regex"],
  [T.Tilde, "regex"],
] as const);
const POSITIVE: ReadonlyMap<T.TokenTypeLike, readonly [A.Operator, A.Operator]> = new Map([
  [T.LikeKw, ["like", "not_like"]],
  [T.IlikeKw, ["ilike", "not_ilike"]],
  [T.RegexKw, ["regex", "not_regex"]],
  [T.MatchKw, ["match", "not_match"]],
  [T.HasKw, ["has", "has_not"]],
] as const);

/** A parsed predicate, waiting for its field. */
type Predicate = (field: A.FieldNode) => A.Expr;

export class DfsqParser extends EmbeddedActionsParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      // Every choice in the grammar is decided by the next token: LL(1) keeps the analysis small.
      maxLookahead: 1,
      errorMessageProvider: parserErrorMessages,
      // The grammar is fixed and covered by tests; validating it at every start-up costs time.
      skipValidations: true,
    });
    this.performSelfAnalysis();
  }

  // filter = or_expr ;
  filter = this.RULE("filter", (): A.Expr => this.SUBRULE(this.orExpr), { recoveryValueFunc: invalidExpr });

  // or_expr = and_expr , { or_op , and_expr } ;
  orExpr = this.RULE(
    "orExpr",
    (): A.Expr => {
      const operands = [this.SUBRULE(this.andExpr)];
      this.MANY(() => {
        this.CONSUME(T.OrOp);
        operands.push(this.SUBRULE2(this.andExpr));
      });
      return this.ACTION(() => chain("or", operands));
    },
    { recoveryValueFunc: invalidExpr },
  );

  // and_expr = not_expr , { and_op , not_expr } ;
  andExpr = this.RULE(
    "andExpr",
    (): A.Expr => {
      const operands = [this.SUBRULE(this.notExpr)];
      this.MANY(() => {
        this.CONSUME(T.AndOp);
        operands.push(this.SUBRULE2(this.notExpr));
      });
      return this.ACTION(() => chain("and", operands));
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
        return this.ACTION((): A.Expr => ({ kind: "not", operand, span: real(op) ? cover(spanOf(op), operand.span) : operand.span }));
      },
    },
    {
      ALT: () => {
        const open = this.CONSUME(T.LParen);
        const inner = this.SUBRULE(this.orExpr);
        const close = this.CONSUME(T.RParen);
        // The group's span includes its parentheses, so editors can point at the whole group.
        return this.ACTION(() => ({ ...inner, span: cover(real(open) ? spanOf(open) : inner.span, real(close) ? spanOf(close) : inner.span) }));
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
      const predicate = this.OPTION(() => this.OR(this.#predicateAlts));
      return this.ACTION((): A.Expr => {
        const f = fieldNode(fieldToken);
        if (f === undefined) return { kind: "invalid", span: gap(fieldToken, this.LA(0)) };
        return predicate === undefined ? { kind: "bare", field: f, span: f.span } : predicate(f);
      });
    },
    { recoveryValueFunc: invalidExpr },
  );
  #predicateAlts: IOrAlt<Predicate>[] = [
    {
      ALT: () => {
        const op = this.CONSUME(T.CompareOp);
        const right = this.OR2(this.#operandAlts);
        return this.ACTION(() => (f: A.FieldNode) => condition(f, COMPARE.get(op.tokenType) ?? "=", spanOf(op), right));
      },
    },
    {
      ALT: () => {
        const not = this.OPTION2(() => this.CONSUME(T.NotKw));
        const negatable = this.OR3(this.#negatableAlts);
        return this.ACTION(() => (f: A.FieldNode) => negatable(f, real(not) ? spanOf(not) : undefined));
      },
    },
    {
      ALT: () => {
        const op = this.CONSUME(T.NotInKw);
        const items = this.SUBRULE(this.list);
        return this.ACTION(() => (f: A.FieldNode) => condition(f, "not_in", spanOf(op), items));
      },
    },
    {
      ALT: () => {
        const op = this.CONSUME(T.NegatedOp);
        const v = this.SUBRULE(this.value);
        return this.ACTION(() => (f: A.FieldNode) => condition(f, NEGATED.get(op.tokenType) ?? "not_like", spanOf(op), v));
      },
    },
    {
      ALT: () => {
        const is = this.CONSUME(T.IsKw);
        const not = this.OPTION3(() => this.CONSUME2(T.NotKw));
        const nul = this.CONSUME(T.NullKw);
        return this.ACTION(() => (f: A.FieldNode) => {
          const opSpan = cover(spanOf(is), real(nul) ? spanOf(nul) : spanOf(is));
          const right: A.Operand = real(nul) ? { kind: "null", span: spanOf(nul) } : { kind: "invalid", span: { start: opSpan.end, end: opSpan.end } };
          return condition(f, not === undefined ? "=" : "<>", opSpan, right);
        });
      },
    },
  ];
  /** Right of a comparison: a value, or a field (a field reference). */
  #operandAlts: IOrAlt<A.Operand>[] = [
    { ALT: () => this.SUBRULE2(this.value) },
    {
      ALT: () => {
        const t = this.CONSUME2(T.FieldName);
        return this.ACTION((): A.Operand => fieldNode(t) ?? { kind: "invalid", span: gap(t, this.LA(0)) });
      },
    },
  ];
  #negatableAlts: IOrAlt<(f: A.FieldNode, not: Span | undefined) => A.Expr>[] = [
    {
      ALT: () => {
        const op = this.CONSUME(T.InKw);
        const items = this.SUBRULE2(this.list);
        return this.ACTION(() => (f: A.FieldNode, not: Span | undefined) =>
          condition(f, not === undefined ? "in" : "not_in", withNot(spanOf(op), not), items));
      },
    },
    {
      ALT: () => {
        const op = this.CONSUME(T.PatternOp);
        const v = this.SUBRULE3(this.value);
        return this.ACTION(() => (f: A.FieldNode, not: Span | undefined) => {
          const ops = POSITIVE.get(op.tokenType) ?? ["like", "not_like"];
          return condition(f, not === undefined ? ops[0] : ops[1], withNot(spanOf(op), not), v);
        });
      },
    },
    {
      ALT: () => {
        const op = this.CONSUME(T.BetweenKw);
        const low = this.SUBRULE4(this.value);
        this.CONSUME(T.AndKw);
        const high = this.SUBRULE5(this.value);
        return this.ACTION(() => (f: A.FieldNode, not: Span | undefined): A.Expr => ({
          kind: "between",
          field: f,
          negated: not !== undefined,
          low,
          high,
          span: cover(f.span, cover(withNot(spanOf(op), not), high.span)),
        }));
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
    return this.ACTION(() => {
      const start = real(first) ? first.startOffset : (items[0]?.span.start ?? 0);
      const end = real(last) ? spanOf(last).end : (items[items.length - 1]?.span.end ?? start + 1);
      return { kind: "list", items, span: { start, end } };
    });
  }

  // value = string | [ "-" ] , number | "true" | "false" | "null"
  //       | ( date | "now" | "today" ) , { ( "+" | "-" ) , duration } ;
  value = this.RULE("value", (): A.Value => this.OR(this.#valueAlts), { recoveryValueFunc: invalidValue });
  #valueAlts: IOrAlt<A.Value>[] = [
    {
      ALT: () => {
        const t = this.CONSUME(T.StringLiteral) as ScannedToken;
        return this.ACTION((): A.Value =>
          typeof t.payload === "string" ? { kind: "string", value: t.payload, span: spanOf(t) } : { kind: "invalid", span: spanOf(t) },
        );
      },
    },
    {
      ALT: () => {
        const minus = this.OPTION(() => this.CONSUME(T.Minus));
        const t = this.CONSUME(T.NumberLiteral) as ScannedToken;
        return this.ACTION((): A.Value => {
          const span = real(minus) ? cover(spanOf(minus), spanOf(t)) : spanOf(t);
          if (typeof t.payload !== "number") return { kind: "invalid", span };
          return { kind: "number", value: minus === undefined ? t.payload : -t.payload, span };
        });
      },
    },
    {
      ALT: () => {
        const t = this.CONSUME(T.WordLiteral);
        return this.ACTION((): A.Value =>
          t.tokenType === T.NullKw ? { kind: "null", span: spanOf(t) } : { kind: "boolean", value: t.tokenType === T.TrueKw, span: spanOf(t) },
        );
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
          this.ACTION(() => {
            const d = duration.payload as { amount: number; unit: A.TimeUnit } | undefined;
            if (d !== undefined) shifts.push({ sign: sign.tokenType === T.Minus ? -1 : 1, amount: d.amount, unit: d.unit });
            if (real(duration)) end = duration;
          });
        });
        return this.ACTION((): A.Value => {
          const span = cover(spanOf(base), spanOf(end));
          const anchor: A.TimeAnchor | undefined =
            base.tokenType === T.NowKw
              ? { kind: "now" }
              : base.tokenType === T.TodayKw
                ? { kind: "today" }
                : typeof base.payload === "number"
                  ? { kind: "instant", epochMs: base.payload }
                  : undefined;
          return anchor === undefined ? { kind: "invalid", span } : { kind: "time", anchor, shifts, span };
        });
      },
    },
  ];

  // order_by = sort_rule , { "," , sort_rule } ;
  orderBy = this.RULE("orderBy", (): A.OrderByNode => {
    const rules: A.SortRuleNode[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const rule = this.SUBRULE(this.sortRule);
        this.ACTION(() => {
          if (rule !== undefined) rules.push(rule);
        });
      },
    });
    return this.ACTION(() => ({
      kind: "orderBy",
      rules,
      span: rules.length === 0 ? { start: 0, end: 0 } : cover(rules[0]!.span, rules[rules.length - 1]!.span),
    }));
  });

  // sort_rule = field , [ "asc" | "desc" ] ;
  sortRule = this.RULE("sortRule", (): A.SortRuleNode | undefined => {
    const t = this.CONSUME(T.FieldName);
    const dir = this.OPTION(() => this.CONSUME(T.Direction));
    return this.ACTION(() => {
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
  });
}

/** The field a FieldName token names; undefined for a token inserted by error recovery. */
function fieldNode(t: IToken): A.FieldNode | undefined {
  if (!real(t)) return undefined;
  const payload = t.payload;
  return { kind: "field", path: typeof payload === "string" ? payload : t.image, quoted: t.tokenType !== T.FieldPath, span: spanOf(t) };
}

function chain(op: A.Connective, operands: A.Expr[]): A.Expr {
  if (operands.length === 1) return operands[0]!;
  return { kind: "chain", op, operands, span: cover(operands[0]!.span, operands[operands.length - 1]!.span) };
}

function condition(f: A.FieldNode, op: A.Operator, opSpan: Span, right: A.Operand): A.ConditionNode {
  return { kind: "condition", field: f, op, operand: right, opSpan, span: cover(f.span, cover(opSpan, right.span)) };
}

function withNot(span: Span, not: Span | undefined): Span {
  return not === undefined ? span : cover(not, span);
}

let instance: DfsqParser | undefined;

/** The one parser instance, built on first use (`performSelfAnalysis` is the costly part). */
export function parser(tokens: IToken[]): DfsqParser {
  instance ??= new DfsqParser();
  instance.input = tokens;
  return instance;
}
