import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord } from '../records/base-record.js';

export type FlowStatus = 'not_running' | 'running' | 'paused';

/** A marketing flow: one `flow "…" { … }` declaration of DSL, with every step's id written into it. */
@Entity()
export class Flow extends BaseRecord {
  @Property({ type: 'string', unique: true })
  name!: string;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'string' })
  status: FlowStatus = 'not_running';

  @Property({ type: 'integer' })
  version: number = 1;

  /** Every step id any version has used: new steps never get one of these (participants keep their place). */
  @Property({ type: 'json' })
  usedStepIds: string[] = [];
}

@Entity()
@Unique({ properties: ['flow', 'version'] })
export class FlowVersion {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne({ entity: () => Flow, ref: true, deleteRule: 'cascade' })
  flow!: Ref<Flow>;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'string' })
  author!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
