import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { WebhookOutbox, type SettledCall } from '../../webhooks/webhook-outbox.js';
import { webhookRequest, type WebhookSettings } from '../core/webhook-request.js';
import { Participant, type WebhookAnswers } from '../participant.entity.js';
import { FlowGraphs } from './flow-graphs.js';
import { StepJobs } from './step-jobs.js';
import { flowCalendar, next, type ParticipantState, type StepOutcome, type StepRun } from './step-run.js';

/** How long a participant waits for its call to settle (every retry included) before it moves on without an answer. */
const ANSWER_WAIT_MS = 60 * 60 * 1000;
const MAX_NOTES = 20;

/** `webhook.<label>.status` for a split: what each webhook step of this participation got. */
export function webhookFacts(answers: WebhookAnswers): Record<string, { status: number }> {
  return Object.fromEntries(Object.entries(answers).map(([label, answer]) => [label, { status: answer.status }]));
}

/**
 * The webhook step: renders the address (values URL-encoded) and the JSON body (values
 * JSON-escaped), puts the call into the webhook outbox in the step's transaction under the
 * visit's key, and waits. When the call settles, its delivery job stores the status on the
 * participant and moves it on; a call that never settles ends the wait after an hour with status 0.
 */
@Injectable()
export class WebhookSteps implements OnModuleInit {
  constructor(
    private readonly outbox: WebhookOutbox,
    private readonly graphs: FlowGraphs,
    private readonly stepJobs: StepJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.outbox.onSettled((em, call, now) => this.settled(em, call, now));
  }

  async call(run: StepRun): Promise<StepOutcome> {
    const { participant } = run;
    if (!run.entering) {
      const until = participant.waitUntil;
      if (until && until.getTime() > run.now.getTime()) return { kind: 'wait', until, waitingFor: participant.waitingFor ?? undefined };
      record(participant, run.node.id, 0, run.now);
      return next(run.node.next);
    }
    const settings = run.node.settings as unknown as WebhookSettings;
    const facts = await run.facts();
    const zone = flowCalendar(this.config, run.graph).zone;
    const request = webhookRequest(settings, facts, zone);
    if ('notJson' in request) {
      note(participant, run.node.id, 'webhook not called: the body is not JSON once the merge variables are filled in', run.now);
      record(participant, run.node.id, 0, run.now);
      return next(run.node.next);
    }
    await this.outbox.enqueue(run.em, {
      key: run.messageKey, personId: run.personId, flowId: String(run.flow.id), participantId: String(participant.id), stepId: run.node.id,
      method: settings.method, url: request.url, headerSecrets: Object.fromEntries(settings.headers.map((header) => [header.name, header.secret])),
      body: request.body, timeoutMs: settings.timeoutMs,
    });
    return { kind: 'wait', until: new Date(run.now.getTime() + ANSWER_WAIT_MS), waitingFor: { kind: 'webhook', key: run.messageKey } };
  }

  /** In the delivery job's transaction: the participant waiting for this call gets its status and moves on. */
  private async settled(em: EntityManager, call: SettledCall, now: Date): Promise<void> {
    if (!call.participantId || !call.stepId) return;
    const participant = await em.findOne(Participant, { id: call.participantId }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['flow'] });
    const waiting = participant?.waitingFor;
    if (!participant || waiting?.kind !== 'webhook' || waiting.key !== call.key) return;
    record(participant, call.stepId, call.responseStatus ?? 0, now);
    if (call.status === 'failed' && call.error) note(participant, call.stepId, `webhook failed: ${call.error}`, now);
    const flow = participant.flow.getEntity();
    participant.stepId = this.graphs.of(flow).nodes[call.stepId]?.next ?? null;
    participant.waitUntil = null;
    participant.waitingFor = null;
    participant.updatedAt = now;
    if (participant.status === 'active') this.stepJobs.schedule(em, participant, now, String(flow.id));
  }
}

function record(participant: ParticipantState, stepId: string, status: number, now: Date): void {
  participant.webhooks = { ...participant.webhooks, [stepId]: { status, at: now.toISOString() } };
}

function note(participant: ParticipantState, stepId: string, message: string, now: Date): void {
  participant.notes = [...participant.notes, { at: now.toISOString(), stepId, message: message.slice(0, 1000) }].slice(-MAX_NOTES);
}
