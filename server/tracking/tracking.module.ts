import { Module } from '@nestjs/common';
import { CrmModule } from '../crm/crm.module.js';
import { EventsModule } from '../events/events.module.js';
import { TrackingController } from './tracking.controller.js';
import { TrackingService } from './tracking.service.js';
import { TrackingErasure } from './tracking-erasure.js';
import { TrackedVisits } from './tracked-visits.js';

@Module({ imports: [EventsModule, CrmModule], controllers: [TrackingController], providers: [TrackingService, TrackingErasure, TrackedVisits], exports: [TrackingService, TrackedVisits] })
export class TrackingModule {}
