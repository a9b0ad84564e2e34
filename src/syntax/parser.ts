import { CstParser, type IToken } from "chevrotain";
import { parserErrorMessages } from "./parse-errors.js";
import * as T from "./tokens.js";

/*
 * The grammar, as a pure Chevrotain parser: rules only, no semantic checks; `build-ast.ts` turns
 * the CST into the AST. Each rule carries its production from grammar/dfsq.ebnf.
 */
export class DfsqCstParser extends CstParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 2,
      errorMessageProvider: parserErrorMessages,
    });
    this.performSelfAnalysis();
  }

  // filter = or_expr ;
  filter = this.RULE("filter", () => {
    this.SUBRULE(this.orExpr);
  });

  // or_expr = and_expr , { or_op , and_expr } ;
  orExpr = this.RULE("orExpr", () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.OrOp);
      this.SUBRULE2(this.andExpr);
    });
  });

  // and_expr = not_expr , { and_op , not_expr } ;
  andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.AndOp);
      this.SUBRULE2(this.notExpr);
    });
  });

  // not_expr = not_op , not_expr | primary ;
  notExpr = this.RULE("notExpr", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.NotOp);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  // primary = "(" , or_expr , ")" | condition ;
  primary = this.RULE("primary", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.orExpr);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.condition) },
    ]);
  });

  // condition = field , [ predicate ] ;
  condition = this.RULE("condition", () => {
    this.SUBRULE(this.field);
    this.OPTION(() => this.SUBRULE(this.predicate));
  });

  // predicate = compare_op , operand
  //           | [ "not" ] , negatable
  //           | "not_in" , list
  //           | negated_op , value
  //           | "is" , [ "not" ] , "null" ;
  predicate = this.RULE("predicate", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.CompareOp);
          this.SUBRULE(this.operand);
        },
      },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.NotKw));
          this.SUBRULE(this.negatable);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.NotInKw);
          this.SUBRULE(this.list);
        },
      },
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.NotLikeKw) },
            { ALT: () => this.CONSUME(T.NotIlikeKw) },
            { ALT: () => this.CONSUME(T.NotRegexKw) },
            { ALT: () => this.CONSUME(T.NotMatchKw) },
            { ALT: () => this.CONSUME(T.HasNotKw) },
            { ALT: () => this.CONSUME(T.NotTilde) },
            { ALT: () => this.CONSUME(T.Tilde) },
          ]);
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.IsKw);
          this.OPTION2(() => this.CONSUME2(T.NotKw));
          this.CONSUME(T.NullKw);
        },
      },
    ]);
  });

  // negatable = "in" , list
  //           | ( "like" | "ilike" | "regex" | "match" | "has" ) , value
  //           | "between" , value , "and" , value ;
  negatable = this.RULE("negatable", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.InKw);
          this.SUBRULE(this.list);
        },
      },
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.LikeKw) },
            { ALT: () => this.CONSUME(T.IlikeKw) },
            { ALT: () => this.CONSUME(T.RegexKw) },
            { ALT: () => this.CONSUME(T.MatchKw) },
            { ALT: () => this.CONSUME(T.HasKw) },
          ]);
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.BetweenKw);
          this.SUBRULE2(this.value);
          this.CONSUME(T.AndKw);
          this.SUBRULE3(this.value);
        },
      },
    ]);
  });

  // operand = value | field ;
  operand = this.RULE("operand", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.value) }, { ALT: () => this.SUBRULE(this.field) }]);
  });

  // list = "(" , [ value , { "," , value } ] , ")"
  //      | "[" , [ value , { "," , value } ] , "]" ;
  list = this.RULE("list", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.value) });
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.MANY_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.value) });
          this.CONSUME(T.RBracket);
        },
      },
    ]);
  });

  // value = string | [ "-" ] , number | "true" | "false" | "null" | time ;
  value = this.RULE("value", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral) },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Minus));
          this.CONSUME(T.NumberLiteral);
        },
      },
      { ALT: () => this.CONSUME(T.TrueKw) },
      { ALT: () => this.CONSUME(T.FalseKw) },
      { ALT: () => this.CONSUME(T.NullKw) },
      { ALT: () => this.SUBRULE(this.time) },
    ]);
  });

  // time = ( date | "now" | "today" ) , { ( "+" | "-" ) , duration } ;
  time = this.RULE("time", () => {
    this.CONSUME(T.TimeBase);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.CONSUME(T.Duration);
    });
  });

  // field = field_path | quoted_field ;   (one token: FieldName)
  field = this.RULE("field", () => {
    this.CONSUME(T.FieldName);
  });

  // order_by = sort_rule , { "," , sort_rule } ;
  orderBy = this.RULE("orderBy", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.sortRule) });
  });

  // sort_rule = field , [ "asc" | "desc" ] ;
  sortRule = this.RULE("sortRule", () => {
    this.SUBRULE(this.field);
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(T.AscKw) }, { ALT: () => this.CONSUME(T.DescKw) }]);
    });
  });
}

let instance: DfsqCstParser | undefined;

/** The one parser instance, built on first use (`performSelfAnalysis` is the costly part). */
export function cstParser(tokens: IToken[]): DfsqCstParser {
  instance ??= new DfsqCstParser();
  instance.input = tokens;
  return instance;
}
