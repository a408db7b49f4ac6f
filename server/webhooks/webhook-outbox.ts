import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { DeletionListeners } from '../records/deletion-listeners.js';
import type { DetachedContext, DetachedWrites } from '../scheduling/detached-runs.js';
import { JobRunner, type ClaimedJob } from '../scheduling/job-runner.js';
import { JobScheduler } from '../scheduling/job-scheduler.js';
import { WebhookCall } from './webhook-call.entity.js';
import { sendWebhook, type WebhookOutcome } from './webhook-sender.js';
import { WebhookTargets } from './webhook-targets.js';
import { insertJobsFromRows } from '../scheduling/job-rows.js';

export const WEBHOOK_DELIVER_JOB = 'webhook.deliver';
/** Attempts before a call that keeps failing (5xx, no answer) is given up: 30 s … 4 min of back-off in between. */
export const WEBHOOK_ATTEMPTS = 5;
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
/** Calls on their way at once per instance; more due calls wait in the table. */
const WEBHOOK_CONCURRENCY = 8;
/**
 * A delivery is taken to be lost (its instance died) after this long and runs again: well past the
 * longest time-out a step may set (30 s, redirects included).
 */
const WEBHOOK_LEASE_MS = 120_000;

export interface OutgoingWebhook {
  key: string;
  personId: string;
  flowId?: string;
  participantId?: string;
  stepId?: string;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headerSecrets: Record<string, string>;
  body?: string | null;
  timeoutMs?: number;
}

/** A call with its final outcome, as listeners see it. */
export interface SettledCall {
  key: string;
  participantId: string | null;
  stepId: string | null;
  status: 'succeeded' | 'failed';
  /** The HTTP status of the answer; null when none came. */
  responseStatus: number | null;
  error: string | null;
}

/** Told, in the delivery job's transaction, that a call has its final outcome. */
export type WebhookSettled = (em: EntityManager, call: SettledCall, now: Date) => Promise<void>;

/**
 * Webhook calls go through an outbox like messages: written with their delivery job in the
 * caller's transaction under a unique key (a second decision for the key is a no-op), delivered
 * by the job with the key as `Idempotency-Key`, retried with back-off on 5xx and on no answer.
 * The job runs detached: the call is read, the request made with no transaction or connection held
 * (a slow target holds up nobody), and its outcome committed in one short transaction after.
 */
@Injectable()
export class WebhookOutbox implements OnModuleInit {
  private readonly targets: WebhookTargets;
  private readonly listeners: WebhookSettled[] = [];

  constructor(
    private readonly runner: JobRunner,
    private readonly jobs: JobScheduler,
    private readonly deletions: DeletionListeners,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.targets = new WebhookTargets(config.webhookAllowPrivate);
  }

  onModuleInit(): void {
    this.runner.registerDetached(WEBHOOK_DELIVER_JOB, (job, context) => this.deliver(job, context), { concurrency: WEBHOOK_CONCURRENCY, leaseMs: WEBHOOK_LEASE_MS });
    // A deleted person's calls go (their addresses and bodies may hold its data), pending deliveries with them.
    this.deletions.listen('person', async (em, personId) => {
      await this.jobs.cancelKeysSelectedBy(em, `select 'webhook:' || "id" from "webhook_call" where "person_id" = ?`, [personId]);
      await em.getConnection().execute(`delete from "webhook_call" where "person_id" = ?`, [personId], 'run', em.getTransactionContext());
    });
  }

  /** Calls `listener` whenever a call is settled (succeeded or failed for good). */
  onSettled(listener: WebhookSettled): void {
    this.listeners.push(listener);
  }

  /** Writes the call and its delivery job in the caller's transaction; false when the key was decided before. */
  async enqueue(em: EntityManager, call: OutgoingWebhook): Promise<boolean> {
    const now = this.clock.now();
    const jobs = insertJobsFromRows({
      from: 'inserted', kind: WEBHOOK_DELIVER_JOB, payload: `json_build_object('callId', "id"::text)::jsonb`,
      dueAt: now, cancelKeyPrefix: 'webhook:', keyColumn: '"id"', maxAttempts: WEBHOOK_ATTEMPTS, now,
    });
    const rows = await em.getConnection().execute<{ id: string }[]>(
      `with inserted as (
         insert into "webhook_call" ("key", "person_id", "flow_id", "participant_id", "step_id", "method", "url", "header_secrets", "body", "timeout_ms", "status", "attempts", "created_at")
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?) on conflict ("key") do nothing returning "id"
       ), job as (${jobs.sql})
       select "id" from inserted`,
      [
        call.key, call.personId, call.flowId ?? null, call.participantId ?? null, call.stepId ?? null, call.method, call.url,
        JSON.stringify(call.headerSecrets), call.body ?? null, call.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS, now,
        ...jobs.params,
      ],
      'all', em.getTransactionContext());
    return rows.length > 0;
  }

  /** Sends the call (no transaction held); answers the writes of its outcome. */
  async deliver(job: ClaimedJob, { em, now, lastAttempt }: DetachedContext): Promise<DetachedWrites> {
    const callId = String(job.payload.callId);
    const pending = await em.findOne(WebhookCall, { id: callId });
    if (!pending || pending.status !== 'pending') return async () => {};
    const outcome = await this.send(pending);
    return async (tx) => {
      // Settled or deleted (with its person) while the request was out: nothing to record.
      const call = await tx.findOne(WebhookCall, { id: callId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!call || call.status !== 'pending') return;
      call.attempts += 1;
      if (outcome.kind === 'answered' && outcome.status < 500) return this.settle(tx, call, outcome.status < 400 ? 'succeeded' : 'failed', outcome, now);
      if (outcome.kind === 'refused' || lastAttempt) return this.settle(tx, call, 'failed', outcome, now);
      const reason = outcome.kind === 'answered' ? `HTTP ${outcome.status}` : outcome.reason;
      call.responseStatus = outcome.kind === 'answered' ? outcome.status : null;
      call.error = reason;
      return { retry: reason };
    };
  }

  private async send(call: WebhookCall): Promise<WebhookOutcome> {
    const headers: Record<string, string> = { 'Idempotency-Key': call.key, 'User-Agent': 'Stroom-Webhook' };
    for (const [name, secretName] of Object.entries(call.headerSecrets)) {
      const secret = this.config.webhookSecrets[secretName];
      if (secret === undefined) return { kind: 'refused', reason: `the secret "${secretName}" is not configured (WEBHOOK_SECRETS)` };
      headers[name] = secret;
    }
    return sendWebhook({ method: call.method, url: call.url, headers, body: call.body, timeoutMs: call.timeoutMs }, this.targets);
  }

  private async settle(em: EntityManager, call: WebhookCall, status: 'succeeded' | 'failed', outcome: WebhookOutcome, now: Date): Promise<void> {
    call.status = status;
    call.responseStatus = outcome.kind === 'answered' ? outcome.status : null;
    call.error = outcome.kind === 'answered' ? (status === 'failed' ? `HTTP ${outcome.status}` : null) : outcome.reason;
    call.finishedAt = now;
    await em.flush();
    const settled: SettledCall = {
      key: call.key, participantId: call.participantId ?? null, stepId: call.stepId ?? null, status,
      responseStatus: call.responseStatus ?? null, error: call.error ?? null,
    };
    for (const listener of this.listeners) await listener(em, settled, now);
  }
}
