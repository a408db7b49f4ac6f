import { Module } from '@nestjs/common';
import { CrmModule } from '../crm/crm.module.js';
import { FlowsModule } from '../flows/flows.module.js';
import { LanguageModule } from '../language/language.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { Exporter } from './exporter.js';
import { Importer } from './importer.js';
import { TransferController } from './transfer.controller.js';

/** Export and import of the rules and what they name, as files a power user keeps in git (issue #10). */
@Module({
  imports: [CrmModule, TemplatesModule, WorkflowsModule, FlowsModule, LanguageModule],
  controllers: [TransferController],
  providers: [Exporter, Importer],
})
export class TransferModule {}
