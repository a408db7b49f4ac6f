import { z } from 'zod';
import { paging } from '../common/paging.js';

/** `GET /api/change-events`: filtered by entity, record id and kind. */
export const changeEventsQuery = z.strictObject({
  entity: z.string().max(64).optional(),
  id: z.string().max(64).optional(),
  kind: z.string().max(64).optional(),
  ...paging,
});
export type ChangeEventsFilter = z.output<typeof changeEventsQuery>;
