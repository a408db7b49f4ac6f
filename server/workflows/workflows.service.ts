import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import type { Catalog } from '@stroom/dsl';
import { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { paging, ruleFilters } from '../common/paging.js';
import { withoutReadOnly } from '../common/read-only-fields.js';
import { parseInput } from '../common/validation.js';
import { CatalogLoader } from '../language/catalog-loader.js';
import { JobScheduler } from '../scheduling/job-scheduler.js';
import { Workflow } from './workflow.entity.js';
import { WorkflowDocuments } from './workflow-documents.js';
import { checkWorkflowSource } from './workflow-source.js';
import { containsPattern } from '../common/like.js';

const listQuery = z.strictObject({ q: z.string().max(255).optional(), active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), ...ruleFilters, ...paging });
const createBody = z.strictObject({ name: z.string().min(1).max(255).optional(), source: z.string().min(1).max(200_000) });
const updateBody = z.strictObject({ name: z.string().min(1).max(255).optional(), source: z.string().min(1).max(200_000) });

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

  async list(query: Record<string, unknown>) {
    const { limit, offset, q, name, version, active } = parseInput(listQuery, query, 'query');
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

  async create(body: unknown, principal?: Principal, settingKey?: string) {
    const input = parseInput(createBody, body);
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

  async update(id: string, body: unknown, principal?: Principal) {
    const input = parseInput(updateBody, withoutReadOnly(body, workflowJson(await this.find(this.em.fork(), id)), WORKFLOW_READ_ONLY));
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
}
