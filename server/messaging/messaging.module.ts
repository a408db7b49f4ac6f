import { Module } from '@nestjs/common';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { SuppressionsModule } from '../suppressions/suppressions.module.js';
import { EmailTransport } from './email-transport.js';
import { MessageDelivery } from './message-delivery.js';
import { MessagesController } from './messages.controller.js';
import { MessageDetailQuery } from './message-detail.js';
import { MessagesQuery } from './messages.query.js';
import { Outbox } from './outbox.js';
import { SmsTransport } from './sms-transport.js';
import { MessageErasure } from './message-erasure.js';
import { MarketingLedger } from './marketing-ledger.js';

@Module({
  imports: [SchedulingModule, SuppressionsModule],
  controllers: [MessagesController],
  providers: [Outbox, EmailTransport, SmsTransport, MessageDelivery, MessagesQuery, MessageDetailQuery, MessageErasure, MarketingLedger],
  exports: [Outbox, MarketingLedger],
})
export class MessagingModule {}
