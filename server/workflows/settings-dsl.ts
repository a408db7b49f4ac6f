// The two-way mapping between the workflow-settings forms and DSL workflows.
// Every form row IS a DSL rule: saving a row writes its canonical DSL source, and reading a linked
// workflow back fills the row — or says `customized` when the DSL holds more than the form can show.
// Pure: no database, no framework.
import {
  parse, print, sameAst,
  type Duration, type Party, type Role, type SendEmailAction, type Workflow, type WorkflowAction,
  type WorkflowTrigger,
} from '@stroom/dsl';
import { BadInputError } from '../common/errors.js';

export type StatusKind = 'quote_request' | 'opportunity' | 'intake_measure';
export const STATUS_KINDS: readonly StatusKind[] = ['quote_request', 'opportunity', 'intake_measure'];

/** `'person' | 'owner' | 'our_contact' | 'service_contact'` or an e-mail address. */
export type Recipient = string;
export const RECIPIENT_ROLES = ['person', 'owner', 'our_contact', 'service_contact'] as const satisfies readonly Role[];
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export interface StatusSetting {
  active: boolean;
  sendReminder: boolean;
  templateKey: string | null;
  delayDays: number | null;
  recipient: Recipient | null;
  reminderIntervalDays: number | null;
  reminderMaxCount: number | null;
}

export type TaskWorkflowKind = 'new' | 'expired' | 'completed';
export const TASK_WORKFLOW_KINDS: readonly TaskWorkflowKind[] = ['new', 'expired', 'completed'];

/** `delayDays` only for `'completed'`. */
export interface TaskSetting {
  active: boolean;
  templateKey: string | null;
  delayDays?: number | null;
}

/** The row of a status workflow that has no linked workflow. */
export const EMPTY_STATUS_SETTING: StatusSetting = Object.freeze({
  active: false, sendReminder: false, templateKey: null, delayDays: null, recipient: null,
  reminderIntervalDays: null, reminderMaxCount: null,
});

/** The row of a task workflow that has no linked workflow (see `emptyTaskSetting` for 'completed'). */
export const EMPTY_TASK_SETTING: TaskSetting = Object.freeze({ active: false, templateKey: null });

/** The empty row of one task workflow: 'completed' also has `delayDays: null`. */
export function emptyTaskSetting(which: TaskWorkflowKind): TaskSetting {
  return which === 'completed' ? { ...EMPTY_TASK_SETTING, delayDays: null } : { ...EMPTY_TASK_SETTING };
}

// ---- names ------------------------------------------------------------------------------------

const STATUS_PREFIX: Record<StatusKind, string> = {
  quote_request: 'Kansactie',
  opportunity: 'Kans',
  intake_measure: 'Intake',
};

const TASK_SUFFIX: Record<TaskWorkflowKind, string> = {
  new: 'nieuw',
  expired: 'verlopen',
  completed: 'afgehandeld',
};

/** e.g. "Kansactie: Offertezoek - Offerte aangevraagd", "Kans: Nieuw", "Intake: Aangemeld". */
export function statusWorkflowName(kind: StatusKind, statusName: string): string {
  return `${STATUS_PREFIX[kind]}: ${statusName}`;
}

/** e.g. "Taak Bellen: nieuw", "Taak Bellen: verlopen", "Taak Bellen: afgehandeld". */
export function taskWorkflowName(typeName: string, which: TaskWorkflowKind): string {
  return `Taak ${typeName}: ${TASK_SUFFIX[which]}`;
}

// ---- form → DSL -------------------------------------------------------------------------------

/** A row never configured (switched off and without a template) has no workflow. */
function neverConfigured(setting: { active: boolean; templateKey: string | null }): boolean {
  return !setting.active && (setting.templateKey === null || setting.templateKey.trim() === '');
}

function requireTemplate(templateKey: string | null): string {
  if (typeof templateKey !== 'string' || templateKey.trim() === '') {
    throw new BadInputError('Choose an e-mail template', { field: 'templateKey' }, { code: 'settings.template_required' });
  }
  return templateKey;
}

/** `null` and 0 mean "at once"; anything else must be a whole number of days. */
function delayOf(days: number | null | undefined, field: string): Duration | undefined {
  if (days === null || days === undefined || days === 0) return undefined;
  if (!Number.isInteger(days) || days < 0) {
    throw new BadInputError('The number of days must be a whole number, 0 or more', { field }, { code: 'settings.days' });
  }
  return { amount: days, unit: 'days' };
}

function positiveWhole(value: number | null, field: string, message: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new BadInputError(message, { field }, { code: field === 'reminderMaxCount' ? 'settings.reminder_max' : 'settings.reminder_interval' });
  return value;
}

const EMAIL_ADDRESS = /^[^\s@"]+@[^\s@"]+$/;

function isRecipientRole(recipient: string): recipient is RecipientRole {
  return (RECIPIENT_ROLES as readonly string[]).includes(recipient);
}

function partyOfRecipient(recipient: Recipient | null): Party {
  if (typeof recipient !== 'string' || recipient.trim() === '') {
    throw new BadInputError('Choose a recipient', { field: 'recipient' }, { code: 'settings.recipient_required' });
  }
  if (isRecipientRole(recipient)) return { kind: 'role', role: recipient };
  if (!EMAIL_ADDRESS.test(recipient)) {
    throw new BadInputError(
      `The recipient is ${RECIPIENT_ROLES.join(', ')} or an e-mail address, not '${recipient}'`, { field: 'recipient' }, { code: 'settings.recipient_invalid', params: { roles: RECIPIENT_ROLES, recipient } },
    );
  }
  return { kind: 'address', address: recipient };
}

/** The canonical source of one workflow; checks that it reads back as the same AST. */
function sourceOf(workflow: Workflow): string {
  const source = print({ kind: 'program', declarations: [workflow] });
  const reread = parse(source);
  const [declaration] = reread.ast.declarations;
  if (reread.diagnostics.some((d) => d.severity === 'error') || reread.ast.declarations.length !== 1 || !sameAst(declaration, workflow)) {
    // Only reachable with texts the DSL cannot hold; report it as bad input, never as a crash.
    throw new BadInputError('These settings cannot be written as a workflow', {
      diagnostics: reread.diagnostics,
    }, { code: 'workflow.not_expressible' });
  }
  return source;
}

/** The status row as a workflow AST, or null when the row was never configured. */
export function statusWorkflow(kind: StatusKind, statusName: string, setting: StatusSetting): Workflow | null {
  if (neverConfigured(setting)) return null;
  const action: SendEmailAction = {
    kind: 'send_email',
    template: requireTemplate(setting.templateKey),
    recipient: partyOfRecipient(setting.recipient),
  };
  const delay = delayOf(setting.delayDays, 'delayDays');
  if (delay) action.delay = delay;
  if (setting.sendReminder) {
    action.reminder = {
      kind: 'remind',
      everyDays: positiveWhole(setting.reminderIntervalDays, 'reminderIntervalDays',
        'Reminders repeat every whole number of days, 1 or more'),
      maxCount: positiveWhole(setting.reminderMaxCount, 'reminderMaxCount',
        'The maximum number of reminders is a whole number, 1 or more'),
    };
  }
  return {
    kind: 'workflow',
    name: statusWorkflowName(kind, statusName),
    active: setting.active,
    trigger: { kind: 'field_changed', entity: kind, field: 'status', to: statusName },
    actions: [action],
  };
}

export function statusWorkflowSource(kind: StatusKind, statusName: string, setting: StatusSetting): string | null {
  const workflow = statusWorkflow(kind, statusName, setting);
  return workflow ? sourceOf(workflow) : null;
}

function taskTrigger(which: TaskWorkflowKind): WorkflowTrigger {
  switch (which) {
    case 'new': return { kind: 'record_event', entity: 'task', event: 'created' };
    case 'expired': return { kind: 'task_expired' };
    case 'completed': return { kind: 'task_completed' };
  }
}

function taskRecipient(which: TaskWorkflowKind): Role {
  return which === 'completed' ? 'contact' : 'responsible';
}

/** The task-type row as a workflow AST, or null when the row was never configured. */
export function taskWorkflow(typeName: string, which: TaskWorkflowKind, setting: TaskSetting): Workflow | null {
  if (neverConfigured(setting)) return null;
  const action: SendEmailAction = {
    kind: 'send_email',
    template: requireTemplate(setting.templateKey),
    recipient: { kind: 'role', role: taskRecipient(which) },
  };
  if (which === 'completed') {
    if (setting.active && (setting.delayDays === null || setting.delayDays === undefined)) {
      throw new BadInputError('Give the number of days after completion', { field: 'delayDays' }, { code: 'settings.completion_delay_required' });
    }
    const delay = delayOf(setting.delayDays, 'delayDays');
    if (delay) action.delay = delay;
  }
  return {
    kind: 'workflow',
    name: taskWorkflowName(typeName, which),
    active: setting.active,
    trigger: taskTrigger(which),
    when: { kind: 'when', condition: { kind: 'compare', field: 'task.type', operator: '=', value: typeName } },
    actions: [action],
  };
}

export function taskWorkflowSource(typeName: string, which: TaskWorkflowKind, setting: TaskSetting): string | null {
  const workflow = taskWorkflow(typeName, which, setting);
  return workflow ? sourceOf(workflow) : null;
}

// ---- DSL → form -------------------------------------------------------------------------------

/** Comments anywhere in the workflow: the form would drop them on save. */
function hasComments(workflow: Workflow): boolean {
  const commented = (item: { comments?: string[] } | undefined) => (item?.comments?.length ?? 0) > 0;
  return (
    commented(workflow) || (workflow.endComments?.length ?? 0) > 0 || commented(workflow.trigger) ||
    commented(workflow.when) || workflow.actions.some((a) => commented(a) || commented(a.reminder))
  );
}

/** The action the form shows: the first e-mail, else the first action. */
function mainAction(workflow: Workflow): WorkflowAction | undefined {
  return workflow.actions.find((a) => a.kind === 'send_email') ?? workflow.actions[0];
}

/** Whole days of a delay: exact (`days`), best effort (`weeks`), or unreadable (hours, workdays…). */
function daysOf(delay: Duration | undefined): { days: number | null; exact: boolean } {
  if (!delay) return { days: 0, exact: true };
  if (delay.unit === 'days') return { days: delay.amount, exact: true };
  if (delay.unit === 'weeks') return { days: delay.amount * 7, exact: false };
  return { days: null, exact: false };
}

function recipientOf(party: Party): { recipient: Recipient | null; exact: boolean } {
  if (party.kind === 'address') return { recipient: party.address, exact: EMAIL_ADDRESS.test(party.address) };
  if (isRecipientRole(party.role)) return { recipient: party.role, exact: true };
  return { recipient: null, exact: false };
}

/**
 * What a form row shows of a workflow, and the parts of it that only the DSL can hold (e.g.
 * "condition", "second action", "delay in hours"): a form save would drop those, so a row with any
 * of them is `customized` and read-only in the form.
 */
export interface FormReading<S> {
  setting: S;
  dslOnlyParts: string[];
}

/** The parts every kind of row shares: comments, further actions, a main action that is no e-mail. */
function commonParts(workflow: Workflow, action: WorkflowAction | undefined): string[] {
  const parts: string[] = [];
  if (hasComments(workflow)) parts.push('comments');
  if (workflow.actions.length > 1) parts.push('second action');
  if (!action) parts.push('no action');
  else if (action.kind !== 'send_email') parts.push('send sms');
  return parts;
}

function delayPart(delay: Duration | undefined): string[] {
  return delay && delay.unit !== 'days' ? [`delay in ${delay.unit}`] : [];
}

export function readStatusWorkflow(kind: StatusKind, statusName: string, workflow: Workflow): FormReading<StatusSetting> {
  const action = mainAction(workflow);
  const parts = commonParts(workflow, action);
  const trigger = workflow.trigger;
  if (trigger.kind !== 'field_changed' || trigger.entity !== kind || trigger.field !== 'status' || trigger.to !== statusName) {
    parts.push('trigger');
  } else if (trigger.from !== undefined) {
    parts.push('from status');
  }
  if (workflow.when !== undefined) parts.push('condition');

  const setting: StatusSetting = { ...EMPTY_STATUS_SETTING, active: workflow.active };
  if (!action) return { setting, dslOnlyParts: parts };
  if (action.kind === 'send_email') {
    setting.templateKey = action.template;
    const { recipient, exact } = recipientOf(action.recipient);
    setting.recipient = recipient;
    if (!exact) parts.push('recipient');
  }
  setting.delayDays = daysOf(action.delay).days;
  parts.push(...delayPart(action.delay));
  if (action.reminder) {
    setting.sendReminder = true;
    setting.reminderIntervalDays = action.reminder.everyDays;
    setting.reminderMaxCount = action.reminder.maxCount;
  }
  return { setting, dslOnlyParts: parts };
}

export function statusSettingFromWorkflow(
  kind: StatusKind, statusName: string, workflow: Workflow,
): StatusSetting & { customized: boolean } {
  const { setting, dslOnlyParts } = readStatusWorkflow(kind, statusName, workflow);
  return { ...setting, customized: dslOnlyParts.length > 0 };
}

export function readTaskWorkflow(typeName: string, which: TaskWorkflowKind, workflow: Workflow): FormReading<TaskSetting> {
  const action = mainAction(workflow);
  const parts = commonParts(workflow, action);
  if (!sameAst(workflow.trigger, taskTrigger(which))) parts.push('trigger');
  const condition = workflow.when?.condition;
  if (
    condition?.kind !== 'compare' || condition.field !== 'task.type' || condition.operator !== '=' ||
    condition.value !== typeName
  ) parts.push('condition');

  const setting: TaskSetting = { ...emptyTaskSetting(which), active: workflow.active };
  if (!action) return { setting, dslOnlyParts: parts };
  if (action.reminder) parts.push('reminder');
  if (action.kind === 'send_email') {
    setting.templateKey = action.template;
    if (action.recipient.kind !== 'role' || action.recipient.role !== taskRecipient(which)) parts.push('recipient');
  }
  if (which === 'completed') {
    setting.delayDays = daysOf(action.delay).days;
    parts.push(...delayPart(action.delay));
  } else if (action.delay) {
    parts.push('delay');
  }
  return { setting, dslOnlyParts: parts };
}

export function taskSettingFromWorkflow(
  typeName: string, which: TaskWorkflowKind, workflow: Workflow,
): TaskSetting & { customized: boolean } {
  const { setting, dslOnlyParts } = readTaskWorkflow(typeName, which, workflow);
  return { ...setting, customized: dslOnlyParts.length > 0 };
}

// ---- a customized workflow switched on or off -------------------------------------------------

const STATUS_FORM_FIELDS = ['sendReminder', 'templateKey', 'delayDays', 'recipient'] as const;
const REMINDER_FIELDS = ['reminderIntervalDays', 'reminderMaxCount'] as const;

/** Whether a form save asks for nothing but what the row already shows, apart from the on/off switch. */
export function sameStatusSettingButActive(saved: StatusSetting, shown: StatusSetting): boolean {
  const fields = saved.sendReminder ? [...STATUS_FORM_FIELDS, ...REMINDER_FIELDS] : STATUS_FORM_FIELDS;
  return fields.every((field) => saved[field] === shown[field]);
}

export function sameTaskSettingButActive(saved: TaskSetting, shown: TaskSetting): boolean {
  return saved.templateKey === shown.templateKey && (saved.delayDays ?? null) === (shown.delayDays ?? null);
}

/**
 * The source of a workflow switched on or off, everything else as it was: only the `inactive` of
 * its header changes (the stored source is already canonical, so printing changes nothing else).
 */
export function switchedWorkflowSource(workflow: Workflow, active: boolean): string {
  return sourceOf({ ...workflow, active });
}
