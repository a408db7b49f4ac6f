import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Sign-in attempts from one network address in the current minute; in the database so every instance counts them. */
@Entity()
export class LoginRateWindow {
  @PrimaryKey({ type: 'string' })
  address!: string;

  @Property({ type: 'datetime' })
  windowStart!: Date;

  @Property({ type: 'integer' })
  attempts!: number;
}
