import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { HOLDOUT, experimentReadout, type BranchCounts, type RandomSettings } from './core/experiments.js';
import { FlowGraphs } from './engine/flow-graphs.js';
import { experimentCounts, pickedWinners } from './experiment-counts.js';
import { findFlow } from './find-flow.js';

/** `GET /api/flows/:id/experiments`: per random split, each branch's figures against the control, and the verdict in words. */
@Injectable()
export class FlowExperiments {
  constructor(
    private readonly em: EntityManager,
    private readonly graphs: FlowGraphs,
  ) {}

  async of(id: string) {
    const em = this.em.fork();
    const flow = await findFlow(em, id);
    const flowId = String(flow.id);
    const splits = Object.values(this.graphs.of(flow).nodes).filter((node) => node.kind === 'split' && node.settings['random']);
    const winners = await pickedWinners(em, flowId);
    const items = [];
    for (const node of splits) {
      const settings = node.settings['random'] as RandomSettings;
      const counted = new Map((await experimentCounts(em, flowId, node.id, true)).map((c) => [c.name, c]));
      const names = [...settings.shares.map((s) => s.branch), ...(settings.holdout ? [HOLDOUT] : [])];
      const empty = (name: string): BranchCounts => ({ name, participants: 0, successes: 0, uniqueOpens: 0, uniqueClicks: 0 });
      const readout = experimentReadout(names.map((name) => counted.get(name) ?? empty(name)));
      const winner = winners.find((w) => w.step_id === node.id);
      items.push({
        split: String(node.settings['name']),
        stepId: node.id,
        branches: readout.branches.map(({ successes: _successes, ...branch }) => branch),
        ...(winner ? { winner: { branch: winner.branch, at: new Date(winner.at).toISOString(), reason: winner.reason } } : {}),
        verdict: readout.verdict,
      });
    }
    return { items };
  }
}
