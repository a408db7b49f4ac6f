import { z } from 'zod';
import { paging } from '../common/paging.js';
import { AUDIT_SUBJECTS } from './audit-entry.entity.js';
import { RECORD_ID } from '../common/validation.js';

/** `GET /api/audit`: a page of entries, filtered by subject, subject id or actor. */
export const auditQuery = z.strictObject({
  ...paging,
  subject: z.enum(AUDIT_SUBJECTS).optional(),
  subjectId: z.string().regex(RECORD_ID, 'must be a record id').optional(),
  actor: z.string().max(100).optional(),
});
export type AuditQuery = z.output<typeof auditQuery>;
