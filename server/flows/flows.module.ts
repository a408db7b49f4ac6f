import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module.js';
import { FlowsController } from './flows.controller.js';
import { FlowsService } from './flows.service.js';
import { FlowRenames } from './flow-renames.js';
import { Enrolment } from './enrolment.js';
import { FlowStats } from './flow-stats.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';

@Module({ imports: [LanguageModule, WorkflowsModule], controllers: [FlowsController], providers: [FlowsService, FlowRenames, Enrolment, FlowStats], exports: [FlowsService] })
export class FlowsModule {}
