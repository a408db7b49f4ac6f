import type { EntityManager } from '@mikro-orm/core';
import { RECORD_ID } from '../common/validation.js';

export interface MessageRef {
  id: string;
  to: string | null;
  personId: string | null;
}

/**
 * A message as a bounce or complaint names it: by our id (digits), by its Message-ID header
 * (with or without the angle brackets), or by the token of its return path (VERP).
 */
export async function findMessage(em: EntityManager, reference: string): Promise<MessageRef | undefined> {
  const byId = RECORD_ID.test(reference);
  const byToken = /^[0-9a-f]{40}$/.test(reference);
  const rows = await em.getConnection().execute<{ id: string; to: string | null; person_id: string | null }[]>(
    byToken ? `select "id", "to", "person_id" from "message" where "message_id" like ?`
      : `select "id", "to", "person_id" from "message" where ${byId ? '"id"' : '"message_id"'} = ?`,
    [byToken ? `<${reference}@%` : byId || reference.startsWith('<') ? reference : `<${reference}>`], 'all', em.getTransactionContext());
  const row = rows[0];
  return row ? { id: String(row.id), to: row.to, personId: row.person_id == null ? null : String(row.person_id) } : undefined;
}
