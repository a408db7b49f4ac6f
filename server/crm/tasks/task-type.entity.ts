import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord } from '../../records/base-record.js';

@Entity()
export class TaskType extends BaseRecord {
  @Property({ type: 'string', unique: true })
  name!: string;
}
