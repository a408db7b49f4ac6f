import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord } from '../../records/base-record.js';
import type { Role } from '../../auth/roles.js';
import { Group } from './group.entity.js';

@Entity()
@Index({ name: 'employee_email_lower_unique', expression: 'create unique index "employee_email_lower_unique" on "employee" (lower("email"))' })
export class Employee extends BaseRecord {
  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'string' })
  email!: string;

  @Property({ type: 'string', nullable: true })
  mobile?: string | null;

  @ManyToOne({ entity: () => Group, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  group?: Ref<Group> | null;

  @Property({ type: 'json' })
  roles: Role[] = [];

  @Property({ type: 'boolean' })
  available: boolean = true;

  @Property({ type: 'string', nullable: true, hidden: true })
  passwordHash?: string | null;
}
