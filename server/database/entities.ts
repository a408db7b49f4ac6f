import { Session } from '../auth/session.entity.js';
import { LoginFailure } from '../auth/login-failure.entity.js';
import { LoginRateWindow } from '../auth/login-rate-window.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Company } from '../crm/companies/company.entity.js';
import { Employee } from '../crm/employees/employee.entity.js';
import { Group } from '../crm/employees/group.entity.js';
import { AssignmentRule } from '../crm/assignment-rules/assignment-rule.entity.js';
import { FollowUp } from '../crm/follow-ups/follow-up.entity.js';
import { Project, ProjectMember } from '../crm/lists/project.entity.js';
import { Selection, SelectionMember } from '../crm/lists/selection.entity.js';
import { Person } from '../crm/persons/person.entity.js';
import { IntakeMeasure } from '../crm/pipeline/intake-measure.entity.js';
import { Opportunity } from '../crm/pipeline/opportunity.entity.js';
import { QuoteRequest } from '../crm/pipeline/quote-request.entity.js';
import { CrmRequest } from '../crm/requests/crm-request.entity.js';
import { Sale } from '../crm/sales/sale.entity.js';
import { Status } from '../crm/statuses/status.entity.js';
import { Task } from '../crm/tasks/task.entity.js';
import { TaskType } from '../crm/tasks/task-type.entity.js';
import { ChangeEvent } from '../events/change-event.entity.js';
import { ClockState } from '../clock/clock-state.entity.js';
import { Job } from '../scheduling/job.entity.js';
import { Message } from '../messaging/message.entity.js';
import { DeliveryAttempt } from '../messaging/delivery-attempt.entity.js';
import { Form } from '../forms/form.entity.js';
import { TrackingToken } from '../tracking/tracking-token.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { Template } from '../templates/template.entity.js';
import { RuleSetVersion, Workflow, WorkflowVersion } from '../workflows/workflow.entity.js';
import { Flow, FlowVersion } from '../flows/flow.entity.js';
import { FlowRefusal, Participant } from '../flows/participant.entity.js';
import { SoftBounceStreak, Suppression } from '../suppressions/suppression.entity.js';
import { ContactDecision, ContactPolicyDocumentRow } from '../contact-policy/contact-policy.entity.js';
import { WebhookCall } from '../webhooks/webhook-call.entity.js';

/** Every entity the ORM knows; each module owns its own, this list only gathers them for the ORM. */
export const ENTITIES = [
  Group, Employee, Company, Person, Selection, SelectionMember, Project, ProjectMember,
  Status, TaskType, Task, QuoteRequest, Opportunity, IntakeMeasure, Sale, CrmRequest, FollowUp, AssignmentRule,
  ChangeEvent, Session, ClockState, Job, Message, DeliveryAttempt, Form, StoredFile, Template, Workflow, WorkflowVersion, RuleSetVersion, Flow, FlowVersion, Participant, FlowRefusal, TrackingToken,
  LoginFailure, LoginRateWindow, AuditEntry, Suppression, SoftBounceStreak,
  ContactPolicyDocumentRow, ContactDecision,
  WebhookCall,
];
