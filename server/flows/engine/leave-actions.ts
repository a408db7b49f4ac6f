import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { LeaveAction } from '@stroom/dsl';
import { Selection, SelectionMember } from '../../crm/lists/selection.entity.js';
import { ChangeRecorder } from '../../events/change-recorder.js';
import { Enrolment } from '../enrolment.js';
import { Flow } from '../flow.entity.js';

/**
 * What a participant does on its way out (SPEC §3 "leave flow" options): proposed to another flow,
 * whose own filter, exclusion list and once-per-person rule decide, and/or added to a static selection.
 */
@Injectable()
export class LeaveActions {
  private readonly logger = new Logger(LeaveActions.name);

  constructor(
    private readonly enrolment: Enrolment,
    private readonly recorder: ChangeRecorder,
  ) {}

  async perform(em: EntityManager, personId: string, actions: readonly LeaveAction[], now: Date): Promise<void> {
    for (const action of actions) {
      if (action.kind === 'move_to_flow') await this.moveToFlow(em, personId, action.flow, now);
      else await this.addToSelection(em, personId, action.selection, now);
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

  async addToSelection(em: EntityManager, personId: string, name: string, now: Date): Promise<void> {
    const selection = await em.findOne(Selection, { name });
    if (!selection) throw new Error(`selection "${name}" no longer exists`);
    const present = await em.count(SelectionMember, { selection, person: personId } as never);
    if (present > 0) return;
    em.create(SelectionMember, { selection, person: personId, addedAt: now } as never);
    this.recorder.record(em, { entity: 'selection', entityId: String(selection.id), kind: 'added', data: { person_id: personId }, actor: 'flow' });
  }
}
