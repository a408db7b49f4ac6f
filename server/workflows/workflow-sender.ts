import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { smsSegments, type ActionDescriptor } from '@stroom/dsl';
import { PerTransaction } from '../common/per-transaction.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Outbox, type OutgoingMessage } from '../messaging/outbox.js';
import { appCalendar } from '../scheduling/calendar.js';
import { JobScheduler, type JobRequest } from '../scheduling/job-scheduler.js';
import type { SqlPart } from '../common/bound-sql.js';
import { TemplateLookup, type StoredTemplate } from '../templates/template-lookup.js';
import { renderOffLoop, renderTextOffLoop } from '../templates/off-loop-render.js';
import { TemplateRenderError } from '../templates/template-engine.js';
import type { Facts } from '../facts/record-facts.js';
import type { InstalledRule } from './core/rule-set.js';
import { decideDueSend, pendingKey, recipientAddress, sendKey, type SendOrder } from './core/workflow-decisions.js';

export const WORKFLOW_SEND_JOB = 'workflow.send';

class MissingTemplate extends Error {}

/**
 * Turns a matched workflow action into messages: now into the outbox, or later as a due job, and
 * each reminder as the next job while the record still qualifies. Idempotency key:
 * rule + event + action + reminder number. Messages are composed here and enqueued by the caller,
 * so an event's messages go to the outbox in one statement.
 */
@Injectable()
export class WorkflowSender {
  /** A batch of events' sends mostly share a few templates: each is read once per batch. */
  private readonly templates = new PerTransaction<StoredTemplate | null>();

  constructor(
    private readonly outbox: Outbox,
    private readonly jobs: JobScheduler,
    private readonly lookup: TemplateLookup,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Composes a send that is due now (none when the record no longer qualifies) and schedules its next reminder. */
  async compose(em: EntityManager, rule: InstalledRule, action: ActionDescriptor, order: SendOrder, now: Date, facts: Facts): Promise<OutgoingMessage | undefined> {
    const decision = await decideDueSend(rule, action, order, facts, now, appCalendar(this.config));
    if (!decision.send) return undefined;
    const rendered = await this.renderOrFailure(em, action, facts);
    if (decision.reminder) this.schedule(em, decision.reminder.order, decision.reminder.due);
    return {
      channel: action.channel,
      key: sendKey(order),
      to: recipientAddress(action.recipient, action.channel, facts),
      subject: rendered.subject,
      body: rendered.body,
      segments: action.channel === 'sms' && !rendered.failure ? smsSegments(rendered.body) : null,
      failure: rendered.failure ?? null,
      personId: ((facts.person ?? facts.contact) as { id?: string } | undefined)?.id ?? null,
      workflowId: order.workflowId,
    };
  }

  /** Sends a due job's message now (if the record still qualifies) and schedules the next reminder. */
  async send(em: EntityManager, rule: InstalledRule, action: ActionDescriptor, order: SendOrder, now: Date, facts: Facts): Promise<void> {
    const message = await this.compose(em, rule, action, order, now, facts);
    if (message) await this.outbox.enqueue(em, message);
  }

  /** A send due later, as a job; leaving the status cancels it by its key's prefix. */
  schedule(em: EntityManager, order: SendOrder, due: Date): void {
    this.jobs.schedule(em, this.sendJob(order, due));
  }

  /** Many timed sends as one statement (a change-event batch's), to run together with its other writes. */
  scheduleManySql(sends: readonly { order: SendOrder; due: Date }[]): SqlPart | undefined {
    return this.jobs.insertRowsSql(sends.map(({ order, due }) => this.jobs.row(this.sendJob(order, due))));
  }

  private sendJob(order: SendOrder, due: Date): JobRequest {
    return { kind: WORKFLOW_SEND_JOB, dueAt: due, payload: { ...order }, cancelKey: pendingKey(order.workflowId, order.entity, order.entityId) };
  }

  /**
   * A text that can never be rendered (past the render cap, an error in it, a template deleted
   * behind the API) is not retried: the message is recorded as failed with the reason.
   */
  private async renderOrFailure(em: EntityManager, action: ActionDescriptor, facts: Facts): Promise<{ subject: string | null; body: string; failure?: string }> {
    try {
      return await this.render(em, action, facts);
    } catch (error) {
      if (error instanceof TemplateRenderError) return { subject: null, body: '', failure: `the message could not be rendered: ${error.message}` };
      if (error instanceof MissingTemplate) return { subject: null, body: '', failure: error.message };
      throw error;
    }
  }

  private async render(em: EntityManager, action: ActionDescriptor, facts: Facts): Promise<{ subject: string | null; body: string }> {
    const context = { ...facts, unsubscribe_url: `${this.config.publicUrl}/u` };
    if (action.template) {
      const template = await this.template(em, action.template);
      if (!template) throw new MissingTemplate(`template "${action.template}" no longer exists`);
      const out = await renderOffLoop(template, context, { zone: this.config.appTimezone });
      return { subject: template.channel === 'email' ? out.subject : null, body: out.body };
    }
    return { subject: null, body: await renderTextOffLoop(action.text ?? '', context, { zone: this.config.appTimezone }) };
  }

  private template(em: EntityManager, key: string): Promise<StoredTemplate | null> {
    // Read apart from the caller's manager: the template serves the batch's later events too.
    return this.templates.get(em, key, () => this.lookup.byKey(em, key, { detached: true }));
  }
}
