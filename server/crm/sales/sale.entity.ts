import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord } from '../../records/base-record.js';
import { Company } from '../companies/company.entity.js';
import { Employee } from '../employees/employee.entity.js';
import { Person } from '../persons/person.entity.js';
import { Project } from '../lists/project.entity.js';

export const SALE_STAGES = ['open', 'lost', 'sold'] as const;

@Entity()
export class Sale extends BaseRecord {
  @Property({ type: 'string' })
  title!: string;

  @Property({ type: 'string', nullable: true })
  type?: string | null;

  @Property({ type: 'string' })
  stage: (typeof SALE_STAGES)[number] = 'open';

  @Property({ type: 'double', nullable: true })
  amount?: number | null;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @ManyToOne({ entity: () => Person, ref: true, nullable: true, deleteRule: 'set null', index: true })
  person?: Ref<Person> | null;

  @ManyToOne({ entity: () => Company, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  company?: Ref<Company> | null;

  @ManyToOne({ entity: () => Project, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  project?: Ref<Project> | null;

  @ManyToOne({ entity: () => Employee, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  owner?: Ref<Employee> | null;

  @Property({ type: 'datetime', nullable: true })
  date?: Date | null;
}
