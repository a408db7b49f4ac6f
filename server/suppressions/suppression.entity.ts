import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export type SuppressionReason = 'hard_bounce' | 'complaint' | 'soft_bounces' | 'manual';
export const SUPPRESSION_REASONS: readonly SuppressionReason[] = ['hard_bounce', 'complaint', 'soft_bounces', 'manual'];

/** An address no e-mail goes to (bounced hard, complained, kept bouncing, or put here by hand). */
@Entity()
export class Suppression {
  /** Lower-cased, so one address is one row whatever its spelling. */
  @PrimaryKey({ type: 'string', length: 320 })
  address!: string;

  @Property({ type: 'string' })
  reason!: SuppressionReason;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/** Soft bounces of an address since its last delivery; the third in a row suppresses it. */
@Entity()
export class SoftBounceStreak {
  @PrimaryKey({ type: 'string', length: 320 })
  address!: string;

  @Property({ type: 'integer' })
  count: number = 0;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
