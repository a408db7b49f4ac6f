import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export type Channel = 'email' | 'sms';
/** `suppressed`: not sent, the address is on the suppression list (the reason is in `error`). */
export type MessageStatus = 'queued' | 'sent' | 'failed' | 'suppressed';

/**
 * The outbox: every e-mail and SMS, written in the same transaction as the decision to send it,
 * under a unique idempotency key, so a message is never decided twice.
 */
@Entity()
@Index({ properties: ['to'] })
@Index({ properties: ['status'] })
@Index({ properties: ['workflowId'] })
@Index({ properties: ['flowId'] })
@Index({ properties: ['participantId'] })
@Index({ properties: ['personId'] })
// A bounce to a return path (VERP) names the Message-ID's local part: found by prefix.
@Index({ name: 'message_message_id_prefix', expression: `create index "message_message_id_prefix" on "message" ("message_id" varchar_pattern_ops)` })
export class Message {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'string' })
  channel!: Channel;

  /** Idempotency key: rule + event + action + reminder, or flow + participant + step + visit. */
  @Property({ type: 'string', length: 500, unique: true })
  key!: string;

  /** RFC 5322 Message-ID derived from the key: a resend after a crash carries the same one. */
  @Property({ type: 'string', length: 500 })
  messageId!: string;

  @Property({ type: 'string', nullable: true })
  to?: string | null;

  @Property({ type: 'string', nullable: true })
  from?: string | null;

  @Property({ type: 'string', nullable: true })
  replyTo?: string | null;

  @Property({ type: 'text', nullable: true })
  subject?: string | null;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'json' })
  headers: Record<string, string> = {};

  @Property({ type: 'integer', nullable: true })
  segments?: number | null;

  @Property({ type: 'string' })
  status: MessageStatus = 'queued';

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  /** Where it went when no real transport is configured ("log"), or the transport's name. */
  @Property({ type: 'string', nullable: true })
  transport?: string | null;

  @Property({ type: 'string', nullable: true })
  personId?: string | null;

  @Property({ type: 'string', nullable: true })
  workflowId?: string | null;

  @Property({ type: 'string', nullable: true })
  flowId?: string | null;

  @Property({ type: 'string', nullable: true })
  participantId?: string | null;

  @Property({ type: 'string', nullable: true })
  stepId?: string | null;

  /** Stored files sent along (e-mail); loaded at delivery. */
  @Property({ type: 'json', defaultRaw: `'[]'` })
  attachments: string[] = [];

  /** A flow's message to its participant: counted and limited by the contact policy. */
  @Property({ type: 'boolean', default: false })
  marketing: boolean = false;

  /** Why the contact policy held it back before it went out (deferred: from when, until when, which rule). */
  @Property({ type: 'text', nullable: true })
  policyNote?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;
}
