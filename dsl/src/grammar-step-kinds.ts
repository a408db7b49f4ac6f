// The grammar, part 5: the flow steps that hold no other steps (wait and split are in grammar-steps.ts).
import type { IOrAlt, IToken } from 'chevrotain';
import type {
  CompleteAction, CompleteStep, DistributeStep, LeaveStep, MembershipStep, NotifyEmailStep, NotifySmsStep,
  RunScriptStep, UpdateOperation, UpdatePersonStep, Value,
} from './ast.js';
import { text, withPart } from './build-context.js';
import { numberOf, pathOf, withLeaveActions, type NumberParts, type PathParts } from './build-parts.js';
import { distributeOf, notifyOf, runScriptOf, type DistributeOption, type NotifySetting, type ScriptLimit } from './build-steps.js';
import type { createGrammar } from './grammar-create.js';
import { defined } from './grammar-send.js';
import { untripleQuote } from './strings.js';
import {
  Comma, Equals, K, LCurly, NumberLiteral, RCurly, StringLiteral, TripleString, UnterminatedTripleString,
} from './tokens.js';

export function stepKindGrammar(Base: ReturnType<typeof createGrammar>) {
  return class StepKindGrammar extends Base {
    private operation(first: IToken, kind: UpdateOperation['kind'], path: PathParts, value: Value | undefined, by?: NumberParts): UpdateOperation {
      // Fields are the person's own, so a leading `person.` adds nothing.
      const full = pathOf(path);
      const field = full.startsWith('person.') ? full.slice('person.'.length) : full;
      const built: UpdateOperation = kind === 'increase' ? { kind, field, by: numberOf(this.ctx, by) }
        : kind === 'clear' ? { kind, field } : { kind, field, value: value ?? '' };
      built.loc = this.locFrom(first);
      return withPart(built, 'field', path.loc);
    }

    updatePersonStep = this.RULE('updatePersonStep', (): UpdatePersonStep => {
      this.CONSUME(K.update);
      this.CONSUME(K.person);
      const open = this.CONSUME(LCurly);
      const operations: (UpdateOperation | undefined)[] = [];
      this.MANY(() => operations.push(this.SUBRULE(this.updateOperation)));
      const close = this.CONSUME(RCurly);
      return this.ACTION(() => {
        const step: UpdatePersonStep = { kind: 'update_person', operations: defined(operations) };
        this.ctx.scope(open, close, step, step.operations);
        return step;
      });
    });

    // Each alternative notes its first token itself: the alternatives are shared by every call.
    updateOperation = this.RULE('updateOperation', (): UpdateOperation => this.OR<IOrAlt<UpdateOperation>[]>(this.alts.updateOperation ??= [
      {
        ALT: () => {
          const first = this.LA(1);
          this.CONSUME(K.set);
          const path = this.SUBRULE(this.path);
          this.CONSUME(Equals);
          const value = this.SUBRULE(this.value);
          return this.ACTION(() => this.operation(first, 'set', path, value));
        },
      },
      {
        ALT: () => {
          const first = this.LA(1);
          this.CONSUME(K.clear);
          const path = this.SUBRULE2(this.path);
          return this.ACTION(() => this.operation(first, 'clear', path, undefined));
        },
      },
      {
        ALT: () => {
          const first = this.LA(1);
          this.CONSUME(K.add);
          const path = this.SUBRULE3(this.path);
          const value = this.SUBRULE2(this.value);
          return this.ACTION(() => this.operation(first, 'add', path, value));
        },
      },
      {
        ALT: () => {
          const first = this.LA(1);
          this.CONSUME(K.remove);
          const path = this.SUBRULE4(this.path);
          const value = this.SUBRULE3(this.value);
          return this.ACTION(() => this.operation(first, 'remove', path, value));
        },
      },
      {
        ALT: () => {
          const first = this.LA(1);
          this.CONSUME(K.increase);
          const path = this.SUBRULE5(this.path);
          this.CONSUME(K.by);
          const by = this.SUBRULE(this.numberValue);
          return this.ACTION(() => this.operation(first, 'increase', path, undefined, by));
        },
      },
    ]));

    membershipStep = this.RULE('membershipStep', (): MembershipStep => {
      const change = this.OR<IOrAlt<MembershipStep['change']>[]>(this.alts.membershipStep ??= [
        { ALT: () => { this.CONSUME(K.add); this.CONSUME(K.to); return 'add'; } },
        { ALT: () => { this.CONSUME(K.remove); this.CONSUME(K.from); return 'remove'; } },
      ]);
      const target = this.OR2<IOrAlt<MembershipStep['target']>[]>(this.alts.membershipStep2 ??= [
        { ALT: () => { this.CONSUME(K.selection); return 'selection'; } },
        { ALT: () => { this.CONSUME(K.project); return 'project'; } },
      ]);
      const name = this.CONSUME(StringLiteral);
      return this.ACTION(() => withPart({ kind: 'membership', change, target, name: text(name) }, 'name', this.ctx.token(name)));
    });

    distributeStep = this.RULE('distributeStep', (): DistributeStep => {
      const first = this.LA(1);
      this.CONSUME(K.distribute);
      this.CONSUME(K.to);
      this.CONSUME(K.owner);
      const options: DistributeOption[] = [];
      this.MANY(() => options.push(this.OR<IOrAlt<DistributeOption>[]>(this.alts.distributeStep ??= [
        {
          ALT: () => {
            const keyword = this.CONSUME(K.among);
            const strings = [this.CONSUME(StringLiteral)];
            this.MANY2(() => { this.CONSUME(Comma); strings.push(this.CONSUME2(StringLiteral)); });
            return this.ACTION(() => ({ keyword: 'among', keywordLoc: this.ctx.token(keyword), strings }));
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(K.group);
            const name = this.CONSUME3(StringLiteral);
            return this.ACTION(() => ({ keyword: 'group', keywordLoc: this.ctx.token(keyword), strings: [name] }));
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(K.fallback);
            const name = this.CONSUME4(StringLiteral);
            return this.ACTION(() => ({ keyword: 'fallback', keywordLoc: this.ctx.token(keyword), strings: [name] }));
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(K.if);
            this.CONSUME(K.unassigned);
            return this.ACTION(() => ({ keyword: 'if_unassigned', keywordLoc: this.ctx.token(keyword), strings: [] }));
          },
        },
      ])));
      return this.ACTION(() => distributeOf(this.ctx, options, this.locFrom(first)));
    });

    runScriptStep = this.RULE('runScriptStep', (): RunScriptStep => {
      this.CONSUME(K.run);
      this.CONSUME(K.script);
      const quoted = this.OR(this.alts.runScriptStep ??= [{ ALT: () => this.CONSUME(TripleString) }, { ALT: () => this.CONSUME(StringLiteral) }]);
      const limits: ScriptLimit[] = [];
      this.MANY(() => limits.push(this.OR2<IOrAlt<ScriptLimit>[]>(this.alts.runScriptStep2 ??= [
        {
          ALT: () => {
            const keyword = this.CONSUME(K.timeout);
            const amount = this.CONSUME(NumberLiteral);
            this.CONSUME(K.ms);
            return this.ACTION(() => ({ keyword: 'timeout', keywordLoc: this.ctx.token(keyword), amount }));
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(K.memory);
            const amount = this.CONSUME2(NumberLiteral);
            this.CONSUME(K.MB);
            return this.ACTION(() => ({ keyword: 'memory', keywordLoc: this.ctx.token(keyword), amount }));
          },
        },
      ])));
      return this.ACTION(() => {
        const triple = quoted.tokenType === TripleString || quoted.tokenType === UnterminatedTripleString;
        const source = triple ? untripleQuote(quoted.image, quoted.tokenType !== UnterminatedTripleString) : text(quoted);
        return runScriptOf(this.ctx, source, this.ctx.token(quoted), limits);
      });
    });

    notifyStep = this.RULE('notifyStep', (): NotifyEmailStep | NotifySmsStep => {
      const first = this.LA(1);
      this.CONSUME(K.notify);
      const channel = this.OR(this.alts.notifyStep ??= [{ ALT: () => this.CONSUME(K.email) }, { ALT: () => this.CONSUME(K.sms) }]);
      const settings: (NotifySetting | undefined)[] = [];
      this.MANY(() => settings.push(this.SUBRULE(this.notifySetting)));
      return this.ACTION(() => notifyOf(this.ctx, channel.tokenType === K.email, defined(settings), this.locFrom(first)));
    });

    notifySetting = this.RULE('notifySetting', (): NotifySetting => this.OR<IOrAlt<NotifySetting>[]>(this.alts.notifySetting ??= [
      { ALT: () => { this.CONSUME(K.to); const party = this.SUBRULE(this.party); return this.ACTION(() => ({ kind: 'to', party })); } },
      {
        ALT: () => {
          this.CONSUME1(K.template);
          const token = this.CONSUME1(StringLiteral);
          return this.ACTION(() => ({ kind: 'template', token }));
        },
      },
      { ALT: () => { this.CONSUME(K.subject); const token = this.CONSUME3(StringLiteral); return this.ACTION(() => ({ kind: 'subject', token })); } },
      { ALT: () => { this.CONSUME(K.from); const token = this.CONSUME4(StringLiteral); return this.ACTION(() => ({ kind: 'from', token })); } },
      { ALT: () => { const token = this.CONSUME2(StringLiteral); return this.ACTION(() => ({ kind: 'text', token })); } },
    ]));

    leaveStep = this.RULE('leaveStep', (): LeaveStep => {
      this.CONSUME(K.leave);
      const block = this.OPTION(() => this.SUBRULE(this.leaveBlock));
      return this.ACTION(() => withLeaveActions(this.ctx, block, { kind: 'leave' } as LeaveStep));
    });

    completeStep = this.RULE('completeStep', (): CompleteStep => {
      this.CONSUME(K.complete);
      const actions: (CompleteAction | undefined)[] = [];
      let open: IToken | undefined;
      let close: IToken | undefined;
      this.OPTION(() => {
        open = this.CONSUME(LCurly);
        this.MANY(() => actions.push(this.SUBRULE(this.completeItem)));
        close = this.CONSUME(RCurly);
      });
      return this.ACTION(() => {
        const step: CompleteStep = { kind: 'complete', actions: defined(actions) };
        this.ctx.scope(open, close, step, step.actions);
        return step;
      });
    });

    completeItem = this.RULE('completeItem', (): CompleteAction => this.OR<IOrAlt<CompleteAction>[]>(this.alts.completeItem ??= [
      {
        ALT: () => {
          const first = this.LA(1);
          this.CONSUME(K.on);
          const outcome = this.OR2<IOrAlt<CompleteAction['outcome']>[]>(this.alts.completeItem2 ??= [
            { ALT: () => { this.CONSUME(K.success); return 'success'; } },
            { ALT: () => { this.CONSUME(K.no_success); return 'no_success'; } },
          ]);
          this.CONSUME(K.move);
          this.CONSUME(K.to);
          this.CONSUME(K.flow);
          const flow = this.CONSUME(StringLiteral);
          return this.ACTION(() => withPart({ kind: 'on_outcome', outcome, flow: text(flow), loc: this.locFrom(first) }, 'flow', this.ctx.token(flow)));
        },
      },
    ]));
  };
}
