import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { ChangeEventConsumer } from '../events/change-event-consumer.js';
import { ChangeEvent } from '../events/change-event.entity.js';
import { ChangeRecorder } from '../events/change-recorder.js';
import { JobRunner, type ClaimedJob, type JobContext } from '../scheduling/job-runner.js';
import { JobScheduler } from '../scheduling/job-scheduler.js';
import { Task } from '../crm/tasks/task.entity.js';

export const TASK_EXPIRE_JOB = 'task.expire';

const expiryKey = (taskId: string) => `task-expiry:${taskId}`;

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
  ) {}

  onModuleInit(): void {
    this.consumer.register('task-expiry', (event, em) => this.onTaskChange(event, em));
    this.runner.register(TASK_EXPIRE_JOB, (job, context) => this.expire(job, context));
  }

  async onTaskChange(event: ChangeEvent, em: EntityManager): Promise<void> {
    if (event.entity !== 'task' || !['created', 'updated', 'deleted'].includes(event.kind)) return;
    if (event.kind === 'updated' && !('due_at' in event.changes) && !('completed_at' in event.changes)) return;
    await this.jobs.cancel(em, expiryKey(event.entityId));
    if (event.kind === 'deleted') return;
    const task = await em.findOne(Task, { id: event.entityId });
    if (!task?.dueAt || task.completedAt) return;
    this.jobs.schedule(em, { kind: TASK_EXPIRE_JOB, dueAt: task.dueAt, payload: { taskId: event.entityId, dueAt: task.dueAt.toISOString() }, cancelKey: expiryKey(event.entityId) });
  }

  async expire(job: ClaimedJob, { em }: JobContext): Promise<void> {
    const taskId = String(job.payload.taskId);
    const task = await em.findOne(Task, { id: taskId });
    if (!task || task.completedAt || task.dueAt?.toISOString() !== job.payload.dueAt) return;
    const before = await em.count(ChangeEvent, { entity: 'task', entityId: taskId, kind: 'expired' });
    if (before > 0) return;
    this.recorder.record(em, { entity: 'task', entityId: taskId, kind: 'expired', changes: {}, data: { due_at: job.payload.dueAt } });
  }
}
