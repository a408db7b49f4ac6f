import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
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
   * Cancels, in one statement, the record's pending sends of every rule it no longer qualifies for:
   * all of them when it is deleted, else all but those of the rules whose condition still holds.
   */
  private async cancelWhatNoLongerHolds(em: EntityManager, event: ChangeEvent, facts: Facts): Promise<void> {
    if (event.kind === 'created') return;
    const keep = event.kind === 'deleted' ? [] : await this.index.stillHolding(event.entity, facts);
    await this.jobs.cancelAbout(em, WORKFLOW_SEND_JOB, event.entity, event.entityId, { field: 'workflowId', values: keep });
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
