import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { LanguageModule } from '../language/language.module.js';
import { MessagingModule } from '../messaging/messaging.module.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { FactsModule } from '../facts/facts.module.js';
import { CrmModule } from '../crm/crm.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { RuleIndex } from './rule-index.js';
import { RulesRuntime } from './rules-runtime.js';
import { TaskExpiry } from './task-expiry.js';
import { WorkflowExplainer } from './workflow-explainer.js';
import { WorkflowSender } from './workflow-sender.js';
import { WorkflowsController } from './workflows.controller.js';
import { WorkflowSettingsController } from './workflow-settings.controller.js';
import { WorkflowSettingsService } from './workflow-settings.service.js';
import { WorkflowsService } from './workflows.service.js';
import { WorkflowDocuments } from './workflow-documents.js';

@Module({
  imports: [EventsModule, SchedulingModule, MessagingModule, LanguageModule, FactsModule, TemplatesModule, CrmModule],
  controllers: [WorkflowsController, WorkflowSettingsController],
  providers: [WorkflowsService, RuleIndex, WorkflowSender, RulesRuntime, TaskExpiry, WorkflowExplainer, WorkflowSettingsService, WorkflowDocuments],
  exports: [WorkflowsService, WorkflowSettingsService],
})
export class WorkflowsModule {}
