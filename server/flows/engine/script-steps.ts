import { availableParallelism } from 'node:os';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import { toCamel } from '../../common/naming.js';
import type { BaseRecord } from '../../records/base-record.js';
import { PERSON_RECORDS } from '../../crm/persons/person-records.js';
import type { RecordService } from '../../records/record.service.js';
import { JobRunner, type ClaimedJob } from '../../scheduling/job-runner.js';
import { JobScheduler } from '../../scheduling/job-scheduler.js';
import { RecordFacts } from '../../facts/record-facts.js';
import { Participant } from '../participant.entity.js';
import { runScript, SCRIPT_LIMITS, type ScriptResult } from './script-sandbox.js';
import { addNote, next, type StepOutcome, type StepRun } from './step-run.js';

export const FLOW_SCRIPT_JOB = 'flow.script';
/**
 * Scripts running at once per instance, each in a worker thread of its own: one core is left to
 * the main thread, which answers the requests (a script may spin for its whole timeout).
 */
const SCRIPT_CONCURRENCY = Math.max(1, Math.min(2, availableParallelism() - 1));
/** A script's job is taken to be lost (its instance died) after this long, and runs again. */
const SCRIPT_LEASE_MS = SCRIPT_LIMITS.maxTimeoutMs * 3;

interface ScriptOrder {
  participantId: string;
  personId: string;
  flowId: string;
  flowName: string;
  stepId: string;
  source: string;
  timeoutMs?: number;
  memoryMb?: number;
}

/**
 * The run-script step: fire-and-forget. The step only orders a `flow.script` job, in its
 * transaction, and the participant moves on at once; the job runs the script in the sandbox with
 * the person and the flow's data, applies the field updates it returns through the person record
 * service (with its change event), and writes any failure on the participant as a note.
 */
@Injectable()
export class ScriptSteps implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly jobs: JobScheduler,
    private readonly facts: RecordFacts,
    @Inject(PERSON_RECORDS) private readonly people: RecordService<BaseRecord>,
  ) {}

  onModuleInit(): void {
    // A script may take seconds: it runs outside any transaction (the person is read before, the
    // updates written after, with the job's completion), a few at a time, so it never holds up others.
    this.runner.registerDetached(FLOW_SCRIPT_JOB, (job, context) => this.prepare(job, context), { concurrency: SCRIPT_CONCURRENCY, leaseMs: SCRIPT_LEASE_MS });
  }

  order(run: StepRun): StepOutcome {
    const settings = run.node.settings as { source: string; timeoutMs?: number; memoryMb?: number };
    const order: ScriptOrder = {
      participantId: String(run.participant.id), personId: run.personId, flowId: String(run.flow.id), flowName: run.flow.name,
      stepId: run.node.id, source: settings.source, timeoutMs: settings.timeoutMs, memoryMb: settings.memoryMb,
    };
    // Retried only when its writes fail (a script's own failure is a note): the script reruns, its updates commit once.
    this.jobs.schedule(run.em, { kind: FLOW_SCRIPT_JOB, dueAt: run.now, payload: { ...order }, maxAttempts: 3 });
    return next(run.node.next);
  }

  /** Reads the person and runs the script (no transaction held); answers the writes of its result. */
  async prepare(job: ClaimedJob, { em, now }: { em: EntityManager; now: Date }): Promise<(em: EntityManager) => Promise<void>> {
    const order = job.payload as unknown as ScriptOrder;
    const person = (await this.facts.load(em, 'person', order.personId)).person;
    if (!person) return async () => {};
    const flow = { id: order.flowId, name: order.flowName, step_id: order.stepId, participant_id: order.participantId };
    const timeoutMs = order.timeoutMs ?? SCRIPT_LIMITS.defaultTimeoutMs;
    const result = await runScript(order.source, { person, flow }, { timeoutMs, memoryMb: order.memoryMb });
    return (tx) => this.apply(tx, order, result, now);
  }

  private async apply(em: EntityManager, order: ScriptOrder, result: ScriptResult, now: Date): Promise<void> {
    if (!result.ok) return this.note(em, order, `script failed: ${result.error}`, now);
    if (result.value === null) return;
    if (typeof result.value !== 'object' || Array.isArray(result.value)) return this.note(em, order, 'script returned something other than an object of field updates', now);
    const updates = Object.fromEntries(Object.entries(result.value as Record<string, unknown>).map(([field, value]) => [toCamel(field), value]));
    if (Object.keys(updates).length === 0) return;
    try {
      await em.transactional((inner) => this.people.updateIn(inner, order.personId, updates, undefined));
    } catch (error) {
      if (error instanceof NotFoundError) return; // the person was deleted while the script ran
      if (!(error instanceof BadInputError)) throw error;
      await this.note(em, order, `script's field updates refused: ${error.message}`, now);
    }
  }

  private async note(em: EntityManager, order: ScriptOrder, message: string, now: Date): Promise<void> {
    const participant = await em.findOne(Participant, { id: order.participantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!participant) return;
    addNote(participant, now, order.stepId, message);
  }
}
