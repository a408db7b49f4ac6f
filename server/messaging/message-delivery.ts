import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ClaimedJob, JobRunner, type JobContext } from '../scheduling/job-runner.js';
import { EmailTransport } from './email-transport.js';
import { Message } from './message.entity.js';
import { DELIVER_JOB } from './outbox.js';
import { SmsTransport } from './sms-transport.js';

/**
 * Delivers one queued message (the `message.deliver` job). The message is marked sent in the
 * job's transaction: if the process dies after the transport accepted it but before that commit,
 * the job runs again and resends it with the same Message-ID, never as a different message.
 */
@Injectable()
export class MessageDelivery implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly email: EmailTransport,
    private readonly sms: SmsTransport,
  ) {}

  onModuleInit(): void {
    this.runner.register(DELIVER_JOB, (job, context) => this.deliver(job, context), { external: true });
  }

  async deliver(job: ClaimedJob, { em, now, lastAttempt }: JobContext): Promise<void | { retry: string }> {
    const message = await em.findOne(Message, { id: String(job.payload.messageId) });
    if (!message || message.status !== 'queued') return;
    message.attempts += 1;
    try {
      const result = message.channel === 'email' ? await this.email.send(message) : await this.sms.send(message);
      message.status = 'sent';
      message.sentAt = now;
      message.transport = result.transport;
      message.error = null;
    } catch (error) {
      message.error = (error as Error).message ?? String(error);
      if (!lastAttempt) return { retry: message.error };
      message.status = 'failed';
    }
  }
}
