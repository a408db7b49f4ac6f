import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { TransactionSlot } from '../common/per-transaction.js';
import { appCalendar } from '../scheduling/calendar.js';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { ChangeEventConsumer } from '../events/change-event-consumer.js';
import type { RecordChange } from '../events/record-change.js';
import { Outbox, type OutgoingMessage } from '../messaging/outbox.js';
import { JobScheduler } from '../scheduling/job-scheduler.js';
import { JobRunner, type ClaimedJob, type JobContext } from '../scheduling/job-runner.js';
import { RecordFacts } from '../facts/record-facts.js';
import { RuleIndex } from './rule-index.js';
import { decideChange, type SendOrder } from './core/workflow-decisions.js';
import { WorkflowBatchWork } from './core/batch-work.js';
import { WORKFLOW_SEND_JOB, WorkflowSender } from './workflow-sender.js';

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.consumer.register('workflows', (event, em) => this.handle(event, em));
    this.consumer.prepare('facts', (events, em) => this.facts.prefetchEvents(em, events));
    this.consumer.prepare('workflows', (_events, em) => this.collectBatch(em));
    this.runner.register(WORKFLOW_SEND_JOB, (job, context) => this.sendDue(job, context));
  }

  async handle(event: RecordChange, em: EntityManager): Promise<void> {
    await this.index.refresh(em);
    const rules = this.index.rules;
    if (rules.size === 0) return;
    const facts = await this.facts.forEvent(em, event);
    const change = { id: String(event.id), entity: event.entity, entityId: event.entityId, kind: event.kind, changes: event.changes, at: event.at };
    // In a prepared batch the timed sends and messages are written at its end; an event alone writes its own.
    const batch = this.batches.get(em);
    // A batch decides at one instant (its start): its timed sends then share their due-time sums.
    const now = batch?.now ?? this.clock.now();
    const decision = await decideChange(rules, change, facts, now, appCalendar(this.config));
    if (batch) {
      if (decision.cancelAllBut) batch.work.cancelAllBut(event.entity, event.entityId, decision.cancelAllBut);
      for (const send of decision.later) batch.work.later(send.order, send.due);
    } else {
      if (decision.cancelAllBut) await this.jobs.cancelAboutMany(em, WORKFLOW_SEND_JOB, [{ entity: event.entity, entityId: event.entityId, keep: decision.cancelAllBut }], 'workflowId');
      for (const send of decision.later) this.sender.schedule(em, send.order, send.due);
    }
    const messages: OutgoingMessage[] = [];
    for (const send of decision.now) {
      const message = await this.sender.compose(em, send.rule, send.action, send.order, now, facts);
      if (message) messages.push(message);
    }
    if (batch) batch.messages.push(...messages);
    else await this.outbox.enqueueMany(em, messages);
  }

  /** Per transaction of a change-event batch: what its events decided, written together at its end. */
  private readonly batches = new TransactionSlot<{ now: Date; work: WorkflowBatchWork; messages: OutgoingMessage[] }>();

  /**
   * At the end of the batch, in one statement: the cancels of stored timed sends, the timed sends no
   * later event cancelled (not touched by those cancels), and the e-mails and SMS due now.
   */
  private async collectBatch(em: EntityManager): Promise<(() => Promise<void>) | void> {
    const batch = { now: this.clock.now(), work: new WorkflowBatchWork(), messages: [] as OutgoingMessage[] };
    if (!this.batches.set(em, batch)) return;
    return async () => {
      this.batches.forget(em);
      // The reminders the events scheduled are written first: the cancels apply to them too.
      await em.flush();
      const cancels = this.jobs.cancelAboutManySql(WORKFLOW_SEND_JOB, batch.work.recordCancels(), 'workflowId');
      const sends = this.sender.scheduleManySql(batch.work.plannedSends());
      await this.outbox.enqueueManyWith(em, batch.messages, [cancels, sends].filter((part) => part !== undefined));
    };
  }

  private async sendDue(job: ClaimedJob, { em, now }: JobContext): Promise<void> {
    const order = job.payload as unknown as SendOrder;
    await this.index.refresh(em);
    const rule = this.index.rules.get(order.workflowId);
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
