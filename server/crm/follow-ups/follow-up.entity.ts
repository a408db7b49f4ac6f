import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord } from '../../records/base-record.js';
import { Employee } from '../employees/employee.entity.js';
import { Person } from '../persons/person.entity.js';
import { Project } from '../lists/project.entity.js';

/** A diary item: a task date or a meeting slot. */
@Entity()
export class FollowUp extends BaseRecord {
  @Property({ type: 'string' })
  title!: string;

  @Property({ type: 'string', nullable: true })
  type?: string | null;

  @ManyToOne({ entity: () => Project, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  project?: Ref<Project> | null;

  @Property({ type: 'datetime', nullable: true })
  start?: Date | null;

  @ManyToOne({ entity: () => Employee, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  assignedTo?: Ref<Employee> | null;

  @Property({ type: 'text', nullable: true })
  agenda?: string | null;

  @ManyToOne({ entity: () => Person, ref: true, nullable: true, deleteRule: 'set null', index: true })
  person?: Ref<Person> | null;
}
