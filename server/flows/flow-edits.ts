import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { compileFlow, type Flow as FlowAst, type FlowGraph } from '@stroom/dsl';
import { BadInputError } from '../common/errors.js';
import type { Flow } from './flow.entity.js';
import { FlowGraphs } from './engine/flow-graphs.js';
import { Participant } from './participant.entity.js';

export interface StepImpact {
  stepId: string;
  kind: string;
  /** Participants (active) standing on the step now. */
  participants: number;
}

export interface EditImpact {
  changed: StepImpact[];
  removed: StepImpact[];
  added: string[];
}

/**
 * What an edit of a paused flow does to its participants: they keep their place by step
 * id, so only steps that change or disappear matter. Participants on a removed step go to the
 * target step the edit names for it (`moves`), or complete.
 */
@Injectable()
export class FlowEdits {
  constructor(private readonly graphs: FlowGraphs) {}

  async impact(em: EntityManager, flow: Flow, edited: FlowAst): Promise<EditImpact> {
    const before = this.graphs.of(flow);
    const after = compileFlow(edited);
    const occupied = await this.occupancy(em, flow);
    const impact = (id: string, graph: FlowGraph): StepImpact => ({ stepId: id, kind: graph.nodes[id]!.kind, participants: occupied.get(id) ?? 0 });
    return {
      changed: before.order.filter((id) => after.nodes[id] && !sameNode(before, after, id)).map((id) => impact(id, before)),
      removed: before.order.filter((id) => !after.nodes[id]).map((id) => impact(id, before)),
      added: after.order.filter((id) => !before.nodes[id]),
    };
  }

  /** Applies the moves for removed steps; participants left on a removed step complete. */
  async apply(em: EntityManager, flow: Flow, impact: EditImpact, edited: FlowAst, moves: Record<string, string>, now: Date): Promise<void> {
    const after = compileFlow(edited);
    const removed = new Set(impact.removed.map((r) => r.stepId));
    for (const [from, to] of Object.entries(moves)) {
      if (!removed.has(from)) throw new BadInputError(`moves: step ${from} is not a step this edit removes`, { field: `moves.${from}` }, { code: 'flow.move_not_removed', params: { step: from } });
      if (!after.nodes[to]) throw new BadInputError(`moves: ${to} is not a step of the edited flow`, { field: `moves.${from}` }, { code: 'flow.move_unknown_target', params: { step: to } });
    }
    for (const step of impact.removed) {
      if (step.participants === 0) continue;
      const target = moves[step.stepId];
      const where = { flow, status: 'active', stepId: step.stepId } as const;
      if (target) await em.nativeUpdate(Participant, where, { stepId: target, waitUntil: null, waitingFor: null, updatedAt: now });
      else await em.nativeUpdate(Participant, where, { status: 'completed', reason: `step ${step.stepId} removed`, waitUntil: null, waitingFor: null, updatedAt: now });
    }
  }

  private async occupancy(em: EntityManager, flow: Flow): Promise<Map<string, number>> {
    const rows: { step_id: string; n: string }[] = await em.getConnection().execute(
      `select "step_id", count(*) as "n" from "participant" where "flow_id" = ? and "status" = 'active' and "step_id" is not null group by 1`,
      [flow.id], 'all', em.getTransactionContext());
    return new Map(rows.map((r) => [r.step_id, Number(r.n)]));
  }
}

function sameNode(a: FlowGraph, b: FlowGraph, id: string): boolean {
  const x = a.nodes[id]!;
  const y = b.nodes[id]!;
  return x.kind === y.kind && JSON.stringify(x.settings) === JSON.stringify(y.settings) && JSON.stringify(x.branches ?? null) === JSON.stringify(y.branches ?? null)
    && JSON.stringify(x.others ?? null) === JSON.stringify(y.others ?? null);
}
