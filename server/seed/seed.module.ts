import { Module } from '@nestjs/common';
import { CrmModule } from '../crm/crm.module.js';
import { FlowsModule } from '../flows/flows.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { TrackingModule } from '../tracking/tracking.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { DemoHistory } from './demo-history.js';
import { DemoMarketing } from './demo-marketing.js';
import { DemoSeeder } from './demo-seeder.js';

@Module({
  imports: [CrmModule, FlowsModule, FormsModule, SchedulingModule, TemplatesModule, TrackingModule, WorkflowsModule],
  providers: [DemoSeeder, DemoMarketing, DemoHistory],
})
export class SeedModule {}
