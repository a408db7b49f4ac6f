import { z } from 'zod';
import { paging } from '../common/paging.js';

/** `GET /api/messages`: the outbox filtered by recipient, status, channel, rule, flow, person or key. */
export const outboxQuery = z.strictObject({
  to: z.string().max(255).optional(),
  status: z.enum(['queued', 'sent', 'failed', 'suppressed']).optional(),
  channel: z.enum(['email', 'sms']).optional(),
  rule: z.string().max(32).optional(),
  workflowId: z.string().max(32).optional(),
  flow: z.string().max(32).optional(),
  flowId: z.string().max(32).optional(),
  personId: z.string().max(32).optional(),
  key: z.string().max(500).optional(),
  ...paging,
});
export type OutboxQuery = z.output<typeof outboxQuery>;
