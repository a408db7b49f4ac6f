import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Failed sign-ins in a row for one e-mail address (lower-cased), known or not, so that a lock-out
 * tells nothing about which addresses exist. Kept in the database: every instance sees it.
 */
@Entity()
export class LoginFailure {
  @PrimaryKey({ type: 'string' })
  email!: string;

  @Property({ type: 'integer' })
  failures!: number;

  @Property({ type: 'datetime' })
  lastAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date | null;
}
