import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { conditionHolds, type FlowGraph } from '@stroom/dsl';
import { Clock } from '../clock/clock.js';
import { BadInputError, ConflictError } from '../common/errors.js';
import { insertJobsFromRows, type SqlPart } from '../scheduling/job-rows.js';
import { sqlArray } from '../common/sql-array.js';
import { noteParticipants } from './live-participations.js';
import { RecordFacts } from '../facts/record-facts.js';
import type { Flow } from './flow.entity.js';
import { FlowGraphs } from './engine/flow-graphs.js';
import { FLOW_STEP_JOB, participantJobKey } from './engine/step-jobs.js';
import type { EnrolRequest } from './flow-input.js';
import { restartCutoff } from './admission-rules.js';

export type RefusalReason = 'unsubscribed' | 'excluded' | 'already_participated' | 'already_participating' | 'restart_too_soon' | 'filter';

export interface EnrolResult {
  enrolled: number;
  queued: number;
  refused: { personId: string; reason: RefusalReason }[];
}

export type Admission = 'enrolled' | 'queued' | RefusalReason;

/** Members admitted per statement (and per transaction of a manual enrolment). */
export const ENROL_BATCH = 5_000;

/**
 * Which of `ids` a flow refuses, in one statement: unsubscribed, on an exclusion list, already in
 * the flow, (once per person) in it before, or (restart after n days) out of it for less than that.
 * The rest (reason null) still face the filter.
 */
const VERDICTS = `
  select c."id"::text as "person_id",
    case
      when p."unsubscribed" then 'unsubscribed'
      when exists (select 1 from "selection_member" m join "selection" s on s."id" = m."selection_id"
                   where m."person_id" = c."id" and s."name" = any(?::text[])) then 'excluded'
      when exists (select 1 from "participant" e where e."person_id" = c."id" and e."flow_id" = ? and e."status" in ('queued', 'active')) then 'already_participating'
      when ?::boolean and exists (select 1 from "participant" e where e."person_id" = c."id" and e."flow_id" = ?) then 'already_participated'
      when exists (select 1 from "participant" e where e."person_id" = c."id" and e."flow_id" = ? and e."updated_at" > ?::timestamptz) then 'restart_too_soon'
    end as "reason"
  from unnest(?::bigint[]) as c("id") join "person" p on p."id" = c."id"`;

/** The admitted as participants: on the first step, or queued while the flow is paused. */
const ADMIT_PARTICIPANTS = `
  insert into "participant" ("flow_id", "person_id", "status", "step_id", "seq", "visits", "path", "notes", "enrolled_at", "updated_at")
  select ?, c."id", ?, ?, ?, 0, '[]', '[]', ?, ?
  from unnest(?::bigint[]) as c("id")
  on conflict ("flow_id", "person_id") where "status" in ('queued', 'active') do nothing
  returning "id", "seq", "person_id"`;

/**
 * The admitted become participants and a running flow's get their first step job, due now: one
 * statement for any number of them. A person a concurrent enrolment has just made a participant is
 * skipped (not among the returned ids).
 */
function admitStatement(flowId: string, queued: boolean, start: string | null, personIds: readonly string[], now: Date): SqlPart {
  const jobs = insertJobsFromRows({
    from: '"admitted"', where: '"seq" > 0', kind: FLOW_STEP_JOB, payload: `json_build_object('participantId', "id"::text, 'seq', "seq")::jsonb`,
    dueAt: now, cancelKeyPrefix: participantJobKey(flowId, ''), keyColumn: '"id"', now,
  });
  return {
    sql: `with "admitted" as (${ADMIT_PARTICIPANTS}), "jobs" as (${jobs.sql}) select "person_id"::text as "person_id" from "admitted"`,
    params: [flowId, queued ? 'queued' : 'active', queued ? null : start, queued ? 0 : 1, now, now, sqlArray(personIds), ...jobs.params],
  };
}

const REFUSE = `
  insert into "flow_refusal" ("flow_id", "person_id", "reason", "at")
  select ?, r."person_id", r."reason", ? from unnest(?::text[], ?::text[]) as r("person_id", "reason")`;

/**
 * Admits persons to a flow, set-based: the refusal rules (unsubscribed, exclusion lists, once per
 * person, already in it) are one statement per batch, the filter is evaluated on the batch's facts
 * loaded together, and the participants with their first step jobs and the refusals are one
 * statement each. Refusals are only counted. A paused flow queues new participants.
 */
@Injectable()
export class Enrolment {
  constructor(
    private readonly clock: Clock,
    private readonly facts: RecordFacts,
    private readonly graphs: FlowGraphs,
  ) {}

  /**
   * A manual enrolment, batch by batch: `inBatch` runs each batch in a transaction of its own that
   * has locked the flow, so the first participants move (and get their e-mail) while later batches
   * are admitted. A failure stops at its batch; the batches before it stay enrolled.
   */
  async enrol(em: EntityManager, flow: Flow, request: EnrolRequest, inBatch: (admit: (em: EntityManager, flow: Flow) => Promise<EnrolResult>) => Promise<EnrolResult>): Promise<EnrolResult> {
    if (flow.status === 'not_running') throw new ConflictError('The flow is not running: start it before enrolling persons', { status: flow.status }, { code: 'flow.not_running' });
    const result: EnrolResult = { enrolled: 0, queued: 0, refused: [] };
    const batches = 'personIds' in request ? this.givenPersons(em, [...new Set(request.personIds)]) : this.selectionMembers(em, request.selectionId);
    for await (const ids of batches) {
      const part = await inBatch(async (batchEm, flow) => {
        if (flow.status === 'not_running') throw new ConflictError('The flow is not running: start it before enrolling persons', { status: flow.status, enrolledBefore: result.enrolled + result.queued }, { code: 'flow.not_running' });
        return this.admitMany(batchEm, flow, ids, this.clock.now());
      });
      result.enrolled += part.enrolled;
      result.queued += part.queued;
      for (const refusal of part.refused) result.refused.push(refusal);
    }
    return result;
  }

  /**
   * Admits one person to a running or paused flow (a trigger, a move from another flow, a
   * simulation): the same rules as a batch.
   */
  async admit(em: EntityManager, flow: Flow, personId: string, now: Date): Promise<Admission> {
    const result = await this.admitMany(em, flow, [personId], now);
    if (result.refused.length > 0) return result.refused[0]!.reason;
    if (result.queued > 0) return 'queued';
    if (result.enrolled > 0) return 'enrolled';
    throw new BadInputError(`personId: no person with id ${personId}`, { field: 'personId' }, { code: 'person.unknown_ids', params: { field: 'personId', ids: [personId] } });
  }

  /** Admits `personIds` (existing, distinct) to a running or paused flow; refusals in their order. */
  async admitMany(em: EntityManager, flow: Flow, personIds: readonly string[], now: Date): Promise<EnrolResult> {
    // Statuses this transaction changed but has not written yet (a participant that just left) count.
    await em.flush();
    const graph = this.graphs.of(flow);
    const flowId = String(flow.id);
    const tx = em.getTransactionContext();
    const connection = em.getConnection();
    const reasons = await this.verdicts(em, flow, personIds, now);
    if (graph.filter) await this.applyFilter(em, graph, reasons);
    const admissible = personIds.filter((personId) => reasons.has(personId) && !reasons.get(personId));
    const queued = flow.status === 'paused';
    let admitted = 0;
    if (admissible.length > 0) {
      const admit = admitStatement(flowId, queued, graph.start, admissible, now);
      const inserted: { person_id: string }[] = await connection.execute(admit.sql, admit.params, 'all', tx);
      admitted = inserted.length;
      noteParticipants(em, inserted.map((row) => String(row.person_id)));
      if (admitted < admissible.length) {
        const made = new Set(inserted.map((row) => String(row.person_id)));
        for (const personId of admissible) if (!made.has(personId)) reasons.set(personId, 'already_participating');
      }
    }
    const refused: EnrolResult['refused'] = [];
    for (const personId of personIds) {
      const reason = reasons.get(personId); // a person removed meanwhile has no verdict
      if (reason) refused.push({ personId, reason });
    }
    if (refused.length > 0) {
      await connection.execute(REFUSE, [flowId, now, sqlArray(refused.map((r) => r.personId)), sqlArray(refused.map((r) => r.reason))], 'run', tx);
    }
    return { enrolled: queued ? 0 : admitted, queued: queued ? admitted : 0, refused };
  }

  /**
   * Why each of `personIds` may not enter now, before the filter (exclusions, once per person, a
   * live participation, restart too soon); undefined: they may. Persons that do not exist are absent.
   */
  async verdicts(em: EntityManager, flow: Flow, personIds: readonly string[], now: Date): Promise<Map<string, RefusalReason | undefined>> {
    const graph = this.graphs.of(flow);
    const flowId = String(flow.id);
    const rows: { person_id: string; reason: RefusalReason | null }[] = await em.getConnection().execute(
      VERDICTS, [sqlArray(graph.exclusions.map(quoteElement)), flowId, graph.oncePerPerson, flowId, flowId, restartCutoff(graph, now), sqlArray(personIds)],
      'all', em.getTransactionContext());
    return new Map(rows.map((row) => [String(row.person_id), row.reason ?? undefined]));
  }

  /** The filter on the facts of every person not refused yet, loaded together. */
  private async applyFilter(em: EntityManager, graph: FlowGraph, reasons: Map<string, RefusalReason | undefined>): Promise<void> {
    const open = [...reasons].filter(([, reason]) => !reason).map(([id]) => id);
    if (open.length === 0) return;
    const people = await this.facts.loadPeople(em.fork({ clear: true, keepTransactionContext: true }), open);
    for (const id of open) {
      if (!(await conditionHolds(graph.filter!, people.get(id) ?? {}))) reasons.set(id, 'filter');
    }
  }

  private async *givenPersons(em: EntityManager, personIds: string[]): AsyncGenerator<string[]> {
    const rows: { id: string }[] = await em.getConnection().execute(`select "id"::text as "id" from "person" where "id" = any(?::bigint[])`, [sqlArray(personIds)]);
    const known = new Set(rows.map((row) => String(row.id)));
    const unknown = personIds.filter((p) => !known.has(p));
    if (unknown.length > 0) throw new BadInputError(`personIds: no person with id ${unknown.slice(0, 5).join(', ')}`, { field: 'personIds', unknown }, { code: 'person.unknown_ids', params: { field: 'personIds', ids: unknown.slice(0, 5) } });
    for (let from = 0; from < personIds.length; from += ENROL_BATCH) yield personIds.slice(from, from + ENROL_BATCH);
  }

  /** A selection's members in batches, in person id order, read one batch at a time (a selection may hold millions). */
  async *selectionMembers(em: EntityManager, selectionId: string): AsyncGenerator<string[]> {
    if (!(await em.getConnection().execute(`select 1 from "selection" where "id" = ?`, [selectionId])).length) {
      throw new BadInputError(`selectionId: no selection with id ${selectionId}`, { field: 'selectionId' }, { code: 'selection.unknown_id', params: { field: 'selectionId', id: selectionId } });
    }
    let after = '0';
    for (;;) {
      // Ordered by the bigint column (an alias of its text would order as text).
      const rows: { id: string }[] = await em.getConnection().execute(
        `select "person_id"::text as "id" from "selection_member" where "selection_id" = ? and "person_id" > ? order by "person_id" limit ?`,
        [selectionId, after, ENROL_BATCH]);
      if (rows.length === 0) return;
      const ids = rows.map((row) => String(row.id));
      yield ids;
      after = ids[ids.length - 1]!;
    }
  }
}

/** An element of a PostgreSQL text array literal: quoted, so names with commas, quotes or spaces stay whole. */
function quoteElement(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
