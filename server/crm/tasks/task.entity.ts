import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord } from '../../records/base-record.js';
import { Employee } from '../employees/employee.entity.js';
import { Person } from '../persons/person.entity.js';
import { TaskType } from './task-type.entity.js';

@Entity()
export class Task extends BaseRecord {
  @ManyToOne({ entity: () => TaskType, ref: true, deleteRule: 'restrict', index: true })
  type!: Ref<TaskType>;

  @Property({ type: 'string' })
  title!: string;

  @ManyToOne({ entity: () => Employee, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  responsible?: Ref<Employee> | null;

  @ManyToOne({ entity: () => Person, ref: true, nullable: true, deleteRule: 'set null', index: true })
  contact?: Ref<Person> | null;

  @Property({ type: 'datetime', nullable: true, index: true })
  dueAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;
}
