import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { ClockAdvancer } from './clock-advancer.js';
import { ClockController } from './clock.controller.js';
import { JobPoller } from './job-poller.js';
import { JobRunner } from './job-runner.js';
import { JobScheduler } from './job-scheduler.js';

@Module({
  imports: [EventsModule],
  controllers: [ClockController],
  providers: [JobScheduler, JobRunner, JobPoller, ClockAdvancer],
  exports: [JobScheduler, JobRunner, ClockAdvancer],
})
export class SchedulingModule {}
