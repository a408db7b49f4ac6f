import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../auth/principal.js';
import { ConflictError, DomainError } from '../common/errors.js';
import { Status } from '../crm/statuses/status.entity.js';
import { statuses } from '../crm/statuses/statuses.resource.js';
import { TaskType } from '../crm/tasks/task-type.entity.js';
import { taskTypes } from '../crm/tasks/tasks.resource.js';
import { Flow } from '../flows/flow.entity.js';
import { FlowsService } from '../flows/flows.service.js';
import { CatalogLoader } from '../language/catalog-loader.js';
import type { BaseRecord } from '../records/base-record.js';
import { recordServiceToken } from '../records/record-controller.js';
import type { RecordService } from '../records/record.service.js';
import type { Resource } from '../records/resource.js';
import { Template } from '../templates/template.entity.js';
import { templates } from '../templates/templates.resource.js';
import { statusSettingKey, taskSettingKey } from '../workflows/setting-keys.js';
import { Workflow } from '../workflows/workflow.entity.js';
import { WorkflowsService } from '../workflows/workflows.service.js';
import type { Bundle, BundleSetting } from './bundle.js';

export interface ImportChange {
  kind: 'status' | 'task_type' | 'template' | 'workflow' | 'flow';
  name: string;
  action: 'create' | 'update' | 'unchanged';
}

export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  changes: ImportChange[];
  summary: Record<ImportChange['action'], number>;
}

/** Thrown at the end of a dry run so that the transaction rolls back with everything it did. */
class DryRunDone extends Error {
  constructor(readonly changes: ImportChange[]) {
    super('dry run');
  }
}

const token = (resource: unknown) => recordServiceToken(resource as Resource<BaseRecord>);

/**
 * Applies an export in one transaction: statuses, task types and templates first, then workflows
 * (checked against them) and flows, matched by name (templates by key); nothing is deleted. A dry
 * run does all of it and rolls back, so what it lists is exactly what applying would change.
 */
@Injectable()
export class Importer {
  constructor(
    private readonly em: EntityManager,
    private readonly catalogs: CatalogLoader,
    private readonly workflows: WorkflowsService,
    private readonly flows: FlowsService,
    @Inject(token(statuses)) private readonly statusRecords: RecordService<BaseRecord>,
    @Inject(token(taskTypes)) private readonly taskTypeRecords: RecordService<BaseRecord>,
    @Inject(token(templates)) private readonly templateRecords: RecordService<BaseRecord>,
  ) {}

  async run(bundle: Bundle, dryRun: boolean, principal?: Principal): Promise<ImportReport> {
    let changes: ImportChange[];
    try {
      changes = await this.em.fork().transactional(async (em) => {
        const done = await this.apply(em, bundle, principal);
        if (dryRun) throw new DryRunDone(done);
        return done;
      });
    } catch (error) {
      if (!(error instanceof DryRunDone)) throw error;
      changes = error.changes;
    }
    const summary = { create: 0, update: 0, unchanged: 0 };
    for (const change of changes) summary[change.action] += 1;
    return { dryRun, applied: !dryRun, changes, summary };
  }

  private async apply(em: EntityManager, bundle: Bundle, principal?: Principal): Promise<ImportChange[]> {
    const changes: ImportChange[] = [];
    const upsert = async (kind: ImportChange['kind'], name: string, records: RecordService<BaseRecord>, existing: { id: unknown } | null, fields: Record<string, unknown>, same: boolean) => {
      await within(`${kind.replace('_', ' ')} ${JSON.stringify(name)}`, async () => {
        if (!existing) await records.createIn(em, fields, principal);
        else if (!same) await records.updateIn(em, String(existing.id), fields, principal);
      });
      changes.push({ kind, name, action: !existing ? 'create' : same ? 'unchanged' : 'update' });
    };
    for (const s of bundle.statuses) {
      const existing = await em.findOne(Status, { kind: s.kind, name: s.name });
      await upsert('status', `${s.kind}: ${s.name}`, this.statusRecords, existing, s, !!existing && existing.position === s.position && existing.active === s.active);
    }
    for (const t of bundle.taskTypes) {
      await upsert('task_type', t.name, this.taskTypeRecords, await em.findOne(TaskType, { name: t.name }), t, true);
    }
    for (const t of bundle.templates) {
      const existing = await em.findOne(Template, { key: t.key });
      const same = !!existing && existing.name === t.name && existing.channel === t.channel && (existing.subject ?? null) === t.subject && existing.body === t.body;
      await upsert('template', t.key, this.templateRecords, existing, t, same);
    }
    const catalog = await this.catalogs.load(em);
    for (const w of bundle.workflows) {
      const existing = await em.findOne(Workflow, { name: w.name });
      const settingKey = w.setting ? await this.settingKey(em, w.setting) : null;
      const sameSource = existing?.source === w.source;
      const sameLink = settingKey === null || existing?.settingKey === settingKey;
      await within(`workflow ${JSON.stringify(w.name)}`, async () => {
        if (!existing) await this.workflows.createIn(em, { source: w.source }, principal, settingKey ?? undefined, catalog);
        else if (!sameSource) await this.workflows.updateIn(em, String(existing.id), { source: w.source }, principal, catalog);
        if (existing && !sameLink) existing.settingKey = settingKey;
      });
      changes.push({ kind: 'workflow', name: w.name, action: !existing ? 'create' : sameSource && sameLink ? 'unchanged' : 'update' });
    }
    for (const f of bundle.flows) {
      const existing = await em.findOne(Flow, { name: f.name });
      const same = !!existing && existing.source === f.source;
      if (existing && !same && existing.status === 'running') {
        throw new ConflictError(`flow ${JSON.stringify(f.name)}: it is running; pause it before importing a changed version`, { flow: f.name }, { code: 'import.running_flow', params: { flow: f.name } });
      }
      await within(`flow ${JSON.stringify(f.name)}`, async () => {
        if (!existing) await this.flows.createIn(em, { source: f.source }, principal, catalog);
        else if (!same) await this.flows.updateIn(em, String(existing.id), { source: f.source }, principal, catalog);
      });
      changes.push({ kind: 'flow', name: f.name, action: !existing ? 'create' : same ? 'unchanged' : 'update' });
    }
    await em.flush();
    return changes;
  }

  private async settingKey(em: EntityManager, setting: BundleSetting): Promise<string | null> {
    if (setting.kind === 'status') {
      const status = await em.findOne(Status, { kind: setting.statusKind, name: setting.status });
      return status ? statusSettingKey(setting.statusKind, String(status.id)) : null;
    }
    const type = await em.findOne(TaskType, { name: setting.taskType });
    return type ? taskSettingKey(String(type.id), setting.which) : null;
  }
}

/** Runs one item's import; a refusal names the item (`workflow "Offerte": source: 3:5: …`). */
async function within(label: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.statusCode, error.error, `${label}: ${error.message}`, error.details, error.coded ? { code: error.code, params: error.params, context: error.context ? `${label}: ${error.context}` : label } : undefined);
    throw error;
  }
}
