import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** The one contact policy document (row 1); no row means no policy. */
@Entity({ tableName: 'contact_policy' })
export class ContactPolicyDocumentRow {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = 1;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'string', nullable: true })
  updatedBy?: string | null;
}

export type ContactDecisionStatus = 'deferred' | 'skipped';

/** A marketing message the policy held back: deferred until a moment, or skipped, and by which rules. */
@Entity({ tableName: 'contact_decision' })
@Index({ properties: ['personId', 'at'] })
export class ContactDecision {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'string' })
  personId!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'string' })
  channel!: 'email' | 'sms';

  @Property({ type: 'string' })
  status!: ContactDecisionStatus;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'datetime', nullable: true })
  until?: Date | null;

  @Property({ type: 'string', nullable: true })
  flowId?: string | null;

  @Property({ type: 'string', nullable: true })
  participantId?: string | null;

  @Property({ type: 'string', nullable: true })
  stepId?: string | null;

  /** The idempotency key the message has (or would have had) in the outbox. */
  @Property({ type: 'string', length: 500 })
  messageKey!: string;
}
