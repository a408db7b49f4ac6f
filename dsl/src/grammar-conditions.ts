// The grammar, part 2: conditions. `not` binds tighter than `and`, and `and` tighter than `or`.
import type { IOrAlt } from 'chevrotain';
import type { ChangeValues, CompareOperator, Condition, Loc, Value } from './ast.js';
import { MAX_NESTING } from './build-context.js';
import { pathOf, withChange } from './build-parts.js';
import type { valueGrammar } from './grammar-values.js';
import {
  Comma, Dot, Equals, Greater, GreaterOrEqual, K, LBracket, Less, LessOrEqual, LParen, NotEqual, RBracket, RParen,
} from './tokens.js';

const COMPARE_TOKENS: Record<string, CompareOperator> = {
  Equals: '=', NotEqual: '!=', Less: '<', LessOrEqual: '<=', Greater: '>', GreaterOrEqual: '>=',
};

/** What follows the field of a comparison. */
type Test =
  | { kind: 'compare'; operator: CompareOperator; value: Value }
  | { kind: 'in'; values: Value[] }
  | { kind: 'contains'; value: Value }
  | { kind: 'empty'; negated: boolean }
  | { kind: 'changed'; change: ChangeValues };

const emptyOr = (): Condition => ({ kind: 'or', operands: [] });
const placeholderCondition = (): Condition => ({ kind: 'empty', field: 'person.email', negated: false });

export function conditionGrammar(Base: ReturnType<typeof valueGrammar>) {
  return class ConditionGrammar extends Base {
    /** How deep the condition being read nests: its enclosing `not`s and parentheses. */
    private conditionDepth = 0;

    condition = this.RULE('condition', (): Condition => {
      const first = this.LA(1);
      const operands = [this.SUBRULE(this.andCondition)];
      this.MANY(() => { this.CONSUME(K.or); operands.push(this.SUBRULE2(this.andCondition)); });
      return this.ACTION(() => (operands.length === 1 ? operands[0]! : { kind: 'or', operands, loc: this.locFrom(first) }));
    }, { recoveryValueFunc: emptyOr });

    andCondition = this.RULE('andCondition', (): Condition => {
      const first = this.LA(1);
      const operands = [this.SUBRULE(this.notCondition)];
      this.MANY(() => { this.CONSUME(K.and); operands.push(this.SUBRULE2(this.notCondition)); });
      return this.ACTION(() => (operands.length === 1 ? operands[0]! : { kind: 'and', operands, loc: this.locFrom(first) }));
    }, { recoveryValueFunc: (): Condition => ({ kind: 'and', operands: [] }) });

    // `not` repeats in a loop rather than by recursion, so a long chain cannot overflow the stack.
    notCondition = this.RULE('notCondition', (): Condition => {
      const first = this.LA(1);
      let nots = 0;
      // `not.x` would be a field of a record named `not`: only a `not` without a dot negates.
      this.MANY({ GATE: () => this.LA(2).tokenType !== Dot, DEF: () => { this.CONSUME(K.not); nots++; } });
      const outer = this.conditionDepth;
      const inner = outer + nots + (this.LA(1).tokenType === LParen ? 1 : 0);
      // Too deep: the text is still read, but only the outermost such condition reports, and what
      // it holds is neither built nor checked.
      const tooDeep = inner > MAX_NESTING;
      const outermost = tooDeep && outer <= MAX_NESTING;
      this.conditionDepth = inner;
      if (outermost) this.ctx.muted++;
      let condition: Condition;
      try {
        condition = this.OR<IOrAlt<Condition>[]>(this.alts.notCondition ??= [
          {
            ALT: () => {
              this.CONSUME(LParen);
              const grouped = this.SUBRULE(this.condition);
              this.CONSUME(RParen);
              return grouped;
            },
          },
          { ALT: () => this.SUBRULE(this.comparison) },
        ]);
      } finally {
        this.conditionDepth = outer;
        if (outermost) this.ctx.muted--;
      }
      return this.ACTION(() => {
        if (tooDeep) {
          if (outermost) this.ctx.error(this.locFrom(first), 'too-deep-condition', { max: MAX_NESTING });
          return placeholderCondition();
        }
        if (nots === 0) return condition;
        const loc = this.locFrom(first);
        for (let i = 0; i < nots; i++) condition = { kind: 'not', operand: condition, loc };
        return condition;
      });
    }, { recoveryValueFunc: emptyOr });

    comparison = this.RULE('comparison', (): Condition => {
      const first = this.LA(1);
      const path = this.SUBRULE(this.fieldPath);
      const test = this.OR<IOrAlt<Test>[]>(this.alts.comparison ??= [
        {
          ALT: () => {
            const operator = this.OR2(this.alts.comparison2 ??= this.tokenAlternatives([Equals, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual]));
            const value = this.SUBRULE(this.value);
            return this.ACTION(() => ({ kind: 'compare', operator: COMPARE_TOKENS[operator.tokenType.name]!, value }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.in);
            this.CONSUME(LBracket);
            const values: Value[] = [];
            this.OPTION(() => {
              values.push(this.SUBRULE2(this.value));
              this.MANY(() => { this.CONSUME(Comma); values.push(this.SUBRULE3(this.value)); });
            });
            this.CONSUME(RBracket);
            return this.ACTION(() => ({ kind: 'in', values }));
          },
        },
        { ALT: () => { this.CONSUME(K.contains); const value = this.SUBRULE4(this.value); return this.ACTION(() => ({ kind: 'contains', value })); } },
        {
          ALT: () => {
            this.CONSUME(K.is);
            const not = this.OPTION2(() => this.CONSUME(K.not));
            this.CONSUME(K.empty);
            return this.ACTION(() => ({ kind: 'empty', negated: not !== undefined }));
          },
        },
        { ALT: () => { const change = this.SUBRULE(this.changeValues); return this.ACTION(() => ({ kind: 'changed', change })); } },
      ]);
      return this.ACTION(() => comparisonOf(test, pathOf(path), this.locFrom(first), { field: path.loc }));
    }, { recoveryValueFunc: emptyOr });
  };
}

function comparisonOf(test: Test, field: string, loc: Loc | undefined, locs: { field: Loc | undefined }): Condition {
  switch (test.kind) {
    case 'compare': return { kind: 'compare', field, operator: test.operator, value: test.value, loc, locs };
    case 'in': return { kind: 'in', field, values: test.values, loc, locs };
    case 'contains': return { kind: 'contains', field, value: test.value, loc, locs };
    case 'empty': return { kind: 'empty', field, negated: test.negated, loc, locs };
    case 'changed': {
      const changed: Condition = { kind: 'changed', field };
      withChange(changed, test.change);
      changed.loc = loc;
      changed.locs = locs as Partial<Record<string, Loc>>;
      return changed;
    }
  }
}
