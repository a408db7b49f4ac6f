import { ManyToOne } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord } from '../../records/base-record.js';
import { Company } from '../companies/company.entity.js';
import { Employee } from '../employees/employee.entity.js';
import { Person } from '../persons/person.entity.js';
import { Status } from '../statuses/status.entity.js';

/** What quote requests, opportunities and intake measures share: a status, a person, a company and an owner. */
export abstract class PipelineRecord extends BaseRecord {
  @ManyToOne({ entity: () => Status, ref: true, deleteRule: 'restrict', index: true })
  status!: Ref<Status>;

  @ManyToOne({ entity: () => Person, ref: true, nullable: true, deleteRule: 'set null', index: true })
  person?: Ref<Person> | null;

  @ManyToOne({ entity: () => Company, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  company?: Ref<Company> | null;

  @ManyToOne({ entity: () => Employee, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  owner?: Ref<Employee> | null;
}
