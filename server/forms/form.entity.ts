import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord } from '../records/base-record.js';

/** A web form people submit; flows are triggered by its key. */
@Entity()
export class Form extends BaseRecord {
  @Property({ type: 'string', unique: true })
  key!: string;

  @Property({ type: 'string' })
  name!: string;
}
