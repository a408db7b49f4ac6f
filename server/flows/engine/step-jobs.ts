import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { JobScheduler, type JobRow } from '../../scheduling/job-scheduler.js';
import { insertJobsFromRows } from '../../scheduling/job-rows.js';
import type { ParticipantState } from './step-run.js';

export const FLOW_STEP_JOB = 'flow.step';

export interface StepJobPayload {
  participantId: string;
  seq: number;
}

export function participantJobKey(flowId: string, participantId: string): string {
  return `flow:${flowId}:p:${participantId}`;
}

/**
 * A participant moves when its `flow.step` job runs. Each new job bumps the participant's `seq`
 * and carries it: a job left over from before (a wait's time-out after the awaited click, a job
 * from before a pause) finds another number and does nothing.
 */
@Injectable()
export class StepJobs {
  constructor(private readonly jobs: JobScheduler) {}

  /** Jobs scheduled on an entity manager that `hold` was called for, until `writeHeld`. */
  private readonly held = new WeakMap<EntityManager, JobRow[]>();

  schedule(em: EntityManager, participant: ParticipantState, dueAt: Date, flowId: string): void {
    participant.seq += 1;
    const payload: StepJobPayload = { participantId: String(participant.id), seq: participant.seq };
    const request = { kind: FLOW_STEP_JOB, dueAt, payload: { ...payload }, cancelKey: participantJobKey(flowId, String(participant.id)) };
    const held = this.held.get(em);
    if (held) held.push(this.jobs.row(request));
    else this.jobs.schedule(em, request);
  }

  /**
   * A batch of steps: the jobs scheduled on `em` from now on are kept as rows, and `writeHeld`
   * (called on each of its flushes, as the entities would be flushed) writes them in one statement.
   */
  hold(em: EntityManager): void {
    this.held.set(em, []);
  }

  async writeHeld(em: EntityManager): Promise<void> {
    await this.jobs.insertRows(em, this.held.get(em)?.splice(0) ?? []);
  }

  /** Resume: one job per active participant of the flow, due when its wait ends (or now). */
  async rescheduleFlow(em: EntityManager, flowId: string, now: Date): Promise<number> {
    await em.flush();
    const jobs = insertJobsFromRows({
      from: 'bumped', kind: FLOW_STEP_JOB, payload: `json_build_object('participantId', "id"::text, 'seq', "seq")::jsonb`,
      dueAt: now, dueAtAtLeast: '"wait_until"', cancelKeyPrefix: `flow:${flowId}:p:`, keyColumn: '"id"', now,
    });
    const rows: unknown[] = await em.getConnection().execute(
      `with bumped as (
         update "participant" set "seq" = "seq" + 1 where "flow_id" = ? and "status" = 'active' returning "id", "seq", "wait_until"
       )
       ${jobs.sql} returning "id"`,
      [flowId, ...jobs.params], 'all', em.getTransactionContext());
    return rows.length;
  }

  /** End: the flow's pending step jobs go (their participants are cancelled anyway). */
  async cancelFlow(em: EntityManager, flowId: string): Promise<number> {
    return this.jobs.cancel(em, `flow:${flowId}:p:`, { prefix: true });
  }
}
