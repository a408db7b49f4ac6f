// The grammar, part 5½: the clauses of an experiment (`split random`): a branch's share, the
// holdout and the automatic winner. The split itself is read in grammar-steps.ts.
import type { IOrAlt, IToken } from 'chevrotain';
import type { Loc, RandomSplit, SplitStep } from './ast.js';
import { isReal, type BuildContext } from './build-context.js';
import { wholeNumber } from './build-parts.js';
import type { webhookGrammar } from './grammar-webhook.js';
import { K, NumberLiteral, Percent } from './tokens.js';

/** A clause of a split that is not a branch: `holdout 10%` or `pick winner after 100 per branch at 95%`. */
export type ExperimentClause =
  | { kind: 'holdout'; percent: number; loc?: Loc }
  | { kind: 'pick_winner'; after: number; confidence: number; loc?: Loc };

/** An always-true condition: what a random split's branch holds in place of `when …`. */
export const ALWAYS = { kind: 'and' as const, operands: [] };

export function experimentGrammar(Base: ReturnType<typeof webhookGrammar>) {
  return class ExperimentGrammar extends Base {
    /** `<n>%`, a whole percentage. */
    percentShare = this.RULE('percentShare', (): number => {
      const amount = this.CONSUME(NumberLiteral);
      this.CONSUME(Percent);
      return this.ACTION(() => percentOf(this.ctx, amount));
    });

    experimentClause = this.RULE('experimentClause', (): ExperimentClause => {
      const first = this.LA(1);
      return this.OR<IOrAlt<ExperimentClause>[]>(this.alts.experimentClause ??= [
        {
          ALT: () => {
            this.CONSUME(K.holdout);
            const percent = this.SUBRULE(this.percentShare);
            return this.ACTION(() => ({ kind: 'holdout', percent, loc: this.locFrom(first) }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.pick);
            this.CONSUME(K.winner);
            this.CONSUME(K.after);
            const after = this.CONSUME(NumberLiteral);
            this.CONSUME(K.per);
            this.CONSUME(K.branch);
            this.CONSUME(K.at);
            const confidence = this.SUBRULE2(this.percentShare);
            return this.ACTION(() => {
              const loc = this.locFrom(first);
              const count = wholeNumber(this.ctx, after, 'participants');
              if (isReal(after) && count < 1) this.ctx.error(this.ctx.token(after), 'not-whole-number', { what: 'participants', found: after.image });
              if (confidence !== 95 && confidence !== 99) this.ctx.error(loc, 'winner-confidence');
              return { kind: 'pick_winner', after: count, confidence, loc };
            });
          },
        },
      ]);
    });
  };
}

function percentOf(ctx: BuildContext, token: IToken): number {
  const value = wholeNumber(ctx, token, 'percent');
  if (isReal(token) && (value < 0 || value > 100)) ctx.error(ctx.token(token), 'bad-percent', { found: token.image });
  return value;
}

/**
 * Puts the clauses of a random split on it and checks its shares: branches (and holdout) add up to
 * 100, every branch has a share and no condition, and there is no `others`. A split that is not
 * random may have none of this.
 */
export function withExperiment(ctx: BuildContext, step: SplitStep, random: IToken | undefined, clauses: readonly ExperimentClause[], splitLoc: Loc | undefined): void {
  if (!random) {
    for (const clause of clauses) ctx.error(clause.loc, 'random-only', { what: clause.kind === 'holdout' ? 'holdout' : 'pick winner' });
    for (const branch of step.branches) if (branch.percent !== undefined) ctx.error(branch.loc, 'random-only', { what: '%' });
    return;
  }
  const experiment: RandomSplit = {};
  for (const clause of clauses) {
    if (clause.kind === 'holdout') {
      if (experiment.holdout !== undefined) ctx.error(clause.loc, 'given-twice', { what: "'holdout'" });
      else experiment.holdout = clause.percent;
    } else if (experiment.pickWinner) {
      ctx.error(clause.loc, 'given-twice', { what: "'pick winner'" });
    } else {
      experiment.pickWinner = { after: clause.after, confidence: clause.confidence === 99 ? 99 : 95 };
    }
  }
  step.random = experiment;
  if (step.others) ctx.error(step.others.loc, 'random-others');
  for (const branch of step.branches) if (branch.percent === undefined) ctx.error(branch.loc, 'random-branch-share');
  const total = step.branches.reduce((sum, branch) => sum + (branch.percent ?? 0), 0) + (experiment.holdout ?? 0);
  if (step.branches.every((branch) => branch.percent !== undefined) && total !== 100) ctx.error(splitLoc, 'random-total', { total });
}
