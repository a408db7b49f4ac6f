import { Module } from '@nestjs/common';
import { ChangeEventConsumer } from './change-event-consumer.js';
import { ChangeEventsController } from './change-events.controller.js';
import { BehaviourEventsController } from './behaviour-events.controller.js';
import { ChangeEventsQuery } from './change-events.query.js';
import { ChangeRecorder } from './change-recorder.js';
import { ChangeEventErasure } from './change-event-erasure.js';

@Module({
  controllers: [ChangeEventsController, BehaviourEventsController],
  providers: [ChangeRecorder, ChangeEventsQuery, ChangeEventConsumer, ChangeEventErasure],
  exports: [ChangeRecorder, ChangeEventConsumer],
})
export class EventsModule {}
