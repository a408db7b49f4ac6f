import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import type { Catalog } from '@stroom/dsl';
import { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { AuditLog } from '../audit/audit-log.js';
import { actorOf } from '../auth/principal.js';
import { Clock } from '../clock/clock.js';
import { paging, ruleFilters } from '../common/paging.js';
import { withoutReadOnly } from '../common/read-only-fields.js';
import { parseInput } from '../common/validation.js';
import { CatalogLoader } from '../language/catalog-loader.js';
import { assertDocumentNameFree, documentVersions, findDocument } from '../language/dsl-documents.js';
import { JobScheduler } from '../scheduling/job-scheduler.js';
import { Workflow, WorkflowVersion } from './workflow.entity.js';
import { checkWorkflowSource } from './workflow-source.js';
import { containsPattern } from '../common/like.js';
import { bumpRuleSetVersion } from '../facts/rule-set-versions.js';

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
    private readonly clock: Clock,
    private readonly catalogs: CatalogLoader,
    private readonly jobs: JobScheduler,
    private readonly audit: AuditLog,
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
    await this.assertNameFree(em, checked.name);
    const now = this.clock.now();
    const workflow = em.create(Workflow, { name: checked.name, source: checked.source, active: checked.ast.active, settingKey: settingKey ?? null, version: 1, createdAt: now, updatedAt: now });
    await em.flush();
    em.create(WorkflowVersion, { workflow, version: 1, source: checked.source, author: actorOf(principal), createdAt: now });
    this.audit.record(em, { subject: 'workflow', subjectId: String(workflow.id), subjectName: workflow.name, before: null, after: { source: workflow.source }, principal });
    await this.announce(em);
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
    if (checked.name !== workflow.name) await this.assertNameFree(em, checked.name);
    if (checked.source === workflow.source) return workflowJson(workflow);
    const now = this.clock.now();
    const before = { source: workflow.source };
    workflow.name = checked.name;
    workflow.source = checked.source;
    workflow.active = checked.ast.active;
    workflow.version += 1;
    workflow.updatedAt = now;
    em.create(WorkflowVersion, { workflow, version: workflow.version, source: checked.source, author: actorOf(principal), createdAt: now });
    this.audit.record(em, { subject: 'workflow', subjectId: String(workflow.id), subjectName: workflow.name, before, after: { source: workflow.source }, principal });
    await this.announce(em);
    return workflowJson(workflow);
  }

  async remove(id: string, principal?: Principal): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const workflow = await this.find(em, id);
      this.audit.record(em, { subject: 'workflow', subjectId: String(workflow.id), subjectName: workflow.name, before: { source: workflow.source }, after: null, principal });
      await this.jobs.cancel(em, `wf:${workflow.id}:`, { prefix: true });
      em.remove(workflow);
      await this.announce(em);
    });
  }

  async versions(id: string) {
    const em = this.em.fork();
    return documentVersions(em, WorkflowVersion, { workflow: await this.find(em, id) });
  }

  async find(em: EntityManager, id: string): Promise<Workflow> {
    return findDocument(em, Workflow, 'workflow', id);
  }

  private async assertNameFree(em: EntityManager, name: string): Promise<void> {
    await assertDocumentNameFree(em, Workflow, 'workflow', name);
  }

  /** Bumps the rule-set version in the same transaction: every instance rebuilds its index on its next batch. */
  async announce(em: EntityManager): Promise<void> {
    await bumpRuleSetVersion(em, 'workflows');
  }
}
