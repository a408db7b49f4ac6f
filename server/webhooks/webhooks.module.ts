import { Module } from '@nestjs/common';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { WebhookOutbox } from './webhook-outbox.js';

/** Outgoing webhook calls: their outbox, the SSRF-guarded sender and the delivery job. */
@Module({
  imports: [SchedulingModule],
  providers: [WebhookOutbox],
  exports: [WebhookOutbox],
})
export class WebhooksModule {}
