import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord } from '../records/base-record.js';

/** A field-change workflow: one `workflow` declaration of DSL source, stored in canonical form. */
@Entity()
export class Workflow extends BaseRecord {
  @Property({ type: 'string', unique: true })
  name!: string;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  /** The form row this workflow belongs to (`quote_request_status:<id>`, `task_type:<id>:expired`), if any. */
  @Property({ type: 'string', nullable: true, unique: true })
  settingKey?: string | null;

  @Property({ type: 'integer' })
  version: number = 1;
}

/** Every saved source, with its author and time. */
@Entity()
@Unique({ properties: ['workflow', 'version'] })
export class WorkflowVersion {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne({ entity: () => Workflow, ref: true, deleteRule: 'cascade' })
  workflow!: Ref<Workflow>;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'string' })
  author!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/** Bumped with every workflow change, so every instance knows to rebuild its rule index. */
@Entity()
export class RuleSetVersion {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = 1;

  @Property({ type: 'bigint' })
  version: string = '0';
}
