import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { LeaveAction } from '@stroom/dsl';
import { Enrolment } from '../enrolment.js';
import { Flow } from '../flow.entity.js';
import { Memberships } from './memberships.js';

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

  async moveToFlow(em: EntityManager, personId: string, name: string, now: Date): Promise<void> {
    const target = await em.findOne(Flow, { name });
    if (!target || target.status === 'not_running') {
      this.logger.log(`Person ${personId} not moved to flow "${name}": ${target ? 'it is not running' : 'no such flow'}`);
      return;
    }
    await this.enrolment.admit(em, target, personId, now);
  }
}
