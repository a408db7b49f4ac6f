import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { FactsModule } from '../facts/facts.module.js';
import { BounceListener } from './bounce-listener.js';
import { EmailFeedback } from './email-feedback.js';
import { SuppressionList } from './suppression-list.js';
import { SuppressionsController } from './suppressions.controller.js';

@Module({
  imports: [EventsModule, FactsModule],
  controllers: [SuppressionsController],
  providers: [SuppressionList, EmailFeedback, BounceListener],
  exports: [SuppressionList],
})
export class SuppressionsModule {}
