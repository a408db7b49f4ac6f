import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord } from '../../records/base-record.js';
import { Employee } from '../employees/employee.entity.js';
import { Person } from '../persons/person.entity.js';

/** A request (ticket); named CrmRequest so it never clashes with HTTP request types. */
@Entity({ tableName: 'service_request' })
export class CrmRequest extends BaseRecord {
  @Property({ type: 'string' })
  title!: string;

  @Property({ type: 'string', nullable: true })
  type?: string | null;

  @Property({ type: 'string', nullable: true })
  status?: string | null;

  @Property({ type: 'string', nullable: true })
  category?: string | null;

  @Property({ type: 'string', nullable: true })
  priority?: string | null;

  @ManyToOne({ entity: () => Employee, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  owner?: Ref<Employee> | null;

  @Property({ type: 'text', nullable: true })
  message?: string | null;

  @ManyToOne({ entity: () => Person, ref: true, nullable: true, deleteRule: 'set null', index: true })
  person?: Ref<Person> | null;
}
