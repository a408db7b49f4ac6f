import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CompiledFlowTrigger, CompiledSuccessCriterion } from '@stroom/dsl';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../../clock/clock.js';
import { ChangeEventConsumer } from '../../events/change-event-consumer.js';
import type { ChangeEvent } from '../../events/change-event.entity.js';
import { RecordFacts, type Facts } from '../../workflows/record-facts.js';
import { Enrolment } from '../enrolment.js';
import { Flow } from '../flow.entity.js';
import { Participant } from '../participant.entity.js';
import { awaitedHappens, criterionMet, triggerMatches, type EventView } from './flow-event-match.js';
import { FlowGraphs } from './flow-graphs.js';
import { FlowTriggerIndex } from './flow-trigger-index.js';
import { StepJobs } from './step-jobs.js';
import { endParticipant } from './step-run.js';

const RECORD_EVENTS = new Set(['created', 'updated', 'deleted']);

/**
 * Flows listening to change and behaviour events: an unsubscribe or an exclusion ends a
 * participation, a success criterion met anywhere counts, an awaited click or form moves a waiting
 * participant on, and triggers of running and paused flows enrol the person.
 */
@Injectable()
export class FlowEvents implements OnModuleInit {
  constructor(
    private readonly consumer: ChangeEventConsumer,
    private readonly facts: RecordFacts,
    private readonly graphs: FlowGraphs,
    private readonly enrolment: Enrolment,
    private readonly stepJobs: StepJobs,
    private readonly clock: Clock,
    private readonly triggers: FlowTriggerIndex,
  ) {}

  onModuleInit(): void {
    this.consumer.register('flows', (event, em) => this.handle(event, em));
  }

  async handle(event: ChangeEvent, em: EntityManager): Promise<void> {
    const view = await this.view(em, event);
    if (!view) return;
    const now = this.clock.now();
    await this.updateParticipants(em, view, now);
    await this.enrolByTriggers(em, view, now);
  }

  private async updateParticipants(em: EntityManager, view: EventView, now: Date): Promise<void> {
    const { event } = view;
    const live = await em.find(Participant, { person: view.personId, status: { $in: ['queued', 'active'] } }, { populate: ['flow'], orderBy: { id: 'asc' } });
    const unsubscribed = event.entity === 'person' && event.changes.unsubscribed?.to === true;
    for (const participant of live) {
      const flow = participant.flow.getEntity();
      const graph = this.graphs.of(flow);
      if (unsubscribed) {
        endParticipant(participant, { status: 'dropout', reason: 'unsubscribed' }, now);
        continue;
      }
      if (event.entity === 'selection' && event.kind === 'added' && view.listName && graph.exclusions.includes(view.listName)) {
        endParticipant(participant, { status: 'dropout', reason: 'excluded' }, now);
        continue;
      }
      if (graph.success && !participant.successAt && (await this.anyCriterion(graph.success.criteria, view, String(flow.id)))) {
        participant.successAt = event.at;
        participant.updatedAt = now;
        if (graph.success.then === 'stop') {
          endParticipant(participant, { status: 'completed_success' }, now);
          continue;
        }
      }
      if (participant.status === 'active' && participant.waitingFor && awaitedHappens(participant.waitingFor, participant, event)) {
        // The wait is over: the participant moves to the step after it at once (or at resume when paused).
        participant.stepId = participant.stepId ? (graph.nodes[participant.stepId]?.next ?? null) : null;
        participant.waitUntil = null;
        participant.waitingFor = null;
        participant.updatedAt = now;
        this.stepJobs.schedule(em, participant, now, String(flow.id));
      }
    }
  }

  /** Only flows with a trigger for this kind of event are looked at; each is loaded (locked) only when one matches. */
  private async enrolByTriggers(em: EntityManager, view: EventView, now: Date): Promise<void> {
    for (const listener of await this.triggers.listeners(em, view.event)) {
      if (!(await this.anyTrigger(listener.triggers, view))) continue;
      const flow = await em.findOne(Flow, { id: listener.flowId, status: { $in: ['running', 'paused'] } });
      if (flow) await this.enrolment.admit(em, flow, view.personId, now);
    }
  }

  private async anyTrigger(triggers: readonly CompiledFlowTrigger[], view: EventView): Promise<boolean> {
    for (const trigger of triggers) if (await triggerMatches(trigger, view)) return true;
    return false;
  }

  private async anyCriterion(criteria: readonly CompiledSuccessCriterion[], view: EventView, flowId: string): Promise<boolean> {
    for (const criterion of criteria) if (await criterionMet(criterion, view, flowId)) return true;
    return false;
  }

  /** The person an event is about, and what matching needs; undefined when it concerns no person. */
  private async view(em: EntityManager, event: ChangeEvent): Promise<EventView | undefined> {
    let facts: Promise<Facts> | undefined;
    const loadFacts = (): Promise<Facts> => (facts ??= this.facts.forEvent(em, event));
    const changes = event.changes as Record<string, { from: unknown; to: unknown } | undefined>;
    let personId = (event.data?.person_id ?? (event.entity === 'person' ? event.entityId : (changes.person_id?.to ?? changes.contact_id?.to))) as string | null | undefined;
    if (!personId && RECORD_EVENTS.has(event.kind) && event.kind !== 'deleted') personId = ((await loadFacts()).person as { id?: string } | undefined)?.id;
    if (!personId) return undefined;
    if (event.entity === 'person' && event.kind === 'deleted') return undefined;
    let listName: string | undefined;
    if ((event.entity === 'selection' || event.entity === 'project') && (event.kind === 'added' || event.kind === 'removed')) {
      const rows = await em.getConnection().execute<{ name: string }[]>(`select "name" from "${event.entity}" where "id" = ?`, [event.entityId], 'all', em.getTransactionContext());
      listName = rows[0]?.name;
    }
    return { event, personId: String(personId), listName, facts: loadFacts };
  }
}
