import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { tasks } from '../crm/tasks/tasks.resource.js';
import { ChangeEventConsumer } from '../events/change-event-consumer.js';
import { ChangeRecorder } from '../events/change-recorder.js';
import type { RecordChange } from '../events/record-change.js';
import type { BaseRecord } from '../records/base-record.js';
import { recordServiceToken } from '../records/record-controller.js';
import type { RecordService } from '../records/record.service.js';
import { JobRunner, type ClaimedJob, type JobContext } from '../scheduling/job-runner.js';
import { JobScheduler } from '../scheduling/job-scheduler.js';

export const TASK_EXPIRE_JOB = 'task.expire';

const expiryKey = (taskId: string) => `task-expiry:${taskId}`;

/** What expiry reads of a task. */
interface TaskTimes {
  dueAt?: Date | null;
  completedAt?: Date | null;
}

/**
 * `task.expired`: a due job at each open task's due time. Moving the due time
 * reschedules it, completing or deleting the task cancels it, and a task expires at most once.
 */
@Injectable()
export class TaskExpiry implements OnModuleInit {
  constructor(
    private readonly consumer: ChangeEventConsumer,
    private readonly runner: JobRunner,
    private readonly jobs: JobScheduler,
    private readonly recorder: ChangeRecorder,
    @Inject(recordServiceToken(tasks)) private readonly tasks: RecordService<BaseRecord>,
  ) {}

  onModuleInit(): void {
    this.consumer.register('task-expiry', (event, em) => this.onTaskChange(event, em));
    this.runner.register(TASK_EXPIRE_JOB, (job, context) => this.expire(job, context));
  }

  async onTaskChange(event: RecordChange, em: EntityManager): Promise<void> {
    if (event.entity !== 'task' || !['created', 'updated', 'deleted'].includes(event.kind)) return;
    if (event.kind === 'updated' && !('due_at' in event.changes) && !('completed_at' in event.changes)) return;
    await this.jobs.cancel(em, expiryKey(event.entityId));
    if (event.kind === 'deleted') return;
    const task = await this.task(em, event.entityId);
    if (!task?.dueAt || task.completedAt) return;
    this.jobs.schedule(em, { kind: TASK_EXPIRE_JOB, dueAt: task.dueAt, payload: { taskId: event.entityId, dueAt: task.dueAt.toISOString() }, cancelKey: expiryKey(event.entityId) });
  }

  async expire(job: ClaimedJob, { em }: JobContext): Promise<void> {
    const taskId = String(job.payload.taskId);
    const task = await this.task(em, taskId);
    if (!task || task.completedAt || task.dueAt?.toISOString() !== job.payload.dueAt) return;
    if (await this.recorder.hasRecorded(em, 'task', taskId, 'expired')) return;
    this.recorder.record(em, { entity: 'task', entityId: taskId, kind: 'expired', changes: {}, data: { due_at: job.payload.dueAt } });
  }

  private async task(em: EntityManager, id: string): Promise<TaskTimes | undefined> {
    return (await this.tasks.rows(em, { id }))[0] as TaskTimes | undefined;
  }
}
