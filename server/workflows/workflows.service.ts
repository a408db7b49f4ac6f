import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import type { Catalog } from '@stroom/dsl';
import type { Principal } from '../auth/principal.js';
import { withoutReadOnly } from '../common/read-only-fields.js';
import { parseInput } from '../common/validation.js';
import { CatalogLoader } from '../language/catalog-loader.js';
import { JobScheduler } from '../scheduling/job-scheduler.js';
import { Workflow } from './workflow.entity.js';
import { WorkflowDocuments } from './workflow-documents.js';
import { workflowBody, type WorkflowBody, type WorkflowsQuery } from './workflow-input.js';
import { checkWorkflowSource } from './workflow-source.js';
import { containsPattern } from '../common/like.js';

/** What GET answers beside name and source: a PUT accepts them back unchanged. */
const WORKFLOW_READ_ONLY = ['id', 'active', 'settingKey', 'version', 'createdAt', 'updatedAt'];

export function workflowJson(w: Workflow) {
  return {
    id: String(w.id),
    name: w.name,
    source: w.source,
    active: w.active,
    settingKey: w.settingKey ?? null,
    version: w.version,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

/** Workflows as DSL source: checked against the database, versioned, and announced to every instance's rule index. */
@Injectable()
export class WorkflowsService {
  constructor(
    private readonly em: EntityManager,
    private readonly catalogs: CatalogLoader,
    private readonly jobs: JobScheduler,
    private readonly documents: WorkflowDocuments,
  ) {}

  async list({ limit, offset, q, name, version, active }: WorkflowsQuery) {
    const where: Record<string, unknown> = {};
    if (name !== undefined) where.name = q ? { $eq: name, $ilike: containsPattern(q) } : name;
    else if (q) where.name = { $ilike: containsPattern(q) };
    if (version !== undefined) where.version = version;
    if (active !== undefined) where.active = active;
    const [rows, total] = await this.em.fork().findAndCount(Workflow, where, { orderBy: { name: 'asc' }, limit, offset });
    return { items: rows.map(workflowJson), total };
  }

  async get(id: string) {
    return workflowJson(await this.find(this.em.fork(), id));
  }

  async create(input: WorkflowBody, principal?: Principal, settingKey?: string) {
    const catalog = await this.catalogs.load();
    return this.em.fork().transactional(async (em) => this.createIn(em, input, principal, settingKey, catalog));
  }

  /** Creates inside the caller's transaction; the source is checked against what that transaction sees. */
  async createIn(em: EntityManager, input: { name?: string; source: string }, principal?: Principal, settingKey?: string, catalog?: Catalog) {
    const checked = checkWorkflowSource(input.source, catalog ?? (await this.catalogs.load(em)), input.name);
    await this.documents.assertNameFree(em, checked.name);
    const workflow = await this.documents.created(em, { name: checked.name, source: checked.source, active: checked.ast.active, settingKey: settingKey ?? null }, principal);
    return workflowJson(workflow);
  }

  /** A PUT or PATCH body: the read-only fields GET gave may come back unchanged, the rest is the update. */
  async updateInput(id: string, body: Record<string, unknown>): Promise<WorkflowBody> {
    return parseInput(workflowBody, withoutReadOnly(body, workflowJson(await this.find(this.em.fork(), id)), WORKFLOW_READ_ONLY));
  }

  async update(id: string, input: WorkflowBody, principal?: Principal) {
    const catalog = await this.catalogs.load();
    return this.em.fork().transactional(async (em) => this.updateIn(em, id, input, principal, catalog));
  }

  /** Updates inside the caller's transaction; the source is checked against what that transaction sees. */
  async updateIn(em: EntityManager, id: string, input: { name?: string; source: string }, principal?: Principal, catalog?: Catalog) {
    const checked = checkWorkflowSource(input.source, catalog ?? (await this.catalogs.load(em)), input.name);
    const workflow = await this.find(em, id);
    if (checked.name !== workflow.name) await this.documents.assertNameFree(em, checked.name);
    if (checked.source === workflow.source) return workflowJson(workflow);
    await this.documents.revised(em, workflow, checked, principal, (w) => (w.active = checked.ast.active));
    return workflowJson(workflow);
  }

  async remove(id: string, principal?: Principal): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const workflow = await this.find(em, id);
      await this.jobs.cancel(em, `wf:${workflow.id}:`, { prefix: true });
      await this.documents.removed(em, workflow, principal);
    });
  }

  async versions(id: string) {
    return this.documents.versions(this.em.fork(), id);
  }

  async find(em: EntityManager, id: string): Promise<Workflow> {
    return this.documents.find(em, id);
  }

  /** Every workflow (name, source, form row): what an export holds and an import compares with. */
  async all(em: EntityManager): Promise<Pick<Workflow, 'id' | 'name' | 'source' | 'settingKey'>[]> {
    return this.documents.all(em, ['id', 'name', 'source', 'settingKey']);
  }

  /** Links a workflow to a form row (an import that recreates the row), writing nothing else. */
  async linkSetting(em: EntityManager, id: string, settingKey: string): Promise<void> {
    await em.nativeUpdate(Workflow, { id }, { settingKey });
  }
}
