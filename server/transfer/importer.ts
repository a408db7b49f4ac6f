import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import type { Catalog } from '@stroom/dsl';
import type { Principal } from '../auth/principal.js';
import { ConflictError, DomainError } from '../common/errors.js';
import { statuses } from '../crm/statuses/statuses.resource.js';
import { taskTypes } from '../crm/tasks/tasks.resource.js';
import { checkFlowSource } from '../flows/flow-source.js';
import { FlowEditing } from '../flows/flow-editing.js';
import { FlowQueries } from '../flows/flow-queries.js';
import { CatalogLoader } from '../language/catalog-loader.js';
import type { BaseRecord } from '../records/base-record.js';
import { recordServiceToken } from '../records/record-controller.js';
import type { RecordService } from '../records/record.service.js';
import { templates } from '../templates/templates.resource.js';
import { statusSettingKey, taskSettingKey } from '../workflows/setting-keys.js';
import { checkWorkflowSource } from '../workflows/workflow-source.js';
import { WorkflowsService } from '../workflows/workflows.service.js';
import type { Bundle, BundleSetting } from './bundle.js';
import type { StatusRow, TaskTypeRow, TemplateRow } from './transfer-rows.js';

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

interface Existing {
  statuses: Map<string, { id: string; position: number; active: boolean }>;
  taskTypes: Map<string, { id: string }>;
  templates: Map<string, { id: string; name: string; channel: string; format: string; subject: string | null; body: string }>;
  workflows: Map<string, Awaited<ReturnType<WorkflowsService['all']>>[number]>;
  flows: Map<string, Awaited<ReturnType<FlowQueries['all']>>[number]>;
}

/** One item of the bundle, decided: what applying it does and to which row. */
interface Planned {
  change: ImportChange;
  apply?: (em: EntityManager) => Promise<void>;
}

/** How long one slice of an import's writes may hold the database. */
const SLICE_MS = 50;
/**
 * The pause between slices. A request that arrived during a slice needs a few turns of the event
 * loop before it asks for the connection; with no pause the next slice asked first, and on the
 * embedded database (one connection) a health check waited three or four slices.
 */
const SLICE_GAP_MS = 20;

const statusKey = (kind: string, name: string) => `${kind}\u0000${name}`;

/**
 * Applies an export: statuses, task types and templates first, then workflows (checked against
 * them) and flows, matched by name (templates by key); nothing is deleted. Everything is decided
 * first, with no transaction held: the existing rows are read once per kind, every item is
 * validated and every rule checked against the catalog as it will be. A dry run answers that
 * plan; applying writes it in slices of about 50 ms with a pause between them, each a transaction of its own
 * (the embedded database has one connection: one long transaction would hold every other request),
 * each item on a fresh entity manager (so the cost is linear in the size of the import); reading
 * the files bounds their number (IMPORT_LIMITS).
 */
@Injectable()
export class Importer {
  constructor(
    private readonly em: EntityManager,
    private readonly catalogs: CatalogLoader,
    private readonly workflows: WorkflowsService,
    private readonly flows: FlowEditing,
    private readonly flowQueries: FlowQueries,
    @Inject(recordServiceToken(statuses)) private readonly statusRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(taskTypes)) private readonly taskTypeRecords: RecordService<BaseRecord>,
    @Inject(recordServiceToken(templates)) private readonly templateRecords: RecordService<BaseRecord>,
  ) {}

  async run(bundle: Bundle, dryRun: boolean, principal?: Principal): Promise<ImportReport> {
    const plan = await this.plan(bundle, principal);
    if (!dryRun) await this.applyInSlices(plan.flatMap((item) => (item.apply ? [item.apply] : [])));
    const changes = plan.map((item) => item.change);
    const summary = { create: 0, update: 0, unchanged: 0 };
    for (const change of changes) summary[change.action] += 1;
    return { dryRun, applied: !dryRun, changes, summary };
  }

  /**
   * Writes the planned items in order, a slice per transaction. A write that fails after the plan
   * held (a concurrent change) keeps the slices before it and names how many items were applied:
   * the import matches by name, so running it again changes only what still differs.
   */
  private async applyInSlices(writes: ((em: EntityManager) => Promise<void>)[]): Promise<void> {
    let applied = 0;
    while (applied < writes.length) {
      try {
        applied = await this.em.fork().transactional(async (em) => {
          const started = performance.now();
          let next = applied;
          do {
            const own = em.fork({ clear: true, keepTransactionContext: true });
            await writes[next]!(own);
            await own.flush();
            next += 1;
          } while (next < writes.length && performance.now() - started < SLICE_MS);
          return next;
        });
      } catch (error) {
        if (!(error instanceof DomainError) || applied === 0) throw error;
        throw new DomainError(error.statusCode, error.error, `${error.message} (${applied} of ${writes.length} changes were applied before it; run the import again once this is resolved)`,
          { ...(error.details as object | undefined), applied, of: writes.length }, error.coded ? { code: error.code, params: error.params, ...(error.context ? { context: error.context } : {}) } : undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, SLICE_GAP_MS));
    }
  }

  private async plan(bundle: Bundle, principal?: Principal): Promise<Planned[]> {
    const em = this.em.fork();
    const existing = await this.existing(em);
    const catalog = await this.catalogs.load(em, { statuses: bundle.statuses, taskTypes: bundle.taskTypes, templates: bundle.templates });
    const plan: Planned[] = [];
    /** `id` '' stands for a row an earlier item of this import creates: it is looked up when applied. */
    const upsert = async (kind: ImportChange['kind'], name: string, records: RecordService<BaseRecord>, id: string | undefined, fields: Record<string, unknown>, same: boolean, lookup: (tx: EntityManager) => Promise<{ id: unknown } | null>): Promise<Planned> => {
      const label = `${kind.replace('_', ' ')} ${JSON.stringify(name)}`;
      if (!same) await within(label, () => records.check(fields, id === undefined ? 'create' : 'update'));
      const action: ImportChange['action'] = id === undefined ? 'create' : same ? 'unchanged' : 'update';
      const apply = action === 'unchanged' ? undefined : (tx: EntityManager) => within(label, async () => {
        if (id === undefined) await records.createIn(tx, fields, principal);
        else await records.updateIn(tx, id || String((await lookup(tx))!.id), fields, principal);
      });
      return { change: { kind, name, action }, apply };
    };
    for (const s of bundle.statuses) {
      const key = statusKey(s.kind, s.name);
      const found = existing.statuses.get(key);
      plan.push(await upsert('status', `${s.kind}: ${s.name}`, this.statusRecords, found?.id, s, !!found && found.position === s.position && found.active === s.active, (tx) => this.one(this.statusRecords, tx, { kind: s.kind, name: s.name })));
      // A name twice in the bundle: the second finds the first, as it would in the database.
      existing.statuses.set(key, { id: found?.id ?? '', position: s.position, active: s.active });
    }
    for (const t of bundle.taskTypes) {
      plan.push(await upsert('task_type', t.name, this.taskTypeRecords, existing.taskTypes.get(t.name)?.id, t, true, (tx) => this.one(this.taskTypeRecords, tx, { name: t.name })));
      existing.taskTypes.set(t.name, { id: existing.taskTypes.get(t.name)?.id ?? '' });
    }
    for (const t of bundle.templates) {
      const found = existing.templates.get(t.key);
      const same = !!found && found.name === t.name && found.channel === t.channel && found.format === t.format && (found.subject ?? null) === t.subject && found.body === t.body;
      plan.push(await upsert('template', t.key, this.templateRecords, found?.id, t, same, (tx) => this.one(this.templateRecords, tx, { key: t.key })));
      existing.templates.set(t.key, { id: found?.id ?? '', ...t });
    }
    for (const w of bundle.workflows) plan.push(this.planWorkflow(w, existing, catalog, principal));
    for (const f of bundle.flows) plan.push(this.planFlow(f, existing, catalog, principal));
    return plan;
  }

  private planWorkflow(w: Bundle['workflows'][number], existing: Existing, catalog: Catalog, principal?: Principal): Planned {
    const label = `workflow ${JSON.stringify(w.name)}`;
    const found = existing.workflows.get(w.name);
    withinSync(label, () => checkWorkflowSource(w.source, catalog));
    const sameSource = found?.source === w.source;
    // A link to a status or task type the import creates gets its id only when applied.
    const knownKey = w.setting ? this.knownSettingKey(w.setting, existing) : null;
    const sameLink = !w.setting || (knownKey !== undefined && found?.settingKey === knownKey);
    const action: ImportChange['action'] = !found ? 'create' : sameSource && sameLink ? 'unchanged' : 'update';
    const apply = action === 'unchanged' ? undefined : (em: EntityManager) => within(label, async () => {
      const settingKey = w.setting ? await this.settingKey(em, w.setting) : null;
      if (!found) await this.workflows.createIn(em, { source: w.source }, principal, settingKey ?? undefined, catalog);
      else {
        if (!sameSource) await this.workflows.updateIn(em, String(found.id), { source: w.source }, principal, catalog);
        if (settingKey !== null && found.settingKey !== settingKey) await this.workflows.linkSetting(em, String(found.id), settingKey);
      }
    });
    return { change: { kind: 'workflow', name: w.name, action }, apply };
  }

  private planFlow(f: Bundle['flows'][number], existing: Existing, catalog: Catalog, principal?: Principal): Planned {
    const label = `flow ${JSON.stringify(f.name)}`;
    const found = existing.flows.get(f.name);
    const same = !!found && found.source === f.source;
    if (found && !same && found.status === 'running') {
      throw new ConflictError(`flow ${JSON.stringify(f.name)}: it is running; pause it before importing a changed version`, { flow: f.name }, { code: 'import.running_flow', params: { flow: f.name } });
    }
    withinSync(label, () => checkFlowSource(f.source, catalog, found?.usedStepIds ?? []));
    const action: ImportChange['action'] = !found ? 'create' : same ? 'unchanged' : 'update';
    const apply = action === 'unchanged' ? undefined : (em: EntityManager) => within(label, async () => {
      if (!found) await this.flows.createIn(em, { source: f.source }, principal, catalog);
      else await this.flows.updateIn(em, String(found.id), { source: f.source }, principal, catalog);
    });
    return { change: { kind: 'flow', name: f.name, action }, apply };
  }

  /** What there is now, one query per kind. */
  private async existing(em: EntityManager): Promise<Existing> {
    const [statusRows, taskTypeRows, templateRows, workflowRows, flowRows] = await Promise.all([
      this.statusRecords.rows(em, {}, { fields: ['id', 'kind', 'name', 'position', 'active'] }) as unknown as Promise<StatusRow[]>,
      this.taskTypeRecords.rows(em, {}, { fields: ['id', 'name'] }) as unknown as Promise<TaskTypeRow[]>,
      this.templateRecords.rows(em, {}, { fields: ['id', 'key', 'name', 'channel', 'format', 'subject', 'body'] }) as unknown as Promise<TemplateRow[]>,
      this.workflows.all(em),
      this.flowQueries.all(em),
    ]);
    return {
      statuses: new Map(statusRows.map((s) => [statusKey(s.kind, s.name), { id: String(s.id), position: s.position, active: s.active }])),
      taskTypes: new Map(taskTypeRows.map((t) => [t.name, { id: String(t.id) }])),
      templates: new Map(templateRows.map((t) => [t.key, { id: String(t.id), name: t.name, channel: t.channel, format: t.format, subject: t.subject ?? null, body: t.body }])),
      workflows: new Map(workflowRows.map((w) => [w.name, w])),
      flows: new Map(flowRows.map((f) => [f.name, f])),
    };
  }

  /** The setting key of a status or task type that exists now; undefined when only the import creates it. */
  private knownSettingKey(setting: BundleSetting, existing: Existing): string | null | undefined {
    if (setting.kind === 'status') {
      const found = existing.statuses.get(statusKey(setting.statusKind, setting.status));
      return !found ? null : found.id ? statusSettingKey(setting.statusKind, found.id) : undefined;
    }
    const found = existing.taskTypes.get(setting.taskType);
    return !found ? null : found.id ? taskSettingKey(found.id, setting.which) : undefined;
  }

  private async settingKey(em: EntityManager, setting: BundleSetting): Promise<string | null> {
    if (setting.kind === 'status') {
      const status = await this.one(this.statusRecords, em, { kind: setting.statusKind, name: setting.status });
      return status ? statusSettingKey(setting.statusKind, String(status.id)) : null;
    }
    const type = await this.one(this.taskTypeRecords, em, { name: setting.taskType });
    return type ? taskSettingKey(String(type.id), setting.which) : null;
  }

  /** The one row of a record resource that matches (its id), or null. */
  private async one(records: RecordService<BaseRecord>, em: EntityManager, where: Record<string, unknown>): Promise<{ id: unknown } | null> {
    return (await records.rows(em, where))[0] ?? null;
  }
}

/** Runs one item's import; a refusal names the item (`workflow "Offerte": source: 3:5: …`). */
async function within(label: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    throw labelled(label, error);
  }
}

function withinSync(label: string, work: () => unknown): void {
  try {
    work();
  } catch (error) {
    throw labelled(label, error);
  }
}

function labelled(label: string, error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  return new DomainError(error.statusCode, error.error, `${label}: ${error.message}`, error.details, error.coded ? { code: error.code, params: error.params, context: error.context ? `${label}: ${error.context}` : label } : undefined);
}
