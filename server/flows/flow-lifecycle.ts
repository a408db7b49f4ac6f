import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { AuditLog } from '../audit/audit-log.js';
import type { Principal } from '../auth/principal.js';
import { Clock } from '../clock/clock.js';
import { ConflictError } from '../common/errors.js';
import { CatalogLoader } from '../language/catalog-loader.js';
import { Enrolment } from './enrolment.js';
import { FlowGraphs } from './engine/flow-graphs.js';
import { FlowTriggerIndex } from './engine/flow-trigger-index.js';
import { StepJobs } from './engine/step-jobs.js';
import { auditedFlow, flowJson } from './flow-json.js';
import { assertStartable } from './flow-source.js';
import type { Flow, FlowStatus } from './flow.entity.js';
import { findFlow } from './find-flow.js';
import type { EnrolRequest } from './flow-input.js';
import { Participant } from './participant.entity.js';

/** A flow's lifecycle: start, pause, resume, end, and people entering it by hand. */
@Injectable()
export class FlowLifecycle {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly catalogs: CatalogLoader,
    private readonly enrolment: Enrolment,
    private readonly graphs: FlowGraphs,
    private readonly stepJobs: StepJobs,
    private readonly audit: AuditLog,
  ) {}

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
  async enrol(id: string, request: EnrolRequest) {
    const em = this.em.fork();
    return this.enrolment.enrol(em, await findFlow(em, id), request, (admit) => this.em.fork().transactional(async (batch) => admit(batch, await findFlow(batch, id, 'share'))));
  }

  private async transition(id: string, from: FlowStatus[], to: FlowStatus, principal: Principal | undefined, effect?: (em: EntityManager, flow: Flow) => Promise<void>) {
    return this.em.fork().transactional(async (em) => {
      const flow = await findFlow(em, id, true);
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
}
