import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CompiledFlowTrigger, CompiledSuccessCriterion } from '@stroom/dsl';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../../clock/clock.js';
import { ChangeEventConsumer } from '../../events/change-event-consumer.js';
import type { RecordChange } from '../../events/record-change.js';
import { RecordFacts, type Facts } from '../../facts/record-facts.js';
import { Enrolment } from '../enrolment.js';
import { Flow } from '../flow.entity.js';
import { Participant } from '../participant.entity.js';
import { mayTakePart, readLiveParticipations } from '../live-participations.js';
import { awaitedHappens, criterionMet, triggerMatches, type EventView } from './flow-event-match.js';
import { FlowGraphs } from './flow-graphs.js';
import { FlowTriggerIndex } from './flow-trigger-index.js';
import { EXIT_ENDING, ParticipantChecks } from './participant-checks.js';
import { LeaveActions } from './leave-actions.js';
import { StepJobs } from './step-jobs.js';
import { endParticipant } from './step-run.js';
import { HOLDOUT } from '../core/experiments.js';

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
    private readonly checks: ParticipantChecks,
    private readonly leave: LeaveActions,
  ) {}

  onModuleInit(): void {
    this.consumer.register('flows', (event, em) => this.handle(event, em));
    this.consumer.prepare('flows', (events, em) => this.prepare(events, em));
  }

  /** The batch's records (a read per kind of record), then which of the persons its events are about take part in a flow (one read). */
  private async prepare(events: readonly RecordChange[], em: EntityManager): Promise<void> {
    await this.facts.prefetchEvents(em, events);
    const persons = new Set<string>();
    for (const event of events) {
      const personId = await this.personOf(event, () => this.facts.forEvent(em, event));
      if (personId) persons.add(personId);
    }
    await readLiveParticipations(em, persons);
  }

  async handle(event: RecordChange, em: EntityManager): Promise<void> {
    const now = this.clock.now();
    const view = await this.view(em, event);
    if (view && mayTakePart(em, view.personId)) await this.updateParticipants(em, view, now);
    for (const colleague of await this.colleaguesOfSaleCompany(em, event, view?.personId)) {
      await this.updateParticipants(em, { event, personId: colleague, facts: view?.facts ?? (() => this.facts.forEvent(em, event)) }, now);
    }
    if (view) await this.enrolByTriggers(em, view, now);
  }

  private async updateParticipants(em: EntityManager, view: EventView, now: Date): Promise<void> {
    const { event } = view;
    // A holdout of an experiment has completed at once, but its later success still counts (its lift is the point).
    const live = await em.find(Participant, {
      person: view.personId, $or: [{ status: { $in: ['queued', 'active'] } }, { status: 'completed', reason: HOLDOUT, successAt: null }],
    }, { populate: ['flow'], orderBy: { id: 'asc' } });
    const unsubscribed = event.entity === 'person' && event.changes.unsubscribed?.to === true;
    // The person's own facts (not the changed record's) decide an exit rule; loaded once, when a flow has one.
    let person: Promise<Facts> | undefined;
    const personFacts = () => (person ??= this.facts.load(em, 'person', view.personId));
    for (const participant of live) {
      const flow = participant.flow.getEntity();
      const graph = this.graphs.of(flow);
      if (participant.status === 'completed') {
        if (graph.success && (await this.anyCriterion(graph.success.criteria, view, String(flow.id)))) {
          Object.assign(participant, { successAt: event.at, status: 'completed_success', updatedAt: now });
        }
        continue;
      }
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
          await this.leave.stopOnSuccess(em, participant, graph, now);
          continue;
        }
      }
      if (RECORD_EVENTS.has(event.kind) && graph.exit && (await this.checks.exits(em, graph, view.personId, await personFacts(), now))) {
        endParticipant(participant, EXIT_ENDING, now);
        continue;
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

  /**
   * A sale counts for the person it names and for everyone of the company it names: the other
   * persons of that company who take part in a flow now.
   */
  private async colleaguesOfSaleCompany(em: EntityManager, event: RecordChange, personId: string | undefined): Promise<string[]> {
    const companyId = (event.changes as Record<string, { to?: unknown } | undefined>).company_id?.to;
    if (event.entity !== 'sale' || event.kind !== 'created' || !companyId) return [];
    const rows = await em.getConnection().execute<{ person_id: string }[]>(
      `select distinct pa."person_id" from "participant" pa join "person" pe on pe."id" = pa."person_id"
        where pe."company_id" = ? and pa."status" in ('queued', 'active') and pa."person_id" is distinct from ?`,
      [companyId, personId ?? null], 'all', em.getTransactionContext());
    return rows.map((row: { person_id: string }) => String(row.person_id));
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
  private async view(em: EntityManager, event: RecordChange): Promise<EventView | undefined> {
    let facts: Promise<Facts> | undefined;
    const loadFacts = (): Promise<Facts> => (facts ??= this.facts.forEvent(em, event));
    const personId = await this.personOf(event, loadFacts);
    if (!personId) return undefined;
    let listName: string | undefined;
    if ((event.entity === 'selection' || event.entity === 'project') && (event.kind === 'added' || event.kind === 'removed')) {
      const rows = await em.getConnection().execute<{ name: string }[]>(`select "name" from "${event.entity}" where "id" = ?`, [event.entityId], 'all', em.getTransactionContext());
      listName = rows[0]?.name;
    }
    return { event, personId, listName, facts: loadFacts };
  }

  /** The person an event is about: named by it, else the person of the changed record. */
  private async personOf(event: RecordChange, loadFacts: () => Promise<Facts>): Promise<string | undefined> {
    if (event.entity === 'person' && event.kind === 'deleted') return undefined;
    const changes = event.changes as Record<string, { from: unknown; to: unknown } | undefined>;
    let personId = (event.data?.person_id ?? (event.entity === 'person' ? event.entityId : (changes.person_id?.to ?? changes.contact_id?.to))) as string | null | undefined;
    if (!personId && RECORD_EVENTS.has(event.kind) && event.kind !== 'deleted') personId = ((await loadFacts()).person as { id?: string } | undefined)?.id;
    return personId ? String(personId) : undefined;
  }
}
