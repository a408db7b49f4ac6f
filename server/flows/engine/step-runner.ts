import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { JobRunner, type ClaimedJob, type JobContext } from '../../scheduling/job-runner.js';
import { RecordFacts, type Facts } from '../../workflows/record-facts.js';
import { Flow } from '../flow.entity.js';
import { Participant } from '../participant.entity.js';
import { FlowGraphs } from './flow-graphs.js';
import { ParticipantChecks } from './participant-checks.js';
import { SendWindows } from './send-windows.js';
import { StepHandlers } from './step-handlers.js';
import { FLOW_STEP_JOB, StepJobs, type StepJobPayload } from './step-jobs.js';
import { endParticipant, type StepRun } from './step-run.js';

/** Told of every step a participant enters (the simulation's path). */
export type StepTrace = (step: { at: Date; stepId: string; kind: string }) => void;

/** Steps taken in one job before the rest is handed to a new job (a guard against endless paths). */
const MAX_STEPS_PER_RUN = 100;

/**
 * Moves a participant through its flow: the `flow.step` job locks the participant, re-checks its
 * situation before each step and runs steps until one waits or the flow ends for it — all in the
 * job's transaction, so every message, job and status change of a step commits together.
 */
@Injectable()
export class FlowStepRunner implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly graphs: FlowGraphs,
    private readonly handlers: StepHandlers,
    private readonly checks: ParticipantChecks,
    private readonly stepJobs: StepJobs,
    private readonly facts: RecordFacts,
    private readonly window: SendWindows,
  ) {}

  onModuleInit(): void {
    this.runner.register(FLOW_STEP_JOB, (job, context) => this.run(job, context));
  }

  async run(job: ClaimedJob, context: JobContext, trace?: StepTrace): Promise<void> {
    // A clean identity map per job in the same transaction: jobs run in groups, and flushing a map
    // that grows with every participant of the group would make a group quadratic.
    const em = context.em.fork({ clear: true, keepTransactionContext: true });
    await this.runIn(em, job, context.now, trace);
    await em.flush();
  }

  private async runIn(em: EntityManager, job: ClaimedJob, now: Date, trace?: StepTrace): Promise<void> {
    const { participantId, seq } = job.payload as unknown as StepJobPayload;
    const participant = await em.findOne(Participant, { id: participantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!participant || participant.status !== 'active' || participant.seq !== seq) return;
    // A shared lock: pausing or ending the flow waits for steps in progress, and they see its new status after.
    const flow = await em.findOne(Flow, { id: participant.flow.id }, { lockMode: LockMode.PESSIMISTIC_READ });
    if (!flow || flow.status !== 'running') return; // paused: resuming schedules it again
    await this.walk(em, participant, flow, now, trace);
  }

  private async walk(em: EntityManager, participant: Participant, flow: Flow, now: Date, trace?: StepTrace): Promise<void> {
    const graph = this.graphs.of(flow);
    const personId = String(participant.person.id);
    let facts: Facts | undefined;
    const base = {
      em, now, participant, flow, graph, personId,
      facts: async () => (facts ??= await this.facts.load(em, 'person', personId)),
      refreshFacts: () => { facts = undefined; },
    };
    for (let taken = 0; taken < MAX_STEPS_PER_RUN; taken++) {
      const node = participant.stepId ? graph.nodes[participant.stepId] : undefined;
      if (!node) return endParticipant(participant, { status: 'completed' }, now);
      const entering = !participant.waitUntil;
      // Re-checked before every step's action, also when a wait or the send window ends.
      const ending = await this.checks.verdict(base);
      if (ending) return endParticipant(participant, ending, now);
      if (entering) {
        participant.visits += 1;
        trace?.({ at: now, stepId: node.id, kind: node.kind });
      }
      const opening = this.window.opening(graph, node, now);
      if (opening) {
        participant.waitUntil = opening;
        this.stepJobs.schedule(em, participant, opening, String(flow.id));
        return;
      }
      const run: StepRun = { ...base, node, entering, messageKey: `flow:${flow.id}:p:${participant.id}:${node.id}:v${participant.visits}` };
      const outcome = await this.handlers.run(run);
      participant.updatedAt = now;
      if (outcome.kind === 'end') return endParticipant(participant, outcome, now);
      if (outcome.kind === 'wait') {
        participant.waitUntil = outcome.until;
        participant.waitingFor = outcome.waitingFor ?? null;
        this.stepJobs.schedule(em, participant, outcome.until, String(flow.id));
        return;
      }
      participant.stepId = outcome.next;
      participant.waitUntil = null;
      participant.waitingFor = null;
    }
    this.stepJobs.schedule(em, participant, now, String(flow.id));
  }
}
