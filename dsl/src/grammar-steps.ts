// The grammar, part 6: a step with its label, blocks of steps, `wait`, and `split`, whose branches hold steps.
import type { IOrAlt, IToken } from 'chevrotain';
import type { Branch, Others, SplitStep, Step, WaitEvent } from './ast.js';
import { duplicates, isReal, text, withPart } from './build-context.js';
import { durationOf, withLeaveActions, type LeaveBlock } from './build-parts.js';
import { sendStepOf, waitForOf, withSteps, type StepBlock, type WaitOption } from './build-steps.js';
import { defined } from './grammar-send.js';
import { ALWAYS, withExperiment, type ExperimentClause, type experimentGrammar } from './grammar-experiment.js';
import type { webhookGrammar } from './grammar-webhook.js';
import { Colon, Identifier, K, LCurly, RCurly, StringLiteral } from './tokens.js';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function stepGrammar(Base: ReturnType<typeof experimentGrammar>) {
  return class StepGrammar extends Base {
    step = this.RULE('step', (): Step | undefined => {
      const first = this.LA(1);
      // Only a name followed by ':' is a label; a misspelt keyword then reads as an unknown step.
      const label = this.OPTION({
        GATE: () => this.LA(2).tokenType === Colon,
        DEF: () => { const id = this.CONSUME(Identifier); this.CONSUME(Colon); return id; },
      });
      const step = this.OR<IOrAlt<Step | undefined>[]>(this.alts.step ??= [
        { ALT: () => { const parts = this.SUBRULE(this.sendAction); return this.ACTION(() => sendStepOf(this.ctx, parts)); } },
        { ALT: () => this.SUBRULE(this.updatePersonStep) },
        { ALT: () => this.SUBRULE(this.membershipStep) },
        { ALT: () => this.SUBRULE(this.createStep) },
        { ALT: () => this.SUBRULE(this.distributeStep) },
        { ALT: () => this.SUBRULE(this.runScriptStep) },
        { ALT: () => this.SUBRULE(this.notifyStep) },
        { ALT: () => this.SUBRULE(this.waitStep) },
        { ALT: () => this.SUBRULE(this.splitStep) },
        { ALT: () => this.SUBRULE(this.leaveStep) },
        { ALT: () => this.SUBRULE(this.completeStep) },
        { ALT: () => this.SUBRULE(this.callWebhookStep) },
      ]);
      return this.ACTION(() => {
        if (!step) return undefined; // nothing recognisable: the parser has reported it
        if (isReal(label)) {
          step.id = label.image;
          withPart(step, 'id', this.ctx.token(label));
        }
        step.loc = this.locFrom(first);
        return step;
      });
    });

    waitStep = this.RULE('waitStep', (): Step => {
      this.CONSUME(K.wait);
      return this.OR<IOrAlt<Step>[]>(this.alts.waitStep ??= [
        { ALT: () => { const duration = this.SUBRULE(this.duration); return this.ACTION(() => ({ kind: 'wait', duration: durationOf(this.ctx, duration) })); } },
        {
          ALT: () => {
            this.CONSUME(K.until);
            const token = this.CONSUME(StringLiteral);
            return this.ACTION(() => {
              const until = text(token);
              if (isReal(token) && (!ISO_DATE_TIME.test(until) || Number.isNaN(Date.parse(until)))) {
                this.ctx.error(this.ctx.token(token), 'bad-date-time');
              }
              return withPart({ kind: 'wait_until', until }, 'until', this.ctx.token(token));
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.for);
            const event = this.SUBRULE(this.waitEvent);
            const options: (WaitOption | undefined)[] = [];
            this.MANY(() => options.push(this.SUBRULE(this.waitOption)));
            return this.ACTION(() => waitForOf(this.ctx, event.event, event.reference, defined(options)));
          },
        },
      ]);
    });

    waitEvent = this.RULE('waitEvent', (): { event: WaitEvent; reference?: IToken } => this.OR(this.alts.waitEvent ??= [
      {
        ALT: () => {
          this.CONSUME(K.link);
          this.CONSUME(K.clicked);
          const reference = this.SUBRULE(this.stepReference);
          return this.ACTION(() => ({ event: isReal(reference) ? { kind: 'link_clicked', step: reference.image } : { kind: 'link_clicked' }, reference }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.email);
          this.CONSUME(K.opened);
          const reference = this.SUBRULE2(this.stepReference);
          return this.ACTION(() => ({ event: isReal(reference) ? { kind: 'email_opened', step: reference.image } : { kind: 'email_opened' }, reference }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.form);
          const form = this.CONSUME(StringLiteral);
          this.CONSUME(K.submitted);
          return this.ACTION(() => ({ event: { kind: 'form_submitted', form: text(form) } }));
        },
      },
    ]), { recoveryValueFunc: () => ({ event: { kind: 'link_clicked' as const } }) });

    /** `[in] <label>`, optional; a name followed by `:` is the next step's label, not a reference. */
    stepReference = this.RULE('stepReference', (): IToken | undefined => this.OPTION({
      GATE: () => this.LA(1).tokenType === K.in || this.LA(2).tokenType !== Colon,
      DEF: () => {
        this.OPTION2(() => this.CONSUME(K.in));
        return this.CONSUME(Identifier);
      },
    }));

    waitOption = this.RULE('waitOption', (): WaitOption => {
      const first = this.LA(1);
      const option = this.OR<IOrAlt<WaitOption>[]>(this.alts.waitOption ??= [
        {
          ALT: () => {
            this.CONSUME(K.at);
            this.CONSUME(K.most);
            const duration = this.SUBRULE(this.duration);
            return this.ACTION(() => ({ kind: 'most', duration }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.else);
            const leave = this.OR2<IOrAlt<LeaveBlock | undefined | null>[]>(this.alts.waitOption2 ??= [
              { ALT: () => { this.CONSUME(K.continue); return null; } },
              { ALT: () => { this.CONSUME(K.leave); return this.OPTION(() => this.SUBRULE(this.leaveBlock)); } },
            ]);
            return this.ACTION(() => ({ kind: 'else', leave }));
          },
        },
      ]);
      return this.ACTION(() => {
        option.loc = this.locFrom(first);
        return option;
      });
    });

    stepBlock = this.RULE('stepBlock', (): StepBlock => {
      const open = this.CONSUME(LCurly);
      const steps: (Step | undefined)[] = [];
      this.MANY(() => steps.push(this.SUBRULE(this.step)));
      const close = this.CONSUME(RCurly);
      return this.ACTION(() => ({ steps: defined(steps), open, close }));
    });

    splitStep = this.RULE('splitStep', (): SplitStep => {
      const start = this.LA(1);
      this.CONSUME(K.split);
      const random = this.OPTION(() => this.CONSUME(K.random));
      const name = this.CONSUME(StringLiteral);
      const open = this.CONSUME(LCurly);
      const branches: Branch[] = [];
      const others: Others[] = [];
      const experiment: ExperimentClause[] = [];
      this.MANY(() => {
        // Only the first `others` counts: a later one is read but neither built nor checked.
        const ignored = others.length > 0 && this.LA(1).tokenType === K.others;
        if (ignored) this.ctx.muted++;
        try {
          const clause = this.OR<IOrAlt<Branch | Others | ExperimentClause | undefined>[]>(this.alts.splitStep ??= [
            { ALT: () => this.SUBRULE(this.branchClause) },
            { ALT: () => this.SUBRULE(this.othersClause) },
            { ALT: () => this.SUBRULE(this.experimentClause) },
          ]);
          this.ACTION(() => {
            if (clause?.kind === 'branch') branches.push(clause);
            else if (clause?.kind === 'holdout' || clause?.kind === 'pick_winner') experiment.push(clause);
            else if (clause) others.push(clause);
          });
        } finally {
          if (ignored) this.ctx.muted--;
        }
      });
      const close = this.CONSUME(RCurly);
      return this.ACTION(() => {
        const step: SplitStep = withPart({ kind: 'split', name: text(name), branches }, 'name', this.ctx.token(name));
        duplicates(this.ctx, others.map((clause) => clause.loc), "'others'");
        const lastBranch = branches.at(-1)?.loc;
        const first = others[0];
        if (first) {
          if (lastBranch && first.loc && first.loc.offset < lastBranch.offset) this.ctx.error(first.loc, 'others-order');
          step.others = first;
        }
        withExperiment(this.ctx, step, random, experiment, this.locFrom(start));
        this.ctx.scope(open, close, step, [...step.branches, ...(step.others ? [step.others] : [])]);
        return step;
      });
    });

    branchClause = this.RULE('branchClause', (): Branch => {
      const first = this.LA(1);
      this.CONSUME(K.branch);
      const name = this.CONSUME(StringLiteral);
      const rule = this.OR<IOrAlt<{ condition: Branch['condition']; percent?: number }>[]>(this.alts.branchClause ??= [
        { ALT: () => { this.CONSUME(K.when); const condition = this.SUBRULE(this.condition); return this.ACTION(() => ({ condition })); } },
        { ALT: () => { const percent = this.SUBRULE(this.percentShare); return this.ACTION(() => ({ condition: { ...ALWAYS, operands: [] }, percent })); } },
      ]);
      const block = this.SUBRULE(this.stepBlock);
      return this.ACTION(() => {
        const branch: Branch = { kind: 'branch', name: text(name), condition: rule.condition, steps: [], loc: this.locFrom(first) };
        if (rule.percent !== undefined) branch.percent = rule.percent;
        withSteps(this.ctx, block, branch);
        return withPart(branch, 'name', this.ctx.token(name));
      });
    });

    othersClause = this.RULE('othersClause', (): Others => {
      const first = this.LA(1);
      this.CONSUME(K.others);
      const others = this.OR<IOrAlt<Others>[]>(this.alts.othersClause ??= [
        { ALT: () => { this.CONSUME(K.continue); return this.ACTION(() => ({ kind: 'continue' })); } },
        {
          ALT: () => {
            this.CONSUME(K.leave);
            const block = this.OPTION(() => this.SUBRULE(this.leaveBlock));
            return this.ACTION(() => withLeaveActions(this.ctx, block, { kind: 'leave' as const }));
          },
        },
        {
          ALT: () => {
            const block = this.SUBRULE(this.stepBlock);
            return this.ACTION(() => {
              const steps: Others = { kind: 'steps', steps: [] };
              withSteps(this.ctx, block, steps);
              return steps;
            });
          },
        },
      ]);
      return this.ACTION(() => {
        others.loc = this.locFrom(first);
        return others;
      });
    });
  };
}
