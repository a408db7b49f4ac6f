import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** The virtual time of CLOCK=manual: one row, shared by every instance. */
@Entity()
export class ClockState {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = 1;

  @Property({ type: 'datetime' })
  now!: Date;
}
