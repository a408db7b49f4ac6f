import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord } from '../../records/base-record.js';
import { Group } from '../employees/group.entity.js';

/**
 * Who gets the requests of one type when a flow creates them with `owner auto`: the available
 * members of a group, or named employees, spread evenly.
 */
@Entity({ tableName: 'assignment_rule' })
export class AssignmentRule extends BaseRecord {
  @Property({ type: 'string', unique: true })
  requestType!: string;

  @ManyToOne({ entity: () => Group, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  group?: Ref<Group> | null;

  /** Employee ids; one that no longer exists is passed over. */
  @Property({ type: 'json' })
  employeeIds: string[] = [];
}
