import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export type TrackingKind = 'link' | 'open' | 'unsubscribe';

/**
 * One tracked address in one sent e-mail: a rewritten link, the open pixel or the unsubscribe
 * link. The token is random (unguessable) and stands for the person, flow, participant and step.
 */
@Entity()
@Index({ properties: ['participantId', 'stepId'] })
@Index({ properties: ['personId'] })
export class TrackingToken {
  @PrimaryKey({ type: 'string', length: 32 })
  token!: string;

  @Property({ type: 'string' })
  kind!: TrackingKind;

  /** The original address of a tracked link. */
  @Property({ type: 'text', nullable: true })
  url?: string | null;

  @Property({ type: 'string' })
  personId!: string;

  @Property({ type: 'string', nullable: true })
  flowId?: string | null;

  @Property({ type: 'string', nullable: true })
  participantId?: string | null;

  @Property({ type: 'string', nullable: true })
  stepId?: string | null;

  @Property({ type: 'string', length: 500 })
  messageKey!: string;

  /** First use: a click, an open, an unsubscribe. */
  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
