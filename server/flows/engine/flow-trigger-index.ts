import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { CompiledFlowTrigger } from '@stroom/dsl';
import { Flow } from '../flow.entity.js';
import type { EventView } from './flow-event-match.js';
import { FlowGraphs } from './flow-graphs.js';
import { bumpRuleSetVersion, ruleSetVersion } from '../../facts/rule-set-versions.js';

interface Listener {
  flowId: string;
  triggers: CompiledFlowTrigger[];
}

/** Which kind of event a trigger can fire on; `record` for conditions (any created, updated or deleted record). */
function bucketOf(trigger: CompiledFlowTrigger): string | undefined {
  switch (trigger.kind) {
    case 'manual': case 'date': case 'yearly': return undefined;
    case 'form_submitted': return 'form:submitted';
    case 'selection_added': return 'selection:added';
    case 'link_clicked': return 'link:clicked';
    case 'condition': return 'record';
  }
}

function bucketOfEvent(event: EventView['event']): string {
  return ['created', 'updated', 'deleted'].includes(event.kind) ? 'record' : `${event.entity}:${event.kind}`;
}

/**
 * The triggers of running and paused flows, grouped by the kind of event they fire on, so an event
 * meets only the flows that can enrol on it (not every flow with its source). Rebuilt when the
 * flow-set version in the database moves, which every change of a flow's source or status bumps in
 * its own transaction: every instance follows.
 */
@Injectable()
export class FlowTriggerIndex {
  private version: string | undefined;
  private buckets = new Map<string, Listener[]>();

  constructor(private readonly graphs: FlowGraphs) {}

  /** Bumps the flow-set version inside the caller's transaction. */
  static async announce(em: EntityManager): Promise<void> {
    await bumpRuleSetVersion(em, 'flows');
  }

  /** The flows (by id) with a trigger that can fire on this kind of event, with those triggers. */
  async listeners(em: EntityManager, event: EventView['event']): Promise<readonly Listener[]> {
    await this.refresh(em);
    return this.buckets.get(bucketOfEvent(event)) ?? [];
  }

  private async refresh(em: EntityManager): Promise<void> {
    const version = await ruleSetVersion(em, 'flows');
    if (version === this.version) return;
    const flows = await em.find(Flow, { status: { $in: ['running', 'paused'] } }, { fields: ['id', 'version', 'source'], orderBy: { id: 'asc' } });
    const buckets = new Map<string, Listener[]>();
    for (const flow of flows) {
      const byBucket = new Map<string, CompiledFlowTrigger[]>();
      for (const trigger of this.graphs.of(flow).triggers) {
        const bucket = bucketOf(trigger);
        if (bucket) byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), trigger]);
      }
      for (const [bucket, triggers] of byBucket) buckets.set(bucket, [...(buckets.get(bucket) ?? []), { flowId: String(flow.id), triggers }]);
    }
    this.buckets = buckets;
    this.version = version;
  }
}
