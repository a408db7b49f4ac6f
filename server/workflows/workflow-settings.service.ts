import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { parse, type Workflow as WorkflowAst } from '@stroom/dsl';
import type { Principal } from '../auth/principal.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { parseInput, RECORD_ID } from '../common/validation.js';
import { withoutReadOnly } from '../common/read-only-fields.js';
import { statuses as statusResource } from '../crm/statuses/statuses.resource.js';
import { taskTypes as taskTypeResource } from '../crm/tasks/tasks.resource.js';
import type { BaseRecord } from '../records/base-record.js';
import { recordServiceToken } from '../records/record-controller.js';
import type { RecordService } from '../records/record.service.js';
import { TemplateLookup } from '../templates/template-lookup.js';
import {
  EMPTY_STATUS_SETTING, emptyTaskSetting, readStatusWorkflow, readTaskWorkflow, sameStatusSettingButActive, sameTaskSettingButActive,
  statusWorkflowSource, switchedWorkflowSource, taskWorkflowSource,
  type FormReading, type StatusKind, type StatusSetting, type TaskSetting, type TaskWorkflowKind,
} from './settings-dsl.js';
import { WorkflowCustomizedError } from './workflow-customized.error.js';
import { Workflow } from './workflow.entity.js';
import { WorkflowsService } from './workflows.service.js';
import { statusBody, taskTypeBody, type StatusBody, type TaskTypeBody } from './workflow-settings-input.js';
import { statusSettingKey, taskSettingKey } from './setting-keys.js';

export const STATUS_SETTING_PATHS: Record<string, StatusKind> = {
  'quote-request-statuses': 'quote_request',
  'opportunity-statuses': 'opportunity',
  'intake-measures': 'intake_measure',
};

/** What the settings read of a status and a task type (CRM's rows). */
interface StatusRow { id: string; name: string; active: boolean }
interface TaskTypeRow { id: string; name: string }

const TASK_KINDS: TaskWorkflowKind[] = ['new', 'expired', 'completed'];
const TASK_FIELDS: Record<TaskWorkflowKind, 'onNew' | 'onExpired' | 'onCompleted'> = { new: 'onNew', expired: 'onExpired', completed: 'onCompleted' };

/** Fields a GET answers that a PUT cannot change (sent back unchanged they are accepted). */
const STATUS_READ_ONLY = ['id', 'name', 'statusActive', 'customized', 'workflowId'];
const TASK_READ_ONLY = ['id', 'name'];
const TASK_PART_READ_ONLY = ['customized', 'workflowId'];

const statusKey = statusSettingKey;
const taskKey = taskSettingKey;

const MISSING_SETTING_CODES: Record<string, string> = {
  templateKey: 'settings.template_missing', delayDays: 'settings.delay_missing', recipient: 'settings.recipient_missing',
  reminderIntervalDays: 'settings.reminder_interval_missing', reminderMaxCount: 'settings.reminder_max_missing',
};

function require(condition: unknown, field: string, message: string): void {
  if (!condition) throw new BadInputError(`${field}: ${message}`, { field }, { code: MISSING_SETTING_CODES[field.split('.').pop()!] ?? 'request.invalid', params: { field } });
}

/**
 * The forms of seed 004 over DSL workflows, one source of truth: a PUT writes the linked
 * workflow's DSL, a GET reads it back (`customized` when the DSL says more than the form can show).
 */
@Injectable()
export class WorkflowSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly workflows: WorkflowsService,
    private readonly templateLookup: TemplateLookup,
    @Inject(recordServiceToken(statusResource)) private readonly statuses: RecordService<BaseRecord>,
    @Inject(recordServiceToken(taskTypeResource)) private readonly taskTypes: RecordService<BaseRecord>,
  ) {}

  async listStatuses(kind: StatusKind) {
    const em = this.em.fork();
    const statuses = (await this.statuses.rows(em, { kind }, { orderBy: { position: 'asc', id: 'asc' } })) as unknown as StatusRow[];
    const linked = await this.linked(em, statuses.map((s) => statusKey(kind, String(s.id))));
    const items = statuses.map((s) => this.statusRow(kind, s, linked.get(statusKey(kind, String(s.id)))));
    return { items, total: items.length };
  }

  async getStatus(kind: StatusKind, id: string) {
    const em = this.em.fork();
    const status = await this.findStatus(em, kind, id);
    const key = statusKey(kind, id);
    return this.statusRow(kind, status, (await this.linked(em, [key])).get(key));
  }

  /** A status row's PUT body: the read-only fields GET gave may come back unchanged, the rest is the row. */
  async statusInput(kind: StatusKind, id: string, body: Record<string, unknown>): Promise<StatusBody> {
    return parseInput(statusBody, withoutReadOnly(body, await this.getStatus(kind, id), STATUS_READ_ONLY));
  }

  /**
   * Saves a status row. A field left out keeps its value, so switching a row off (`{active: false}`)
   * keeps every setting. A row customized in the DSL can only be switched on or off from here.
   */
  async putStatus(kind: StatusKind, id: string, input: StatusBody, principal?: Principal) {
    const em = this.em.fork();
    const status = await this.findStatus(em, kind, id);
    const key = statusKey(kind, id);
    const linked = (await this.linked(em, [key])).get(key);
    const ast = linked ? workflowAst(linked) : undefined;
    const current: FormReading<StatusSetting> = ast ? readStatusWorkflow(kind, status.name, ast) : { setting: EMPTY_STATUS_SETTING, dslOnlyParts: [] };
    const sendReminder = input.sendReminder ?? current.setting.sendReminder;
    const setting: StatusSetting = {
      active: input.active,
      sendReminder,
      templateKey: keep(input.templateKey, current.setting.templateKey),
      delayDays: keep(input.delayDays, current.setting.delayDays),
      recipient: keep(input.recipient, current.setting.recipient),
      reminderIntervalDays: sendReminder ? keep(input.reminderIntervalDays, current.setting.reminderIntervalDays) : null,
      reminderMaxCount: sendReminder ? keep(input.reminderMaxCount, current.setting.reminderMaxCount) : null,
    };
    if (linked && ast && current.dslOnlyParts.length > 0) {
      if (!sameStatusSettingButActive(setting, current.setting)) throw new WorkflowCustomizedError(current.dslOnlyParts);
      await this.workflows.update(String(linked.id), { source: switchedWorkflowSource(ast, setting.active) }, principal);
      return this.getStatus(kind, id);
    }
    if (setting.active || setting.templateKey) {
      require(setting.templateKey, 'templateKey', 'choose the e-mail template');
      require(setting.delayDays !== null, 'delayDays', 'say after how many days the e-mail goes out (0 for at once)');
      require(setting.recipient, 'recipient', 'choose who receives the e-mail');
      await this.assertTemplate(em, setting.templateKey!);
      if (setting.sendReminder) {
        require(setting.reminderIntervalDays, 'reminderIntervalDays', 'say every how many days the reminder goes out');
        require(setting.reminderMaxCount, 'reminderMaxCount', 'say how many reminders at most');
      }
    }
    await this.write(key, statusWorkflowSource(kind, status.name, setting), principal);
    return this.getStatus(kind, id);
  }

  async listTaskTypes() {
    const em = this.em.fork();
    const types = (await this.taskTypes.rows(em, {}, { orderBy: { name: 'asc' } })) as unknown as TaskTypeRow[];
    const linked = await this.linked(em, types.flatMap((t) => TASK_KINDS.map((k) => taskKey(String(t.id), k))));
    const items = types.map((t) => this.taskRow(t, linked));
    return { items, total: items.length };
  }

  async getTaskType(id: string) {
    const em = this.em.fork();
    const type = await this.findTaskType(em, id);
    return this.taskRow(type, await this.linked(em, TASK_KINDS.map((k) => taskKey(id, k))));
  }

  /** A task type's PUT body: its GET answer may come back with the read-only fields unchanged. */
  async taskTypeInput(id: string, body: Record<string, unknown>): Promise<TaskTypeBody> {
    return parseInput(taskTypeBody, this.taskBodyWithoutReadOnly(body, await this.getTaskType(id)));
  }

  /** Saves the task type's workflows named in the body; like a status row, a field left out keeps its value. */
  async putTaskType(id: string, input: TaskTypeBody, principal?: Principal) {
    const em = this.em.fork();
    const type = await this.findTaskType(em, id);
    const linked = await this.linked(em, TASK_KINDS.map((k) => taskKey(id, k)));
    const writes: (() => Promise<unknown>)[] = [];
    for (const which of TASK_KINDS) {
      const field = TASK_FIELDS[which];
      const part = input[field];
      if (!part) continue;
      const workflow = linked.get(taskKey(id, which));
      const ast = workflow ? workflowAst(workflow) : undefined;
      const current: FormReading<TaskSetting> = ast ? readTaskWorkflow(type.name, which, ast) : { setting: emptyTaskSetting(which), dslOnlyParts: [] };
      const setting: TaskSetting = {
        active: part.active,
        templateKey: keep(part.templateKey, current.setting.templateKey),
        ...(which === 'completed' ? { delayDays: keep(part.delayDays, current.setting.delayDays ?? null) } : {}),
      };
      if (workflow && ast && current.dslOnlyParts.length > 0) {
        if (!sameTaskSettingButActive(setting, current.setting)) throw new WorkflowCustomizedError(current.dslOnlyParts, field);
        const source = switchedWorkflowSource(ast, setting.active);
        writes.push(() => this.workflows.update(String(workflow.id), { source }, principal));
        continue;
      }
      if (setting.active || setting.templateKey) {
        require(setting.templateKey, `${field}.templateKey`, 'choose the e-mail template');
        await this.assertTemplate(em, setting.templateKey!, `${field}.templateKey`);
        if (which === 'completed') require(setting.delayDays !== null && setting.delayDays !== undefined, `${field}.delayDays`, 'say after how many days the e-mail goes out');
      }
      const source = taskWorkflowSource(type.name, which, setting);
      writes.push(() => this.write(taskKey(id, which), source, principal));
    }
    for (const write of writes) await write();
    return this.getTaskType(id);
  }

  /** The task type's GET answer sent back: its read-only fields, and those of each workflow part, dropped. */
  private taskBodyWithoutReadOnly(body: Record<string, unknown>, current: Record<string, unknown>): unknown {
    const parts = { ...(withoutReadOnly(body, current, TASK_READ_ONLY) as Record<string, unknown>) };
    for (const field of Object.values(TASK_FIELDS)) {
      if (field in parts) parts[field] = withoutReadOnly(parts[field], (current[field] ?? {}) as Record<string, unknown>, TASK_PART_READ_ONLY, `${field}.`);
    }
    return parts;
  }

  /** Creates, updates or (for a row switched off and never configured) deletes the linked workflow. */
  private async write(settingKey: string, source: string | null, principal?: Principal): Promise<void> {
    const existing = await this.em.fork().findOne(Workflow, { settingKey });
    if (source === null) {
      if (existing) await this.workflows.remove(String(existing.id), principal);
      return;
    }
    if (existing) await this.workflows.update(String(existing.id), { source }, principal);
    else await this.workflows.create({ source }, principal, settingKey);
  }

  private statusRow(kind: StatusKind, status: StatusRow, workflow: Workflow | undefined) {
    const ast = workflow ? workflowAst(workflow) : undefined;
    const reading = ast ? readStatusWorkflow(kind, status.name, ast) : { setting: EMPTY_STATUS_SETTING, dslOnlyParts: [] };
    const setting = { ...reading.setting, customized: reading.dslOnlyParts.length > 0 };
    return { id: String(status.id), name: status.name, statusActive: status.active, ...setting, workflowId: workflow ? String(workflow.id) : null };
  }

  private taskRow(type: TaskTypeRow, linked: Map<string, Workflow>) {
    const row: Record<string, unknown> = { id: String(type.id), name: type.name };
    for (const which of TASK_KINDS) {
      const workflow = linked.get(taskKey(String(type.id), which));
      const ast = workflow ? workflowAst(workflow) : undefined;
      const reading = ast ? readTaskWorkflow(type.name, which, ast) : { setting: emptyTaskSetting(which), dslOnlyParts: [] };
      const setting = { ...reading.setting, customized: reading.dslOnlyParts.length > 0 };
      if (which !== 'completed') delete (setting as { delayDays?: unknown }).delayDays;
      row[TASK_FIELDS[which]] = { ...setting, workflowId: workflow ? String(workflow.id) : null };
    }
    return row;
  }

  private async linked(em: EntityManager, keys: string[]): Promise<Map<string, Workflow>> {
    if (keys.length === 0) return new Map();
    const rows = await em.find(Workflow, { settingKey: { $in: keys } });
    return new Map(rows.map((w) => [w.settingKey!, w]));
  }

  private async assertTemplate(em: EntityManager, key: string, field = 'templateKey'): Promise<void> {
    const template = await this.templateLookup.byKey(em, key);
    if (!template) throw new BadInputError(`${field}: no template with key "${key}"`, { field }, { code: 'settings.unknown_template', params: { field, key } });
    if (template.channel !== 'email') throw new BadInputError(`${field}: "${key}" is an SMS template; choose an e-mail template`, { field }, { code: 'settings.sms_template', params: { field, key } });
  }

  private async findStatus(em: EntityManager, kind: StatusKind, id: string): Promise<StatusRow> {
    const status = RECORD_ID.test(id) ? ((await this.statuses.rows(em, { id, kind }))[0] as unknown as StatusRow | undefined) : undefined;
    if (!status) throw new NotFoundError(`No ${kind.replace(/_/g, ' ')} status with id ${JSON.stringify(id)}`, { code: 'record.not_found', params: { entity: `${kind} status`, id } });
    return status;
  }

  private async findTaskType(em: EntityManager, id: string): Promise<TaskTypeRow> {
    const type = RECORD_ID.test(id) ? ((await this.taskTypes.rows(em, { id }))[0] as unknown as TaskTypeRow | undefined) : undefined;
    if (!type) throw new NotFoundError(`No task type with id ${JSON.stringify(id)}`, { code: 'record.not_found', params: { entity: 'task type', id } });
    return type;
  }
}

/** A field left out of the body keeps its current value; `null` clears it. */
function keep<T>(given: T | null | undefined, current: T | null): T | null {
  return given === undefined ? current : given;
}

function workflowAst(workflow: Workflow): WorkflowAst | undefined {
  const declaration = parse(workflow.source).ast.declarations[0];
  return declaration?.kind === 'workflow' ? declaration : undefined;
}
