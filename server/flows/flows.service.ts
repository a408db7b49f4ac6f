import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { AuditLog } from '../audit/audit-log.js';
import { FlowTriggerIndex } from './engine/flow-trigger-index.js';
import { actorOf } from '../auth/principal.js';
import { Clock } from '../clock/clock.js';
import { ConflictError } from '../common/errors.js';
import { paging, ruleFilters } from '../common/paging.js';
import { withoutReadOnly } from '../common/read-only-fields.js';
import { parseInput } from '../common/validation.js';
import { CatalogLoader } from '../language/catalog-loader.js';
import { assertDocumentNameFree, documentVersions, findDocument } from '../language/dsl-documents.js';
import { Flow, FlowVersion, type FlowStatus } from './flow.entity.js';
import { assertStartable, checkFlowSource, type CheckedFlow } from './flow-source.js';
import { Enrolment } from './enrolment.js';
import { FlowGraphs } from './engine/flow-graphs.js';
import { StepJobs } from './engine/step-jobs.js';
import { Participant } from './participant.entity.js';
import { FlowStats } from './flow-stats.js';
import { ParticipantList } from './participant-list.js';
import { FlowEdits } from './flow-edits.js';
import { FlowSimulator } from './flow-simulator.js';
import { AttachmentLimit } from './attachment-limit.js';
import { containsPattern } from '../common/like.js';
import { type Catalog, checkSource, compileFlow, type Flow as FlowAst, type FlowGraph, type Params, parse } from '@stroom/dsl';
import { assertTemplatesRenderOnSample } from '../templates/sample-render.js';

const sourceBody = z.strictObject({ name: z.string().min(1).max(255).optional(), source: z.string().min(1).max(500_000) });
const updateBody = sourceBody.extend({ moves: z.record(z.string().max(100), z.string().max(100)).optional() });
const previewBody = z.strictObject({ source: z.string().min(1).max(500_000) });
const participantsQuery = z.strictObject({
  status: z.enum(['queued', 'active', 'completed', 'completed_success', 'dropout', 'cancelled']).optional(),
  stepId: z.string().max(100).optional(),
  ...paging,
});
const listQuery = z.strictObject({
  status: z.enum(['not_running', 'running', 'paused']).optional(),
  q: z.string().max(255).optional(),
  ...ruleFilters,
  ...paging,
});

/** What GET answers beside name and source: a PUT accepts them back unchanged. */
const FLOW_READ_ONLY = ['id', 'status', 'version', 'createdAt', 'updatedAt'];

export function flowJson(f: Flow) {
  return { id: String(f.id), name: f.name, source: f.source, status: f.status, version: f.version, createdAt: f.createdAt.toISOString(), updatedAt: f.updatedAt.toISOString() };
}

/** Flows as DSL source, versioned, with their lifecycle: start, pause, resume, end, delete. */
@Injectable()
export class FlowsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly catalogs: CatalogLoader,
    private readonly enrolment: Enrolment,
    private readonly stats: FlowStats,
    private readonly graphs: FlowGraphs,
    private readonly stepJobs: StepJobs,
    private readonly participantList: ParticipantList,
    private readonly edits: FlowEdits,
    private readonly simulator: FlowSimulator,
    private readonly audit: AuditLog,
    private readonly attachmentLimit: AttachmentLimit,
  ) {}

  async statistics(id: string) {
    const em = this.em.fork();
    const flow = await this.find(em, id);
    return this.stats.of(em, flow);
  }

  async list(query: Record<string, unknown>) {
    const q = parseInput(listQuery, query, 'query');
    const where: Record<string, unknown> = {};
    if (q.status) where.status = q.status;
    if (q.version !== undefined) where.version = q.version;
    if (q.name !== undefined) where.name = q.q ? { $eq: q.name, $ilike: containsPattern(q.q) } : q.name;
    else if (q.q) where.name = { $ilike: containsPattern(q.q) };
    const em = this.em.fork();
    const [rows, total] = await em.findAndCount(Flow, where, { orderBy: { name: 'asc' }, limit: q.limit, offset: q.offset });
    const counts = await this.participantList.countsPerFlow(em, rows.map((f) => String(f.id)));
    return { items: rows.map((f) => ({ ...flowJson(f), participants: counts.get(String(f.id)) ?? {} })), total };
  }

  async get(id: string) {
    return flowJson(await this.find(this.em.fork(), id));
  }

  async create(body: unknown, principal?: Principal) {
    const input = parseInput(sourceBody, body);
    await this.assertTemplatesRender(input.source);
    const catalog = await this.catalogs.load();
    return this.em.fork().transactional(async (em) => this.createIn(em, input, principal, catalog));
  }

  /** Creates inside the caller's transaction; the source is checked against what that transaction sees. */
  async createIn(em: EntityManager, input: { name?: string; source: string }, principal?: Principal, catalog?: Catalog) {
    const checked = checkFlowSource(input.source, catalog ?? (await this.catalogs.load(em)), [], input.name);
    await this.attachmentLimit.assert(checked.ast);
    await this.assertNameFree(em, checked.name);
    const now = this.clock.now();
    const flow = em.create(Flow, { name: checked.name, source: checked.source, status: 'not_running', version: 1, usedStepIds: checked.stepIds, createdAt: now, updatedAt: now });
    await em.flush();
    em.create(FlowVersion, { flow, version: 1, source: checked.source, author: actorOf(principal), createdAt: now });
    this.audit.record(em, { subject: 'flow', subjectId: String(flow.id), subjectName: flow.name, before: null, after: auditedFlow(flow), principal });
    return savedFlowJson(flow, checked);
  }

  /**
   * The step graph for the diagram: nodes in document order with their settings, edges, and per
   * step the problems that would block a start (warnings and errors, for the tooltip).
   */
  async graph(id: string) {
    const flow = await this.find(this.em.fork(), id);
    const graph = this.graphs.of(flow);
    const diagnostics = checkSource(flow.source, { catalog: await this.catalogs.load(), mode: 'start' }).diagnostics;
    const problems = new Map<string, { severity: string; code: string; params?: Params; message: string }[]>();
    for (const d of diagnostics) if (d.stepId) problems.set(d.stepId, [...(problems.get(d.stepId) ?? []), { severity: d.severity, code: d.code, params: d.params, message: d.message }]);
    return {
      start: graph.start,
      nodes: graph.order.map((stepId) => ({ ...graph.nodes[stepId]!, problems: problems.get(stepId) ?? [] })),
      edges: graph.edges,
    };
  }

  /** The path a person would take, on a virtual clock, with nothing stored or sent (any flow status). */
  async simulate(id: string, body: unknown) {
    return this.simulator.simulate((em) => this.find(em, id), body);
  }

  /** Before saving an edit of a paused flow: per changed or removed step, how many participants stand on it. */
  async previewEdit(id: string, body: unknown) {
    const input = parseInput(previewBody, body);
    const catalog = await this.catalogs.load();
    const em = this.em.fork();
    const flow = await this.find(em, id);
    const checked = checkFlowSource(input.source, catalog, flow.usedStepIds, flow.name);
    return { source: checked.source, ...(await this.edits.impact(em, flow, checked.ast)) };
  }

  /**
   * The templates the flow sends must render on the sample person, checked before the save's
   * transaction: otherwise the flow saves and its messages can reach no one.
   */
  private async assertTemplatesRender(source: string): Promise<void> {
    let graph: FlowGraph;
    try {
      graph = compileFlow(parse(source).ast.declarations[0] as FlowAst);
    } catch {
      return; // not a flow: the source check in the transaction says what is wrong
    }
    const keys = Object.values(graph.nodes).flatMap((node) => [node.settings.template, (node.settings.message as { template?: unknown } | undefined)?.template]);
    await assertTemplatesRenderOnSample(this.em.fork(), [...new Set(keys.filter((key): key is string => typeof key === 'string'))]);
  }

  async update(id: string, body: unknown, principal?: Principal) {
    const input = parseInput(updateBody, withoutReadOnly(body, flowJson(await this.find(this.em.fork(), id)), FLOW_READ_ONLY));
    await this.assertTemplatesRender(input.source);
    const catalog = await this.catalogs.load();
    return this.em.fork().transactional(async (em) => this.updateIn(em, id, input, principal, catalog));
  }

  /** Updates a flow that is not running inside the caller's transaction (participants on removed steps move by `moves`). */
  async updateIn(em: EntityManager, id: string, input: { name?: string; source: string; moves?: Record<string, string> }, principal?: Principal, catalog?: Catalog) {
    catalog ??= await this.catalogs.load(em);
    const flow = await this.find(em, id, true);
    if (flow.status === 'running') throw new ConflictError('A running flow cannot be edited: pause it first', { status: flow.status }, { code: 'flow.running_edit' });
    const checked = checkFlowSource(input.source, catalog, flow.usedStepIds, input.name);
    await this.attachmentLimit.assert(checked.ast);
    if (checked.name !== flow.name) await this.assertNameFree(em, checked.name);
    if (checked.source === flow.source) return savedFlowJson(flow, checked);
    const now = this.clock.now();
    // Participants keep their place by step id; those on a removed step move to its target or complete.
    await this.edits.apply(em, flow, await this.edits.impact(em, flow, checked.ast), checked.ast, input.moves ?? {}, now);
    const before = auditedFlow(flow);
    flow.name = checked.name;
    flow.source = checked.source;
    flow.version += 1;
    flow.usedStepIds = [...new Set([...flow.usedStepIds, ...checked.stepIds])];
    flow.updatedAt = now;
    em.create(FlowVersion, { flow, version: flow.version, source: checked.source, author: actorOf(principal), createdAt: now });
    this.audit.record(em, { subject: 'flow', subjectId: String(flow.id), subjectName: flow.name, before, after: auditedFlow(flow), principal });
    await FlowTriggerIndex.announce(em);
    return savedFlowJson(flow, checked);
  }

  /** Starts a flow that is not running (every required setting must be valid), or resumes a paused one. */
  async start(id: string, principal?: Principal) {
    const catalog = await this.catalogs.load();
    return this.transition(id, ['not_running', 'paused'], 'running', principal, async (em, flow) => {
      assertStartable(flow.source, catalog);
      if (flow.status !== 'paused') return;
      // Resume: queued participants go to the first step; the others continue where they are,
      // and a wait that ended during the pause moves on now.
      const now = this.clock.now();
      await em.nativeUpdate(Participant, { flow, status: 'queued' }, { status: 'active', stepId: this.graphs.of(flow).start, updatedAt: now });
      await this.stepJobs.rescheduleFlow(em, String(flow.id), now);
    });
  }

  async pause(id: string, principal?: Principal) {
    return this.transition(id, ['running'], 'paused', principal);
  }

  async end(id: string, principal?: Principal) {
    return this.transition(id, ['running', 'paused'], 'not_running', principal, async (em, flow) => {
      // Active and queued participants are cancelled; a later restart only runs new ones.
      await em.nativeUpdate(Participant, { flow, status: { $in: ['queued', 'active'] } }, { status: 'cancelled', reason: 'flow ended', waitUntil: null, waitingFor: null, updatedAt: this.clock.now() });
      await this.stepJobs.cancelFlow(em, String(flow.id));
    });
  }

  /** Manual enrolment: `{personIds}` or `{selectionId}` → `{enrolled, queued, refused}`. */
  async enrol(id: string, body: unknown) {
    const request = this.enrolment.parse(body);
    const em = this.em.fork();
    return this.enrolment.enrol(em, await this.find(em, id), request, (admit) => this.em.fork().transactional(async (batch) => admit(batch, await this.find(batch, id, 'share'))));
  }

  /** Participants with what the flow page shows: person, company, place, and the last message with its delivery status. */
  async participants(id: string, query: Record<string, unknown>) {
    const q = parseInput(participantsQuery, query, 'query');
    const em = this.em.fork();
    const flow = await this.find(em, id);
    return this.participantList.page(em, String(flow.id), q);
  }

  async remove(id: string, principal?: Principal): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const flow = await this.find(em, id, true);
      if (flow.status === 'running') throw new ConflictError('A running flow cannot be deleted: pause or end it first', { status: flow.status }, { code: 'flow.running_delete' });
      this.audit.record(em, { subject: 'flow', subjectId: String(flow.id), subjectName: flow.name, before: auditedFlow(flow), after: null, principal });
      em.remove(flow);
      await FlowTriggerIndex.announce(em);
    });
  }

  async versions(id: string) {
    const em = this.em.fork();
    return documentVersions(em, FlowVersion, { flow: await this.find(em, id) });
  }

  /**
   * With `lock`, the flow row is locked FOR NO KEY UPDATE: lifecycle changes wait for each other and
   * for steps in progress (which hold it FOR SHARE), but not for new participants being inserted
   * (their foreign key takes FOR KEY SHARE). Lock order everywhere: the flow, then its participants.
   */
  /**
   * A flow by id; `lock` holds it for this transaction: `true` against every other writer, `'share'`
   * only against status changes (an enrolment batch runs beside the steps, which share it too).
   */
  async find(em: EntityManager, id: string, lock: boolean | 'share' = false): Promise<Flow> {
    if (lock && /^\d{1,18}$/.test(id)) await em.getConnection().execute(`select 1 from "flow" where "id" = ? ${lock === 'share' ? 'for share' : 'for no key update'}`, [id], 'all', em.getTransactionContext());
    return findDocument(em, Flow, 'flow', id);
  }

  private async transition(id: string, from: FlowStatus[], to: FlowStatus, principal: Principal | undefined, effect?: (em: EntityManager, flow: Flow) => Promise<void>) {
    return this.em.fork().transactional(async (em) => {
      const flow = await this.find(em, id, true);
      if (!from.includes(flow.status)) {
        throw new ConflictError(`The flow is ${flow.status.replace('_', ' ')}; it can only go to ${to.replace('_', ' ')} from ${from.map((s) => s.replace('_', ' ')).join(' or ')}`, { status: flow.status }, { code: 'flow.status_change', params: { status: flow.status, to, from } });
      }
      await effect?.(em, flow);
      const before = auditedFlow(flow);
      flow.status = to;
      flow.updatedAt = this.clock.now();
      const action = { running: before.status === 'paused' ? 'resumed' : 'started', paused: 'paused', not_running: 'ended' }[to];
      this.audit.record(em, { subject: 'flow', subjectId: String(flow.id), subjectName: flow.name, action, before, after: auditedFlow(flow), principal });
      await FlowTriggerIndex.announce(em);
      return flowJson(flow);
    });
  }

  private async assertNameFree(em: EntityManager, name: string): Promise<void> {
    await assertDocumentNameFree(em, Flow, 'flow', name);
  }
}

/** A save's answer: the flow, and beside it what is still missing (content to write, settings to fill in). */
function savedFlowJson(flow: Flow, checked: CheckedFlow) {
  return { ...flowJson(flow), warnings: checked.warnings.filter((d) => d.severity === 'warning') };
}

/** What the audit log keeps of a flow: its source and running state. */
function auditedFlow(flow: Flow): { status: FlowStatus; source: string } {
  return { status: flow.status, source: flow.source };
}
