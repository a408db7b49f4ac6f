import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord } from '../../records/base-record.js';
import { Employee } from '../employees/employee.entity.js';

@Entity()
export class Company extends BaseRecord {
  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'string', nullable: true, index: true })
  category?: string | null;

  @ManyToOne({ entity: () => Employee, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  ourContact?: Ref<Employee> | null;

  @ManyToOne({ entity: () => Employee, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  serviceContact?: Ref<Employee> | null;
}
