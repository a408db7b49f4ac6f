import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { Channel, MessageStatus } from './message.entity.js';

export interface PersonMessage {
  id: string;
  channel: Channel;
  status: MessageStatus;
  marketing: boolean;
  createdAt: Date;
  sentAt: Date | null;
  flowId: string | null;
  workflowId: string | null;
  policyNote: string | null;
}

/** What the outbox knows of a person's messages, for the contact policy: its counts and its history. */
@Injectable()
export class MarketingLedger {
  /** Marketing messages decided for the person since `since` that did not fail or bounce off the suppression list. */
  async marketingSince(em: EntityManager, personId: string, since: Date): Promise<{ at: Date; channel: Channel }[]> {
    const rows: { created_at: Date | string; channel: Channel }[] = await em.getConnection().execute(
      `select "created_at", "channel" from "message" where "person_id" = ? and "marketing" and "created_at" > ? and "status" not in ('failed', 'suppressed')`,
      [personId, since], 'all', em.getTransactionContext());
    return rows.map((row) => ({ at: new Date(row.created_at), channel: row.channel }));
  }

  /** Every message to the person, newest first (at most `limit`). */
  async ofPerson(em: EntityManager, personId: string, limit: number): Promise<PersonMessage[]> {
    const rows: Record<string, unknown>[] = await em.getConnection().execute(
      `select "id", "channel", "status", "marketing", "created_at", "sent_at", "flow_id", "workflow_id", "policy_note" from "message"
        where "person_id" = ? order by "created_at" desc, "id" desc limit ?`, [personId, limit], 'all', em.getTransactionContext());
    return rows.map((row) => ({
      id: String(row.id), channel: row.channel as Channel, status: row.status as MessageStatus, marketing: Boolean(row.marketing),
      createdAt: new Date(row.created_at as string), sentAt: row.sent_at ? new Date(row.sent_at as string) : null,
      flowId: row.flow_id == null ? null : String(row.flow_id), workflowId: row.workflow_id == null ? null : String(row.workflow_id),
      policyNote: (row.policy_note as string | null) ?? null,
    }));
  }
}
