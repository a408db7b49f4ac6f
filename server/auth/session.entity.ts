import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { Employee } from '../crm/employees/employee.entity.js';

/** A login token; only its SHA-256 hash is stored. */
@Entity()
export class Session {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'string', unique: true })
  tokenHash!: string;

  @ManyToOne({ entity: () => Employee, ref: true, deleteRule: 'cascade', index: true })
  employee!: Ref<Employee>;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
