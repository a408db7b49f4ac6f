import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { ContactGate } from '../../contact-policy/contact-gate.js';
import { Outbox, type OutgoingMessage } from '../../messaging/outbox.js';
import { TRACKING_TOKENS, type TrackedAddress } from '../../tracking/tracking.service.js';
import { JobRunner, type ClaimedJob, type HandOff, type JobContext } from '../../scheduling/job-runner.js';
import { RecordFacts, type Facts } from '../../facts/record-facts.js';
import { Flow } from '../flow.entity.js';
import { Participant } from '../participant.entity.js';
import { CrmSteps } from './crm-steps.js';
import { FlowGraphs } from './flow-graphs.js';
import { LeaveActions } from './leave-actions.js';
import { ParticipantChecks } from './participant-checks.js';
import { SendWindows } from './send-windows.js';
import { StepHandlers } from './step-handlers.js';
import { FLOW_STEP_JOB, StepJobs, type StepJobPayload } from './step-jobs.js';
import { endParticipant, type ParticipantState, type StepRun } from './step-run.js';
import { ParticipantRows } from './participant-rows.js';
import { sqlArray } from '../../common/sql-array.js';

interface MessageSink {
  send(message: OutgoingMessage, tokens?: TrackedAddress[]): Promise<void>;
  flush(): Promise<void>;
}

/** Told of every step a participant enters (the simulation's path). */
export type StepTrace = (step: { at: Date; stepId: string; kind: string }) => void;

/** Steps taken in one job before the rest is handed to a new job (a guard against endless paths). */
const MAX_STEPS_PER_RUN = 100;

/** A participant's walk in a batch of step jobs: its steps taken so far, and its person's update held for the batch. */
interface BatchWalk {
  taken: { taken: number };
  hold: (patch: Record<string, unknown>) => void;
  /** Whether an update of its person is already held (by another participation of the person). */
  busy: () => boolean;
}

/** Ends the participation; the walk did not pause. */
function ended(participant: ParticipantState, ending: Parameters<typeof endParticipant>[1], now: Date): false {
  endParticipant(participant, ending, now);
  return false;
}

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
    private readonly outbox: Outbox,
    private readonly contact: ContactGate,
    private readonly leave: LeaveActions,
    private readonly crm: CrmSteps,
  ) {}

  onModuleInit(): void {
    this.runner.registerBatch(FLOW_STEP_JOB, (jobs, context) => this.runMany(jobs, context));
  }

  /**
   * A claim's step jobs together: participants and flows locked in one query each, the persons'
   * facts in four, every write flushed once. If any participant's step fails, the batch is rolled
   * back and each job runs alone, so one bad participant only retries itself.
   */
  async runMany(jobs: ClaimedJob[], { em, now, handOff }: { em: EntityManager; now: Date; handOff?: HandOff }): Promise<Map<string, { retry: string } | undefined>> {
    const outcomes = new Map<string, { retry: string } | undefined>();
    const mark = handOff?.mark() ?? 0;
    try {
      await em.transactional(async (inner) => {
        // Its own copy of the event manager: the batch's participant rows are written on its flushes only.
        const batch = inner.fork({ clear: true, keepTransactionContext: true, cloneEventManager: true });
        await this.walkMany(batch, jobs, now, handOff);
        await batch.flush();
      });
      return outcomes;
    } catch {
      // The batch's deliveries were rolled back with it; the jobs run alone write theirs pending.
      handOff?.discard(mark);
      for (const job of jobs) {
        try {
          await em.transactional((inner) => this.run(job, { em: inner, now, attempt: job.attempt, lastAttempt: job.attempt >= job.maxAttempts }));
        } catch (error) {
          outcomes.set(job.id, { retry: (error as Error).message ?? String(error) });
        }
      }
      return outcomes;
    }
  }

  private async walkMany(em: EntityManager, jobs: ClaimedJob[], now: Date, handOff?: HandOff): Promise<void> {
    const seqs = new Map(jobs.map((job) => { const p = job.payload as unknown as StepJobPayload; return [String(p.participantId), Number(p.seq)]; }));
    // Lock order as everywhere: the flows (shared: pausing or ending waits for steps in progress), then the participants.
    const flowRows: { flow_id: string }[] = await em.getConnection().execute(
      `select distinct "flow_id" from "participant" where "id" = any(?::bigint[])`, [sqlArray(seqs.keys())], 'all', em.getTransactionContext());
    const flows = await em.find(Flow, { id: { $in: flowRows.map((r) => String(r.flow_id)) } }, { lockMode: LockMode.PESSIMISTIC_READ, orderBy: { id: 'asc' } });
    // Plain rows, not entities: the participants' changes and the new step jobs are written in one
    // statement each on every flush of the batch (the final one included).
    const rows = await ParticipantRows.lock(em, [...seqs.keys()]);
    this.stepJobs.hold(em);
    em.getEventManager().registerSubscriber({ beforeFlush: async () => { await rows.write(); await this.stepJobs.writeHeld(em); } });
    const live = rows.participants.filter((p) => p.status === 'active' && p.seq === seqs.get(p.id));
    if (live.length === 0) return;
    const running = new Map(flows.filter((f) => f.status === 'running').map((f) => [String(f.id), f]));
    // Read on a fork: the persons' entities stay out of the batch's identity map, which every flush walks.
    const people = await this.facts.loadPeople(em.fork({ clear: true, keepTransactionContext: true }), live.map((p) => p.person.id));
    // The contact policy's per-person locks, all up front in one order (see ContactGate.lockPeople).
    await this.contact.lockPeople(em, [...people.keys()]);
    const held: OutgoingMessage[] = [];
    const outbox: MessageSink = {
      send: async (message, tokens) => {
        held.push(tokens ? { ...message, companion: tokens } : message);
      },
      // The batch's deliveries leased to runs that start when its claim commits (see HandOff).
      flush: () => this.outbox.enqueueMany(em, held.splice(0), TRACKING_TOKENS, handOff),
    };
    await this.walkInRounds(em, live, running, people, now, outbox);
    await outbox.flush();
  }

  /**
   * Participants walk one after another; one whose step held a person update pauses there, and the
   * held updates are written together before the paused walks go on with fresh facts.
   */
  private async walkInRounds(em: EntityManager, live: ParticipantState[], running: Map<string, Flow>, people: Map<string, Facts>, now: Date, outbox: MessageSink): Promise<void> {
    const steps = new Map<ParticipantState, { taken: number }>();
    let round = live.map((participant) => ({ participant, facts: people.get(String(participant.person.id)) }));
    while (round.length > 0) {
      const updates = new Map<string, Record<string, unknown>>();
      const paused: ParticipantState[] = [];
      for (const { participant, facts } of round) {
        const flow = running.get(String(participant.flow.id));
        if (!flow) continue;
        const personId = String(participant.person.id);
        const taken = steps.get(participant) ?? steps.set(participant, { taken: 0 }).get(participant)!;
        // A person in two of the batch's flows: the second update waits for the first to be written.
        const batch = { taken, hold: (patch: Record<string, unknown>) => void updates.set(personId, patch), busy: () => updates.has(personId) };
        if (await this.walk(em, participant, flow, now, undefined, facts, outbox, batch)) paused.push(participant);
      }
      if (paused.length === 0) return;
      await this.crm.writePersonUpdates(em, [...updates].map(([personId, patch]) => ({ personId, patch })));
      const fresh = await this.facts.loadPeople(em.fork({ clear: true, keepTransactionContext: true }), paused.map((p) => p.person.id));
      round = paused.map((participant) => ({ participant, facts: fresh.get(String(participant.person.id)) }));
    }
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
    // A shared lock on the flow first (pausing or ending waits for steps in progress, and they see
    // its new status after), then the participant: the lock order of every flow transaction.
    const [row]: { flow_id: string }[] = await em.getConnection().execute(`select "flow_id" from "participant" where "id" = ?`, [participantId], 'all', em.getTransactionContext());
    if (!row) return;
    const flow = await em.findOne(Flow, { id: String(row.flow_id) }, { lockMode: LockMode.PESSIMISTIC_READ });
    const participant = await em.findOne(Participant, { id: participantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!participant || participant.status !== 'active' || participant.seq !== seq) return;
    if (!flow || flow.status !== 'running') return; // paused: resuming schedules it again
    await this.walk(em, participant, flow, now, trace);
  }

  /**
   * Runs the participant's steps until one waits or its flow ends; answers true when a step held a
   * person update for the batch (`batch.hold`) and the walk paused at the next step.
   */
  private async walk(em: EntityManager, participant: ParticipantState, flow: Flow, now: Date, trace?: StepTrace, preloaded?: Facts, outbox?: MessageSink, batch?: BatchWalk): Promise<boolean> {
    const graph = this.graphs.of(flow);
    const personId = String(participant.person.id);
    let facts: Facts | undefined = preloaded;
    const sink = outbox ?? {
      send: async (message: OutgoingMessage, tokens?: TrackedAddress[]) => {
        if (tokens) await this.outbox.enqueueMany(em, [{ ...message, companion: tokens }], TRACKING_TOKENS);
        else await this.outbox.enqueue(em, message);
      },
      flush: async () => {},
    };
    const base = {
      em, now, participant, flow, graph, personId, send: sink.send, flushMessages: sink.flush,
      facts: async () => (facts ??= await this.facts.load(em, 'person', personId)),
      refreshFacts: () => { facts = undefined; },
      ...(batch ? { holdPersonUpdate: batch.hold } : {}),
    };
    const counted = batch?.taken ?? { taken: 0 };
    for (; counted.taken < MAX_STEPS_PER_RUN; counted.taken++) {
      const node = participant.stepId ? graph.nodes[participant.stepId] : undefined;
      if (!node) return ended(participant, { status: 'completed' }, now);
      if (node.kind === 'update_person' && !participant.waitUntil && batch?.busy()) return true;
      const entering = !participant.waitUntil;
      // Re-checked before every step's action, also when a wait or the send window ends.
      const ending = await this.checks.verdict(base);
      if (ending?.status === 'completed_success') {
        await this.leave.stopOnSuccess(em, participant, graph, now);
        return false;
      }
      if (ending) return ended(participant, ending, now);
      if (entering) {
        participant.visits += 1;
        if (!participant.path.includes(node.id)) participant.path = [...participant.path, node.id];
        trace?.({ at: now, stepId: node.id, kind: node.kind });
      }
      const opening = this.window.opening(graph, node, now);
      if (opening) {
        participant.waitUntil = opening;
        this.stepJobs.schedule(em, participant, opening, String(flow.id));
        return false;
      }
      const run: StepRun = { ...base, node, entering, messageKey: `flow:${flow.id}:p:${participant.id}:${node.id}:v${participant.visits}` };
      const outcome = await this.handlers.run(run);
      participant.updatedAt = now;
      if (outcome.kind === 'end') return ended(participant, outcome, now);
      if (outcome.kind === 'wait') {
        participant.waitUntil = outcome.until;
        participant.waitingFor = outcome.waitingFor ?? null;
        this.stepJobs.schedule(em, participant, outcome.until, String(flow.id));
        return false;
      }
      participant.stepId = outcome.next;
      participant.waitUntil = null;
      participant.waitingFor = null;
      if (outcome.held) {
        counted.taken++;
        return true;
      }
    }
    this.stepJobs.schedule(em, participant, now, String(flow.id));
    return false;
  }
}
