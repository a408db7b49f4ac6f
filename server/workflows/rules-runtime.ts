import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { conditionHolds } from '@stroom/dsl';
import { Clock } from '../clock/clock.js';
import { ChangeEventConsumer } from '../events/change-event-consumer.js';
import type { ChangeEvent } from '../events/change-event.entity.js';
import { Outbox, type OutgoingMessage } from '../messaging/outbox.js';
import { JobScheduler } from '../scheduling/job-scheduler.js';
import { JobRunner, type ClaimedJob, type JobContext } from '../scheduling/job-runner.js';
import { RecordFacts, type Facts } from './record-facts.js';
import { RuleIndex } from './rule-index.js';
import { WORKFLOW_SEND_JOB, WorkflowSender, type SendOrder } from './workflow-sender.js';

/**
 * The workflow runtime: every change event meets the rules its trigger can fire (through the
 * index), matched actions are planned in the event's own transaction, and what a record no longer
 * qualifies for (it left the status, the task was reopened) is cancelled.
 */
@Injectable()
export class RulesRuntime implements OnModuleInit {
  private readonly logger = new Logger(RulesRuntime.name);

  constructor(
    private readonly consumer: ChangeEventConsumer,
    private readonly runner: JobRunner,
    private readonly index: RuleIndex,
    private readonly facts: RecordFacts,
    private readonly sender: WorkflowSender,
    private readonly outbox: Outbox,
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.consumer.register('workflows', (event, em) => this.handle(event, em));
    this.runner.register(WORKFLOW_SEND_JOB, (job, context) => this.sendDue(job, context));
  }

  async handle(event: ChangeEvent, em: EntityManager): Promise<void> {
    await this.index.refresh(em);
    if (this.index.size === 0) return;
    const facts = await this.facts.forEvent(em, event);
    await this.cancelWhatNoLongerHolds(em, event, facts);
    const matched = await this.index.matching(event, facts);
    const now = this.clock.now();
    const messages: OutgoingMessage[] = [];
    for (const rule of matched) {
      for (const action of rule.compiled.actions) {
        const order: SendOrder = { workflowId: rule.workflowId, eventId: String(event.id), entity: event.entity, entityId: event.entityId, action: action.index, reminder: 0 };
        const message = await this.sender.plan(em, rule, action, order, event.at, now, facts);
        if (message) messages.push(message);
      }
    }
    await this.outbox.enqueueMany(em, messages);
  }

  /**
   * Cancels the record's pending sends of every rule it no longer qualifies for, in one statement.
   * Only the rules with pending sends for the record are evaluated, not every rule on its entity.
   */
  private async cancelWhatNoLongerHolds(em: EntityManager, event: ChangeEvent, facts: Facts): Promise<void> {
    if (event.kind === 'created') return;
    const pending = await this.jobs.pendingAbout(em, WORKFLOW_SEND_JOB, event.entity, event.entityId);
    const holds = new Map<string, boolean>();
    const cancelled: string[] = [];
    for (const job of pending) {
      const workflowId = String((job.payload as unknown as SendOrder).workflowId);
      if (!holds.has(workflowId)) holds.set(workflowId, event.kind !== 'deleted' && (await this.stillHolds(workflowId, facts)));
      if (!holds.get(workflowId)) cancelled.push(job.id);
    }
    await this.jobs.cancelIds(em, cancelled);
  }

  private async stillHolds(workflowId: string, facts: Facts): Promise<boolean> {
    const rule = this.index.get(workflowId);
    return !!rule && (!rule.compiled.stillHolds || (await conditionHolds(rule.compiled.stillHolds, facts)));
  }

  private async sendDue(job: ClaimedJob, { em, now }: JobContext): Promise<void> {
    const order = job.payload as unknown as SendOrder;
    await this.index.refresh(em);
    const rule = this.index.get(order.workflowId);
    const action = rule?.compiled.actions[order.action];
    if (!rule || !action) {
      this.logger.log(`Workflow ${order.workflowId} changed or is gone: send ${job.id} dropped`);
      return;
    }
    const facts = await this.facts.load(em, order.entity, order.entityId);
    if (!facts[order.entity]) return;
    await this.sender.send(em, rule, action, order, now, facts);
  }
}
