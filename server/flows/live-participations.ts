import type { EntityManager } from '@mikro-orm/core';
import { TransactionSlot } from '../common/per-transaction.js';
import { sqlArray } from '../common/sql-array.js';
import { HOLDOUT } from './core/experiments.js';

/**
 * Per transaction of a change-event batch: which of the batch's persons take part in a flow (a live
 * participation, or a holdout whose later success still counts). Read once for the whole batch, so
 * an event about a person in no flow costs no statement; a person admitted during the batch is
 * added. Outside such a transaction every person may take part (the caller reads as before).
 */
const batches = new TransactionSlot<{ asked: Set<string>; live: Set<string> }>();

const LIVE = `select distinct "person_id" from "participant"
  where "person_id" = any(?::bigint[]) and ("status" in ('queued', 'active') or ("status" = 'completed' and "reason" = '${HOLDOUT}' and "success_at" is null))`;

export async function readLiveParticipations(em: EntityManager, personIds: Iterable<string>): Promise<void> {
  const transaction = em.getTransactionContext<object>();
  if (!transaction) return;
  const asked = new Set(personIds);
  const rows = await em.getConnection().execute<{ person_id: string }[]>(LIVE, [sqlArray(asked)], 'all', transaction);
  batches.set(em, { asked, live: new Set(rows.map((row: { person_id: string }) => String(row.person_id))) });
}

/** False only when the batch's read says the person takes part in no flow. */
export function mayTakePart(em: EntityManager, personId: string): boolean {
  const batch = batches.get(em);
  return !batch || !batch.asked.has(personId) || batch.live.has(personId);
}

/** Participants written in this transaction: their persons take part from now on. */
export function noteParticipants(em: EntityManager, personIds: Iterable<string>): void {
  const batch = batches.get(em);
  if (batch) for (const personId of personIds) batch.live.add(personId);
}
