/**
 * What other modules see of a change event (the events module's public shape): the change
 * consumer hands each handler one of these. The stored row is the ChangeEvent entity, this
 * module's own.
 */
export type ChangeKind = 'created' | 'updated' | 'deleted' | string;
export type Changes = Record<string, { from: unknown; to: unknown }>;

export interface RecordChange {
  id: string;
  /** snake_case entity name: person, quote_request, form, … */
  entity: string;
  entityId: string;
  /** created, updated, deleted, or a behaviour such as submitted, clicked, added. */
  kind: ChangeKind;
  changes: Changes;
  data?: Record<string, unknown> | null;
  actor?: string | null;
  at: Date;
}
