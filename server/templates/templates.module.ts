import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { closeRenderThreads } from './off-loop-render.js';
import { TemplateVariablesController } from './template-variables.controller.js';
import { EventsModule } from '../events/events.module.js';
import { MessagingModule } from '../messaging/messaging.module.js';
import { PreviewRecords } from './preview-records.js';
import type { BaseRecord } from '../records/base-record.js';
import { recordController } from '../records/record-controller.js';
import { recordServiceProvider } from '../records/record-provider.js';
import type { Resource } from '../records/resource.js';
import { TemplateActionsController } from './template-actions.controller.js';
import { TemplateSender } from './template-sender.js';
import { TemplateUsage } from './template-usage.js';
import { templates } from './templates.resource.js';
import { LanguageModule } from '../language/language.module.js';
import { TemplatesCatalog } from './templates-catalog.js';
import { TemplateLookup } from './template-lookup.js';
import { FactsModule } from '../facts/facts.module.js';

const resource = templates as unknown as Resource<BaseRecord>;
const templateRecords = recordServiceProvider(resource);

@Module({
  imports: [LanguageModule, EventsModule, MessagingModule, FactsModule],
  controllers: [recordController(resource), TemplateActionsController, TemplateVariablesController],
  providers: [TemplatesCatalog, templateRecords, PreviewRecords, TemplateSender, TemplateUsage, TemplateLookup],
  exports: [templateRecords, TemplateLookup],
})
export class TemplatesModule implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await closeRenderThreads();
  }
}
