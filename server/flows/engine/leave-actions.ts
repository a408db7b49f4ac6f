import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { completionMoves, type FlowGraph, type LeaveAction } from '@stroom/dsl';
import { Enrolment } from '../enrolment.js';
import { Flow } from '../flow.entity.js';
import { Memberships } from '../../crm/lists/memberships.js';
import { endParticipant, type ParticipantState } from './step-run.js';

/**
 * What a participant does on its way out (the "leave flow" options): proposed to another flow,
 * whose own filter, exclusion list and once-per-person rule decide, and/or added to a static selection.
 */
@Injectable()
export class LeaveActions {
  private readonly logger = new Logger(LeaveActions.name);

  constructor(
    private readonly enrolment: Enrolment,
    private readonly memberships: Memberships,
  ) {}

  async perform(em: EntityManager, personId: string, actions: readonly LeaveAction[], now: Date): Promise<void> {
    for (const action of actions) {
      if (action.kind === 'move_to_flow') await this.moveToFlow(em, personId, action.flow, now);
      else await this.memberships.change(em, 'add', 'selection', action.selection, personId, now);
    }
  }

  /**
   * A success with `then stop`: the participant completes with success at once and goes where the
   * complete steps still ahead of it send successful participants (`on success move to flow …`).
   */
  async stopOnSuccess(em: EntityManager, participant: ParticipantState, graph: FlowGraph, now: Date): Promise<void> {
    const from = participant.status === 'queued' ? graph.start : participant.stepId;
    endParticipant(participant, { status: 'completed_success' }, now);
    for (const flow of completionMoves(graph, from ?? null, 'success')) await this.moveToFlow(em, String(participant.person.id), flow, now);
  }

  async moveToFlow(em: EntityManager, personId: string, name: string, now: Date): Promise<void> {
    const target = await em.findOne(Flow, { name });
    if (!target || target.status === 'not_running') {
      this.logger.log(`Person ${personId} not moved to flow "${name}": ${target ? 'it is not running' : 'no such flow'}`);
      return;
    }
    await this.enrolment.admit(em, target, personId, now);
  }
}
