import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import type { BaseRecord } from '../records/base-record.js';
import { recordController } from '../records/record-controller.js';
import { recordServiceProvider } from '../records/record-provider.js';
import type { Resource } from '../records/resource.js';
import { forms } from './forms.resource.js';
import { FormSubmissions, FormSubmissionsController } from './form-submissions.js';
import { FormUsageController, FormUsages } from './form-usage.js';
import { PublicFormController } from './public-form.controller.js';
import { CrmModule } from '../crm/crm.module.js';
import { LanguageModule } from '../language/language.module.js';
import { FormsCatalog } from './forms-catalog.js';
import { FormLookup } from './form-lookup.js';

const resource = forms as unknown as Resource<BaseRecord>;
const formRecords = recordServiceProvider(resource);

@Module({
  imports: [LanguageModule, EventsModule, CrmModule],
  controllers: [recordController(resource), FormSubmissionsController, FormUsageController, PublicFormController],
  providers: [FormsCatalog, formRecords, FormSubmissions, FormUsages, FormLookup],
  exports: [formRecords, FormSubmissions, FormLookup],
})
export class FormsModule {}
