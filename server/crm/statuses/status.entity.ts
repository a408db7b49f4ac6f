import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseRecord } from '../../records/base-record.js';

export const STATUS_KINDS = ['quote_request', 'opportunity', 'intake_measure'] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

@Entity()
@Unique({ properties: ['kind', 'name'] })
export class Status extends BaseRecord {
  @Property({ type: 'string' })
  kind!: StatusKind;

  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'integer' })
  position: number = 0;

  @Property({ type: 'boolean' })
  active: boolean = true;
}
