import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export type WebhookCallStatus = 'pending' | 'succeeded' | 'failed';

/**
 * A webhook call in the outbox: decided once per key (flow + participant + step + visit) in the
 * transaction of the step, delivered by its job with the key as `Idempotency-Key`. Headers name
 * secrets; their values are read from the configuration when the call goes out, never stored.
 */
@Entity()
@Index({ properties: ['participantId'] })
@Index({ properties: ['personId'] })
export class WebhookCall {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'string', unique: true })
  key!: string;

  @Property({ type: 'string' })
  personId!: string;

  @Property({ type: 'string', nullable: true })
  flowId?: string | null;

  @Property({ type: 'string', nullable: true })
  participantId?: string | null;

  @Property({ type: 'string', nullable: true })
  stepId?: string | null;

  @Property({ type: 'string' })
  method!: 'GET' | 'POST' | 'PUT';

  @Property({ type: 'text' })
  url!: string;

  /** Header name → secret name. */
  @Property({ type: 'json' })
  headerSecrets: Record<string, string> = {};

  @Property({ type: 'text', nullable: true })
  body?: string | null;

  @Property({ type: 'integer' })
  timeoutMs!: number;

  @Property({ type: 'string' })
  status: WebhookCallStatus = 'pending';

  /** The HTTP status of the last answer; null while none came. */
  @Property({ type: 'integer', nullable: true })
  responseStatus?: number | null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;
}
