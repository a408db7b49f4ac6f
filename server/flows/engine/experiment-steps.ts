import { Injectable } from '@nestjs/common';
import { HOLDOUT, assignBranch, experimentBucket, pickWinner, type RandomSettings } from '../core/experiments.js';
import { experimentCounts } from '../experiment-counts.js';
import { end, next, type StepOutcome, type StepRun } from './step-run.js';

/**
 * A `split random` step: each person gets the branch (or holdout) their stable hash of flow and
 * person falls in, recorded on the participant; once the flow picked a winner, later people all
 * go there. A holdout completes at once.
 */
@Injectable()
export class ExperimentSteps {
  async assign(run: StepRun): Promise<StepOutcome> {
    const settings = run.node.settings['random'] as RandomSettings;
    const stepId = run.node.id;
    const flowId = String(run.flow.id);
    let branch = run.participant.experiments[stepId];
    if (!branch) {
      branch = (await this.winner(run, settings)) ?? assignBranch(settings, experimentBucket(flowId, run.personId));
      run.participant.experiments = { ...run.participant.experiments, [stepId]: branch };
    }
    if (branch === HOLDOUT) return end('completed', 'holdout');
    return next(run.node.branches?.find((b) => b.name === branch)?.next ?? null);
  }

  /** The split's winner: recorded before, or picked now when the rule's numbers are in (recorded once, with why). */
  private async winner(run: StepRun, settings: RandomSettings): Promise<string | undefined> {
    if (!settings.pickWinner) return undefined;
    const connection = run.em.getConnection();
    const context = run.em.getTransactionContext();
    const flowId = String(run.flow.id);
    const known: { branch: string }[] = await connection.execute(
      `select "branch" from "experiment_winner" where "flow_id" = ? and "step_id" = ?`, [flowId, run.node.id], 'all', context);
    if (known[0]) return known[0].branch;
    const picked = pickWinner(await experimentCounts(run.em, flowId, run.node.id, false), settings.pickWinner);
    if (!picked) return undefined;
    await connection.execute(
      `insert into "experiment_winner" ("flow_id", "step_id", "branch", "at", "reason") values (?, ?, ?, ?, ?) on conflict ("flow_id", "step_id") do nothing`,
      [flowId, run.node.id, picked.branch, run.now, picked.reason], 'run', context);
    return picked.branch;
  }
}
