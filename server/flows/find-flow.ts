import type { EntityManager } from '@mikro-orm/core';
import { findDocument } from '../language/dsl-documents.js';
import { Flow } from './flow.entity.js';
import { RECORD_ID } from '../common/validation.js';

/**
 * A flow by id (404 when there is none); `lock` holds it for this transaction: `true` (FOR NO KEY
 * UPDATE) against every other writer, so lifecycle changes wait for each other and for steps in
 * progress, but not for new participants being inserted (their foreign key takes FOR KEY SHARE);
 * `'share'` only against status changes (an enrolment batch runs beside the steps, which share it
 * too). Lock order everywhere: the flow, then its participants.
 */
export async function findFlow(em: EntityManager, id: string, lock: boolean | 'share' = false): Promise<Flow> {
  if (lock && RECORD_ID.test(id)) await em.getConnection().execute(`select 1 from "flow" where "id" = ? ${lock === 'share' ? 'for share' : 'for no key update'}`, [id], 'all', em.getTransactionContext());
  return findDocument(em, Flow, 'flow', id);
}
