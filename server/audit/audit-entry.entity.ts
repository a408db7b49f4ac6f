import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

import type { AuditSubject } from './audit-subjects.js';

export { AUDIT_SUBJECTS, type AuditSubject } from './audit-subjects.js';

/** One change by one actor: the state before and after (a rule's source, a template, a role list). */
@Entity()
@Index({ properties: ['subject', 'subjectId', 'at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'datetime', index: true })
  at!: Date;

  /** `employee:<id>`, `api-token` or `system`, as on change events. */
  @Property({ type: 'string' })
  actor!: string;

  @Property({ type: 'string' })
  actorName!: string;

  @Property({ type: 'string' })
  subject!: AuditSubject;

  @Property({ type: 'string' })
  subjectId!: string;

  @Property({ type: 'string' })
  subjectName!: string;

  /** created, updated, deleted, or a lifecycle step such as started, paused, ended. */
  @Property({ type: 'string' })
  action!: string;

  @Property({ type: 'json', nullable: true })
  before?: unknown;

  @Property({ type: 'json', nullable: true })
  after?: unknown;
}
