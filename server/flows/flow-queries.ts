import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { checkSource, type Params } from '@stroom/dsl';
import { containsPattern } from '../common/like.js';
import { CatalogLoader } from '../language/catalog-loader.js';
import { FlowGraphs } from './engine/flow-graphs.js';
import { FlowEdits } from './flow-edits.js';
import type { FlowsQuery, ParticipantsQuery, PreviewEditBody, SimulateBody } from './flow-input.js';
import { flowJson } from './flow-json.js';
import { checkFlowSource } from './flow-source.js';
import { FlowStats } from './flow-stats.js';
import { Flow } from './flow.entity.js';
import { FlowDocuments } from './flow-documents.js';
import { FlowSimulator } from './flow-simulator.js';
import { findFlow } from './find-flow.js';
import { ParticipantList } from './participant-list.js';

/** What can be read of flows: lists, one flow, its diagram, figures, versions, participants, a simulation and what an edit would do. */
@Injectable()
export class FlowQueries {
  constructor(
    private readonly em: EntityManager,
    private readonly catalogs: CatalogLoader,
    private readonly stats: FlowStats,
    private readonly graphs: FlowGraphs,
    private readonly participantList: ParticipantList,
    private readonly edits: FlowEdits,
    private readonly simulator: FlowSimulator,
    private readonly documents: FlowDocuments,
  ) {}

  async list(q: FlowsQuery) {
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
    return flowJson(await findFlow(this.em.fork(), id));
  }

  async statistics(id: string) {
    const em = this.em.fork();
    return this.stats.of(em, await findFlow(em, id));
  }

  async versions(id: string) {
    const em = this.em.fork();
    return this.documents.versions(em, id);
  }

  /**
   * The step graph for the diagram: nodes in document order with their settings, edges, and per
   * step the problems that would block a start (warnings and errors, for the tooltip).
   */
  async graph(id: string) {
    const flow = await findFlow(this.em.fork(), id);
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

  /** Participants with what the flow page shows: person, company, place, and the last message with its delivery status. */
  async participants(id: string, q: ParticipantsQuery) {
    const em = this.em.fork();
    const flow = await findFlow(em, id);
    return this.participantList.page(em, String(flow.id), q);
  }

  /** The path a person would take, or a forecast for a selection, on a virtual clock, with nothing stored or sent (any flow status). */
  async simulate(id: string, input: SimulateBody) {
    return this.simulator.simulate((em) => findFlow(em, id), input);
  }

  /** Before saving an edit of a paused flow: per changed or removed step, how many participants stand on it. */
  async previewEdit(id: string, input: PreviewEditBody) {
    const catalog = await this.catalogs.load();
    const em = this.em.fork();
    const flow = await findFlow(em, id);
    const checked = checkFlowSource(input.source, catalog, flow.usedStepIds, flow.name);
    return { source: checked.source, ...(await this.edits.impact(em, flow, checked.ast)) };
  }

  /** Every flow (name, source, status, step ids): what an export holds and an import compares with. */
  all(em: EntityManager): Promise<Pick<Flow, 'id' | 'name' | 'source' | 'status' | 'usedStepIds'>[]> {
    return this.documents.all(em, ['id', 'name', 'source', 'status', 'usedStepIds']);
  }
}
