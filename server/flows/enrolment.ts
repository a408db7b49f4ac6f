import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { conditionHolds, type FlowGraph } from '@stroom/dsl';
import { z } from 'zod';
import { Clock } from '../clock/clock.js';
import { BadInputError, ConflictError } from '../common/errors.js';
import { parseInput, recordId } from '../common/validation.js';
import { SelectionMember } from '../crm/lists/selection.entity.js';
import { Person } from '../crm/persons/person.entity.js';
import { RecordFacts } from '../workflows/record-facts.js';
import type { Flow } from './flow.entity.js';
import { FlowRefusal, Participant } from './participant.entity.js';
import { FlowGraphs } from './engine/flow-graphs.js';
import { StepJobs } from './engine/step-jobs.js';

const enrolBody = z.union([
  z.strictObject({ personIds: z.array(recordId).min(1).max(10_000) }),
  z.strictObject({ selectionId: recordId }),
]);

export type RefusalReason = 'unsubscribed' | 'excluded' | 'already_participated' | 'already_participating' | 'filter';

export interface EnrolResult {
  enrolled: number;
  queued: number;
  refused: { personId: string; reason: RefusalReason }[];
}

export type Admission = 'enrolled' | 'queued' | RefusalReason;

/**
 * Admits persons to a flow: the exclusion list, "once per person" and the filter are
 * checked once, here; refusals are only counted. A paused flow queues new participants.
 */
@Injectable()
export class Enrolment {
  constructor(
    private readonly clock: Clock,
    private readonly facts: RecordFacts,
    private readonly graphs: FlowGraphs,
    private readonly stepJobs: StepJobs,
  ) {}

  parse(body: unknown): { personIds: string[] } | { selectionId: string } {
    return parseInput(enrolBody, body);
  }

  async enrol(em: EntityManager, flow: Flow, request: { personIds: string[] } | { selectionId: string }): Promise<EnrolResult> {
    if (flow.status === 'not_running') throw new ConflictError('The flow is not running: start it before enrolling persons', { status: flow.status }, { code: 'flow.not_running' });
    const personIds = 'personIds' in request ? [...new Set(request.personIds)] : await this.selectionMembers(em, request.selectionId);
    const known = new Set((await em.find(Person, { id: { $in: personIds } }, { fields: ['id'] })).map((p) => String(p.id)));
    const unknown = personIds.filter((p) => !known.has(p));
    if (unknown.length > 0) throw new BadInputError(`personIds: no person with id ${unknown.slice(0, 5).join(', ')}`, { field: 'personIds', unknown }, { code: 'person.unknown_ids', params: { field: 'personIds', ids: unknown.slice(0, 5) } });
    const now = this.clock.now();
    const result: EnrolResult = { enrolled: 0, queued: 0, refused: [] };
    for (const personId of personIds) {
      const admission = await this.admit(em, flow, personId, now);
      if (admission === 'enrolled') result.enrolled++;
      else if (admission === 'queued') result.queued++;
      else result.refused.push({ personId, reason: admission });
    }
    await em.flush();
    return result;
  }

  /**
   * Admits one person to a running or paused flow (a trigger, a manual enrolment, a move from
   * another flow): refused ones are counted; a running flow's new participant gets its first step job.
   */
  async admit(em: EntityManager, flow: Flow, personId: string, now: Date): Promise<Admission> {
    const graph = this.graphs.of(flow);
    const reason = await this.refusal(em, flow, graph, personId);
    if (reason) {
      em.create(FlowRefusal, { flow, personId, reason, at: now });
      return reason;
    }
    const queued = flow.status === 'paused';
    const participant = em.create(Participant, {
      flow, person: personId, status: queued ? 'queued' : 'active', stepId: queued ? null : graph.start, reason: null,
      seq: 0, visits: 0, notes: [], waitUntil: null, waitingFor: null, successAt: null, enrolledAt: now, updatedAt: now,
    });
    if (queued) return 'queued';
    await em.flush();
    this.stepJobs.schedule(em, participant, now, String(flow.id));
    return 'enrolled';
  }

  private async refusal(em: EntityManager, flow: Flow, graph: FlowGraph, personId: string): Promise<RefusalReason | undefined> {
    // Unsubscribed people are never enrolled (they would drop out at their first step anyway).
    const [person]: { unsubscribed: boolean }[] = await em.getConnection().execute(`select "unsubscribed" from "person" where "id" = ?`, [personId], 'all', em.getTransactionContext());
    if (person?.unsubscribed) return 'unsubscribed';
    if (graph.exclusions.length > 0) {
      const excluded = await em.count(SelectionMember, { person: personId, selection: { name: { $in: graph.exclusions } } } as never);
      if (excluded > 0) return 'excluded';
    }
    const earlier = await em.find(Participant, { flow, person: personId }, { fields: ['status'] });
    if (earlier.some((p) => p.status === 'queued' || p.status === 'active')) return 'already_participating';
    if (graph.oncePerPerson && earlier.length > 0) return 'already_participated';
    if (graph.filter && !(await conditionHolds(graph.filter, await this.facts.load(em, 'person', personId)))) return 'filter';
    return undefined;
  }

  private async selectionMembers(em: EntityManager, selectionId: string): Promise<string[]> {
    const rows = await em.find(SelectionMember, { selection: selectionId } as never, { fields: ['person'] as never });
    if (rows.length === 0 && !(await em.getConnection().execute(`select 1 from "selection" where "id" = ?`, [selectionId])).length) {
      throw new BadInputError(`selectionId: no selection with id ${selectionId}`, { field: 'selectionId' }, { code: 'selection.unknown_id', params: { field: 'selectionId', id: selectionId } });
    }
    return rows.map((row) => String((row.person as unknown as { id: string }).id));
  }
}
