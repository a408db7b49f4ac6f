import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { type Catalog, compileFlow, type Flow as FlowAst, type FlowGraph, parse } from '@stroom/dsl';
import type { Principal } from '../auth/principal.js';
import { Clock } from '../clock/clock.js';
import { ConflictError } from '../common/errors.js';
import { withoutReadOnly } from '../common/read-only-fields.js';
import { parseInput } from '../common/validation.js';
import { CatalogLoader } from '../language/catalog-loader.js';
import { assertTemplatesRenderOnSample } from '../templates/sample-render.js';
import { AttachmentLimit } from './attachment-limit.js';
import { FlowEdits } from './flow-edits.js';
import { FlowDocuments } from './flow-documents.js';
import { flowUpdateBody, type FlowBody, type FlowUpdateBody } from './flow-input.js';
import { FLOW_READ_ONLY, flowJson, savedFlowJson } from './flow-json.js';
import { checkFlowSource } from './flow-source.js';
import { findFlow } from './find-flow.js';

/** Flows as DSL source: create, edit (a new version each time) and delete, checked against the catalog. */
@Injectable()
export class FlowEditing {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly catalogs: CatalogLoader,
    private readonly edits: FlowEdits,
    private readonly documents: FlowDocuments,
    private readonly attachmentLimit: AttachmentLimit,
  ) {}

  async create(input: FlowBody, principal?: Principal) {
    await this.assertTemplatesRender(input.source);
    const catalog = await this.catalogs.load();
    return this.em.fork().transactional(async (em) => this.createIn(em, input, principal, catalog));
  }

  /** Creates inside the caller's transaction; the source is checked against what that transaction sees. */
  async createIn(em: EntityManager, input: { name?: string; source: string }, principal?: Principal, catalog?: Catalog) {
    const checked = checkFlowSource(input.source, catalog ?? (await this.catalogs.load(em)), [], input.name);
    await this.attachmentLimit.assert(checked.ast);
    await this.documents.assertNameFree(em, checked.name);
    const flow = await this.documents.created(em, { name: checked.name, source: checked.source, status: 'not_running', usedStepIds: checked.stepIds }, principal);
    return savedFlowJson(flow, checked);
  }

  /** A PUT or PATCH body: the read-only fields GET gave may come back unchanged, the rest is the update. */
  async updateInput(id: string, body: Record<string, unknown>): Promise<FlowUpdateBody> {
    return parseInput(flowUpdateBody, withoutReadOnly(body, flowJson(await findFlow(this.em.fork(), id)), FLOW_READ_ONLY));
  }

  async update(id: string, input: FlowUpdateBody, principal?: Principal) {
    await this.assertTemplatesRender(input.source);
    const catalog = await this.catalogs.load();
    return this.em.fork().transactional(async (em) => this.updateIn(em, id, input, principal, catalog));
  }

  /** Updates a flow that is not running inside the caller's transaction (participants on removed steps move by `moves`). */
  async updateIn(em: EntityManager, id: string, input: { name?: string; source: string; moves?: Record<string, string> }, principal?: Principal, catalog?: Catalog) {
    catalog ??= await this.catalogs.load(em);
    const flow = await findFlow(em, id, true);
    if (flow.status === 'running') throw new ConflictError('A running flow cannot be edited: pause it first', { status: flow.status }, { code: 'flow.running_edit' });
    const checked = checkFlowSource(input.source, catalog, flow.usedStepIds, input.name);
    await this.attachmentLimit.assert(checked.ast);
    if (checked.name !== flow.name) await this.documents.assertNameFree(em, checked.name);
    if (checked.source === flow.source) return savedFlowJson(flow, checked);
    // Participants keep their place by step id; those on a removed step move to its target or complete.
    await this.edits.apply(em, flow, await this.edits.impact(em, flow, checked.ast), checked.ast, input.moves ?? {}, this.clock.now());
    await this.documents.revised(em, flow, checked, principal, (f) => (f.usedStepIds = [...new Set([...f.usedStepIds, ...checked.stepIds])]));
    return savedFlowJson(flow, checked);
  }

  async remove(id: string, principal?: Principal): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const flow = await findFlow(em, id, true);
      if (flow.status === 'running') throw new ConflictError('A running flow cannot be deleted: pause or end it first', { status: flow.status }, { code: 'flow.running_delete' });
      await this.documents.removed(em, flow, principal);
    });
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
}
