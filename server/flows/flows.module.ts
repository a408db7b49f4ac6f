import { Module } from '@nestjs/common';
import { CrmModule } from '../crm/crm.module.js';
import { EventsModule } from '../events/events.module.js';
import { LanguageModule } from '../language/language.module.js';
import { MessagingModule } from '../messaging/messaging.module.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { TrackingModule } from '../tracking/tracking.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { ContactPolicyModule } from '../contact-policy/contact-policy.module.js';
import { WebhookSteps } from './engine/webhook-steps.js';
import { DateTriggerScan } from './date-triggers/date-trigger-scan.js';
import { CrmSteps } from './engine/crm-steps.js';
import { ExperimentSteps } from './engine/experiment-steps.js';
import { FlowExperiments } from './flow-experiments.js';
import { FlowGraphs } from './engine/flow-graphs.js';
import { FlowEvents } from './engine/flow-events.js';
import { LeaveActions } from './engine/leave-actions.js';
import { MessageSteps } from './engine/message-steps.js';
import { ParticipantChecks } from './engine/participant-checks.js';
import { ScriptSteps } from './engine/script-steps.js';
import { SendWindows } from './engine/send-windows.js';
import { StepHandlers } from './engine/step-handlers.js';
import { StepJobs } from './engine/step-jobs.js';
import { FlowStepRunner } from './engine/step-runner.js';
import { WaitSteps } from './engine/wait-steps.js';
import { Enrolment } from './enrolment.js';
import { FlowDocuments } from './flow-documents.js';
import { FlowStats } from './flow-stats.js';
import { FlowStepStats } from './flow-step-stats.js';
import { ParticipantList } from './participant-list.js';
import { FlowEdits } from './flow-edits.js';
import { FlowSimulator } from './flow-simulator.js';
import { FlowForecasts } from './flow-forecast.js';
import { FlowPersonWalk } from './flow-person-walk.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { FlowsController } from './flows.controller.js';
import { FlowCopies } from './flow-copies.js';
import { FlowContent } from './flow-content.js';
import { AttachmentLimit } from './attachment-limit.js';
import { FilesModule } from '../files/files.module.js';
import { FlowEditing } from './flow-editing.js';
import { FlowLifecycle } from './flow-lifecycle.js';
import { FlowQueries } from './flow-queries.js';
import { ParticipationErasure } from './participation-erasure.js';
import { FlowTriggerIndex } from './engine/flow-trigger-index.js';
import { FlowsCatalog } from './flows-catalog.js';
import { FactsModule } from '../facts/facts.module.js';

@Module({
  imports: [LanguageModule, WorkflowsModule, FactsModule, EventsModule, SchedulingModule, MessagingModule, TrackingModule, CrmModule, FilesModule, WebhooksModule, ContactPolicyModule, TemplatesModule, FormsModule],
  controllers: [FlowsController],
  providers: [FlowsCatalog, 
    FlowQueries, FlowEditing, FlowLifecycle, FlowCopies, FlowContent, AttachmentLimit, FlowDocuments, ParticipationErasure, Enrolment, FlowStats, FlowStepStats, ParticipantList, FlowEdits, FlowSimulator, FlowForecasts, FlowPersonWalk,
    FlowGraphs, StepJobs, ExperimentSteps, FlowExperiments, LeaveActions, MessageSteps, WaitSteps, CrmSteps, SendWindows, ScriptSteps, StepHandlers, ParticipantChecks, FlowStepRunner, FlowEvents, FlowTriggerIndex,
    WebhookSteps, DateTriggerScan,
  ],
  exports: [FlowEditing, FlowLifecycle, FlowQueries],
})
export class FlowsModule {}
