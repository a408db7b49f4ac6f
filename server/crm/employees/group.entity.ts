import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord } from '../../records/base-record.js';

@Entity({ tableName: 'employee_group' })
export class Group extends BaseRecord {
  @Property({ type: 'string', unique: true })
  name!: string;
}
