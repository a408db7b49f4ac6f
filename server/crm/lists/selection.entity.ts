import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord } from '../../records/base-record.js';
import { Person } from '../persons/person.entity.js';

@Entity()
export class Selection extends BaseRecord {
  @Property({ type: 'string', unique: true })
  name!: string;
}

@Entity()
export class SelectionMember {
  @ManyToOne({ entity: () => Selection, ref: true, primary: true, deleteRule: 'cascade', index: true })
  selection!: Ref<Selection>;

  @ManyToOne({ entity: () => Person, ref: true, primary: true, deleteRule: 'cascade', index: true })
  person!: Ref<Person>;

  @Property({ type: 'datetime' })
  addedAt!: Date;
}
