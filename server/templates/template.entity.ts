import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord } from '../records/base-record.js';

/** An e-mail (subject + HTML body) or SMS text with Liquid merge variables; rules name it by key. */
@Entity()
export class Template extends BaseRecord {
  @Property({ type: 'string', unique: true })
  key!: string;

  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'string' })
  channel!: 'email' | 'sms';

  @Property({ type: 'text', nullable: true })
  subject?: string | null;

  @Property({ type: 'text' })
  body!: string;
}
