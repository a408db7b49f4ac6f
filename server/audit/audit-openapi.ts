import { pageSchema, registerComponentSchema } from '../common/openapi-components.js';
import { AUDIT_SUBJECTS } from './audit-entry.entity.js';

const STATE = { type: 'object', nullable: true, additionalProperties: true };

/** One audit entry as `GET /api/audit` answers it (see AuditLog.list). */
export const AUDIT_ENTRY_REF = {
  $ref: registerComponentSchema('AuditEntry', {
    type: 'object',
    required: ['id', 'at', 'actor', 'actorName', 'subject', 'subjectId', 'subjectName', 'action', 'before', 'after'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^[0-9]+$' },
      at: { type: 'string', format: 'date-time' },
      actor: { type: 'string', description: '`employee:<id>`, `api-token` or `system`' },
      actorName: { type: 'string' },
      subject: { type: 'string', enum: [...AUDIT_SUBJECTS] },
      subjectId: { type: 'string' },
      subjectName: { type: 'string' },
      action: { type: 'string', description: 'created, updated, deleted, or a lifecycle step such as started, paused, ended' },
      before: { ...STATE, description: 'The audited state before the change (a rule\'s source, a record\'s fields, a role list); null when it was created' },
      after: { ...STATE, description: 'The audited state after the change; null when it was deleted' },
    },
  }),
};

/** One page of them; named `…Page`, as `…List` names the record resources' pages. */
export const AUDIT_ENTRY_LIST_REF = { $ref: registerComponentSchema('AuditEntryPage', pageSchema(AUDIT_ENTRY_REF.$ref)) };
