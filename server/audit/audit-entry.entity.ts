import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** What the audit log follows (issue #10): rules, settings, content and who may do what. */
export const AUDIT_SUBJECTS = ['workflow', 'flow', 'template', 'status', 'task_type', 'employee', 'contact_policy'] as const;
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];

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
