import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { Clock } from '../clock/clock.js';
import { BadInputError } from '../common/errors.js';
import { parseInput, recordId } from '../common/validation.js';
import type { BaseRecord } from '../records/base-record.js';
import { PERSON_RECORDS } from '../crm/persons/person-records.js';
import type { RecordService } from '../records/record.service.js';
import type { ClaimedJob } from '../scheduling/job-runner.js';
import { Enrolment } from './enrolment.js';
import { FlowStepRunner } from './engine/step-runner.js';
import { FLOW_SCRIPT_JOB, ScriptSteps } from './engine/script-steps.js';
import { FLOW_STEP_JOB } from './engine/step-jobs.js';
import type { Flow } from './flow.entity.js';

const simulateBody = z.union([
  z.strictObject({ personId: recordId, days: z.number().int().min(1).max(366).default(30) }),
  z.strictObject({ person: z.record(z.string(), z.unknown()), days: z.number().int().min(1).max(366).default(30) }),
]);
/** A guard: a flow of waits and steps cannot take more runs than this in one simulation. */
const MAX_RUNS = 1000;

interface JobRow {
  id: string;
  kind: string;
  payload: Record<string, unknown> | string;
  due_at: Date;
}

class RolledBack extends Error {
  constructor(readonly result: unknown) {
    super('simulation rolled back');
  }
}

/**
 * `POST /api/flows/:id/simulate`: the real engine walks one person through the flow on a virtual
 * clock inside a transaction that is always rolled back — the path, the messages it would get and
 * the changes it would cause, with nothing stored and nothing sent.
 */
@Injectable()
export class FlowSimulator {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly enrolment: Enrolment,
    private readonly steps: FlowStepRunner,
    private readonly scripts: ScriptSteps,
    @Inject(PERSON_RECORDS) private readonly people: RecordService<BaseRecord>,
  ) {}

  async simulate(find: (em: EntityManager) => Promise<Flow>, body: unknown) {
    const input = parseInput(simulateBody, body ?? {});
    try {
      await this.em.fork().transactional(async (em) => {
        throw new RolledBack(await this.run(em, await find(em), input));
      });
    } catch (error) {
      if (error instanceof RolledBack) return error.result;
      throw error;
    }
    throw new Error('unreachable');
  }

  private async run(em: EntityManager, flow: Flow, input: z.infer<typeof simulateBody>) {
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    const start = this.clock.now();
    const until = new Date(start.getTime() + input.days * 86_400_000);
    const [{ last, lastMessage }] = await connection.execute(
      `select (select max("id") from "change_event") as "last", (select max("id") from "message") as "lastMessage"`, [], 'all', tx) as [{ last: string | null; lastMessage: string | null }];
    const personId = 'personId' in input ? input.personId : String((await this.people.createIn(em, input.person)).id);
    if ((await connection.execute(`select 1 from "person" where "id" = ?`, [personId], 'all', tx)).length === 0) {
      throw new BadInputError(`personId: no person with id ${personId}`, { field: 'personId' }, { code: 'person.unknown_ids', params: { field: 'personId', ids: [personId] } });
    }
    flow.status = 'running';
    const admission = await this.enrolment.admit(em, flow, personId, start);
    if (admission !== 'enrolled') return { admitted: false, refusedReason: admission, steps: [], messages: [], changes: [] };

    const steps: { at: string; stepId: string; kind: string }[] = [];
    for (let runs = 0; runs < MAX_RUNS; runs++) {
      await em.flush();
      const [job]: JobRow[] = await connection.execute(
        `select "id", "kind", "payload", "due_at" from "job" where "status" = 'pending' and "kind" in (?, ?) and "due_at" <= ? order by "due_at", "id" limit 1`,
        [FLOW_STEP_JOB, FLOW_SCRIPT_JOB, until], 'all', tx);
      if (!job) break;
      await connection.execute(`update "job" set "status" = 'done' where "id" = ?`, [job.id], 'run', tx);
      const now = new Date(Math.max(new Date(job.due_at).getTime(), start.getTime()));
      const claimed: ClaimedJob = {
        id: String(job.id), kind: job.kind, payload: typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload,
        dueAt: new Date(job.due_at), attempt: 1, maxAttempts: 1,
      };
      const context = { em, now, attempt: 1, lastAttempt: true };
      if (job.kind === FLOW_SCRIPT_JOB) await this.scripts.execute(claimed, context);
      else await this.steps.run(claimed, context, (step) => steps.push({ at: step.at.toISOString(), stepId: step.stepId, kind: step.kind }));
    }
    await em.flush();
    const messages: { channel: string; to: string | null; subject: string | null; body: string }[] = await connection.execute(
      `select "channel", "to", "subject", "body" from "message" where "id" > ? and "person_id" = ? order by "id"`, [lastMessage ?? 0, personId], 'all', tx);
    const changes: { entity: string; entity_id: string; kind: string; changes: unknown; data: unknown }[] = await connection.execute(
      `select "entity", "entity_id", "kind", "changes", "data" from "change_event" where "id" > ?
       and (("entity" = 'person' and "entity_id" = ?) or "data"->>'person_id' = ? or "changes"->'person_id'->>'to' = ?) order by "id"`,
      [last ?? 0, personId, personId, personId], 'all', tx);
    return {
      admitted: true,
      steps,
      messages: messages.map((m) => ({ channel: m.channel, to: m.to, subject: m.subject, body: m.body })),
      changes: changes.map((c) => ({ entity: c.entity, entityId: String(c.entity_id), kind: c.kind, changes: c.changes, data: c.data })),
    };
  }
}
