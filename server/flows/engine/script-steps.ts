import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { BadInputError } from '../../common/errors.js';
import { toCamel } from '../../common/naming.js';
import type { BaseRecord } from '../../records/base-record.js';
import { PERSON_RECORDS } from '../../crm/persons/person-records.js';
import type { RecordService } from '../../records/record.service.js';
import { JobRunner, type ClaimedJob, type JobContext } from '../../scheduling/job-runner.js';
import { JobScheduler } from '../../scheduling/job-scheduler.js';
import { RecordFacts } from '../../workflows/record-facts.js';
import { Participant } from '../participant.entity.js';
import { runScript } from './script-sandbox.js';
import { next, type StepOutcome, type StepRun } from './step-run.js';

export const FLOW_SCRIPT_JOB = 'flow.script';
const MAX_NOTES = 20;

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
    // A script may take seconds: it runs in a savepoint of its own so it never holds up or repeats others.
    this.runner.register(FLOW_SCRIPT_JOB, (job, context) => this.execute(job, context), { external: true });
  }

  order(run: StepRun): StepOutcome {
    const settings = run.node.settings as { source: string; timeoutMs?: number; memoryMb?: number };
    const order: ScriptOrder = {
      participantId: String(run.participant.id), personId: run.personId, flowId: String(run.flow.id), flowName: run.flow.name,
      stepId: run.node.id, source: settings.source, timeoutMs: settings.timeoutMs, memoryMb: settings.memoryMb,
    };
    this.jobs.schedule(run.em, { kind: FLOW_SCRIPT_JOB, dueAt: run.now, payload: { ...order }, maxAttempts: 1 });
    return next(run.node.next);
  }

  async execute(job: ClaimedJob, { em, now }: JobContext): Promise<void> {
    const order = job.payload as unknown as ScriptOrder;
    const person = (await this.facts.load(em, 'person', order.personId)).person;
    if (!person) return;
    const flow = { id: order.flowId, name: order.flowName, step_id: order.stepId, participant_id: order.participantId };
    const result = await runScript(order.source, { person, flow }, { timeoutMs: order.timeoutMs, memoryMb: order.memoryMb });
    if (!result.ok) return this.note(em, order, `script failed: ${result.error}`, now);
    if (result.value === null) return;
    if (typeof result.value !== 'object' || Array.isArray(result.value)) return this.note(em, order, 'script returned something other than an object of field updates', now);
    const updates = Object.fromEntries(Object.entries(result.value as Record<string, unknown>).map(([field, value]) => [toCamel(field), value]));
    if (Object.keys(updates).length === 0) return;
    try {
      await em.transactional((inner) => this.people.updateIn(inner, order.personId, updates, undefined));
    } catch (error) {
      if (!(error instanceof BadInputError)) throw error;
      await this.note(em, order, `script's field updates refused: ${error.message}`, now);
    }
  }

  private async note(em: EntityManager, order: ScriptOrder, message: string, now: Date): Promise<void> {
    const participant = await em.findOne(Participant, { id: order.participantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!participant) return;
    participant.notes = [...participant.notes, { at: now.toISOString(), stepId: order.stepId, message: message.slice(0, 1000) }].slice(-MAX_NOTES);
  }
}
