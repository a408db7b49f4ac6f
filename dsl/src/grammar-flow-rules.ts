// The grammar, part 6b: the flow settings on when a person enters and leaves: date triggers
// (`trigger 30 days before person.extra.contract_end`, `trigger yearly on person.extra.birthday`),
// `exit when <condition> [then leave { … }]` and `restart after <n> days`.
import type { IOrAlt, IToken } from 'chevrotain';
import { DATE_TRIGGER_ENTITIES, type DateTriggerEntity, type FlowSetting, type FlowTrigger, type Loc } from './ast.js';
import { isReal, type BuildContext } from './build-context.js';
import { pathOf, wholeNumber, withLeaveActions, type LeaveBlock, type PathParts } from './build-parts.js';
import type { stepGrammar } from './grammar-steps.js';
import { Identifier, K, NumberLiteral } from './tokens.js';

export function flowRulesGrammar(Base: ReturnType<typeof stepGrammar>) {
  return class FlowRulesGrammar extends Base {
    exitSetting = this.RULE('exitSetting', (): FlowSetting => {
      this.CONSUME(K.exit);
      this.CONSUME(K.when);
      const condition = this.SUBRULE(this.condition);
      const block = this.OPTION(() => {
        this.CONSUME(K.then);
        this.CONSUME(K.leave);
        return this.OPTION2(() => this.SUBRULE(this.leaveBlock));
      });
      return this.ACTION(() => withLeaveActions(this.ctx, block as LeaveBlock | undefined, { kind: 'exit' as const, condition }));
    });

    /** `when limited skip|defer`: `limited` and `defer` are words of this line only, not keywords. */
    whenLimitedSetting = this.RULE('whenLimitedSetting', (): FlowSetting => {
      this.CONSUME(K.when);
      const limited = this.CONSUME(Identifier);
      const action = this.OR<IOrAlt<IToken>[]>(this.alts.whenLimited ??= [
        { ALT: () => this.CONSUME(K.skip) },
        { ALT: () => this.CONSUME2(Identifier) },
      ]);
      return this.ACTION(() => {
        expectWord(this.ctx, limited, 'limited', 'when');
        if (action.tokenType !== K.skip) expectWord(this.ctx, action, 'defer', 'limited', "'skip'");
        return { kind: 'when_limited', action: action.tokenType === K.skip ? 'skip' : 'defer' };
      });
    });

    restartSetting = this.RULE('restartSetting', (): FlowSetting => {
      this.OPTION(() => this.CONSUME(K.may));
      this.CONSUME(K.restart);
      this.CONSUME(K.after);
      const amount = this.CONSUME(NumberLiteral);
      this.CONSUME(K.days);
      return this.ACTION(() => ({ kind: 'restart', afterDays: wholeNumber(this.ctx, amount, 'days') }));
    });

    /** After `trigger`: `<n> days|workdays before|after <record>.<date field>` or `yearly on person.<date field>`. */
    dateTrigger = this.RULE('dateTrigger', (): FlowTrigger => this.OR<IOrAlt<FlowTrigger>[]>(this.alts.dateTrigger ??= [
      {
        ALT: () => {
          const amount = this.CONSUME(NumberLiteral);
          const unit = this.OR2(this.alts.dateTrigger2 ??= this.tokenAlternatives([K.days, K.workdays]));
          const direction = this.OR3(this.alts.dateTrigger3 ??= [{ ALT: () => this.CONSUME(K.before) }, { ALT: () => this.CONSUME(K.after) }]);
          const path = this.SUBRULE(this.fieldPath);
          return this.ACTION(() => {
            const { entity, field } = dateFieldOf(this.ctx, path, DATE_TRIGGER_ENTITIES);
            return {
              kind: 'date', amount: wholeNumber(this.ctx, amount, 'days'), unit: unit.tokenType === K.workdays ? 'workdays' : 'days',
              direction: direction.tokenType === K.before ? 'before' : 'after', entity, field,
            };
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.yearly);
          this.CONSUME(K.on);
          const path = this.SUBRULE2(this.fieldPath);
          return this.ACTION(() => ({ kind: 'yearly', entity: 'person', field: dateFieldOf(this.ctx, path, ['person']).field }));
        },
      },
    ]));
  };
}

/** `sale.date` → the record and its field; a record that has no such trigger is reported. */
function dateFieldOf<E extends DateTriggerEntity>(ctx: BuildContext, path: PathParts, allowed: readonly E[]): { entity: E; field: string } {
  const full = pathOf(path);
  const dot = full.indexOf('.');
  const head = dot < 0 ? full : full.slice(0, dot);
  const field = dot < 0 ? '' : full.slice(dot + 1);
  const entity = allowed.find((name) => name === head);
  if (!entity && head) dateRecordError(ctx, path.loc, head, allowed);
  return { entity: entity ?? allowed[0]!, field };
}

function dateRecordError(ctx: BuildContext, loc: Loc | undefined, name: string, allowed: readonly string[]): void {
  ctx.error(loc, 'unknown-record-type', { name, expected: allowed.join(', ') });
}

/** A word of one line that is not a keyword (`limited` in `when limited`): anything else is an error at it. */
function expectWord(ctx: BuildContext, token: IToken, word: string, after: string, ...others: string[]): void {
  if (!isReal(token) || token.image === word) return;
  ctx.error(ctx.token(token), 'unexpected-token', { expected: [`'${word}'`, ...others], after, found: token.image });
}
