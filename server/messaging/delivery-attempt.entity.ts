import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { Message } from './message.entity.js';

/** One try to hand a message to its transport, with its time and, when it failed, the reason. */
@Entity()
@Index({ properties: ['message', 'at'] })
export class DeliveryAttempt {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne({ entity: () => Message, ref: true, deleteRule: 'cascade' })
  message!: Ref<Message>;

  @Property({ type: 'datetime' })
  at!: Date;

  /** `sent`, or `failed` with the transport's error. */
  @Property({ type: 'string' })
  outcome!: 'sent' | 'failed';

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: 'string', nullable: true })
  transport?: string | null;
}
