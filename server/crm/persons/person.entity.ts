import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord } from '../../records/base-record.js';
import { Company } from '../companies/company.entity.js';
import { Employee } from '../employees/employee.entity.js';

@Entity()
@Index({ name: 'person_email_lower_unique', expression: 'create unique index "person_email_lower_unique" on "person" (lower("email")) where "email" is not null' })
export class Person extends BaseRecord {
  @Property({ type: 'string', nullable: true })
  firstName?: string | null;

  @Property({ type: 'string', nullable: true })
  lastName?: string | null;

  @Property({ type: 'string', nullable: true })
  email?: string | null;

  @Property({ type: 'string', nullable: true })
  mobile?: string | null;

  @Property({ type: 'string', nullable: true, index: true })
  category?: string | null;

  @ManyToOne({ entity: () => Company, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  company?: Ref<Company> | null;

  @ManyToOne({ entity: () => Employee, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  ourContact?: Ref<Employee> | null;

  @ManyToOne({ entity: () => Employee, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  serviceContact?: Ref<Employee> | null;

  @Property({ type: 'json' })
  interests: string[] = [];

  @Property({ type: 'boolean' })
  unsubscribed: boolean = false;

  /** IANA time zone the contact policy's quiet hours and windows follow (else APP_TIMEZONE). */
  @Property({ type: 'string', nullable: true })
  timeZone?: string | null;

  @Property({ type: 'json' })
  extra: Record<string, unknown> = {};
}
