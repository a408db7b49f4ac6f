import { z } from 'zod';
import { recordId } from '../../common/validation.js';

/** `POST /api/<selections|projects>/:id/members`: the persons to add. */
export const addMembersBody = z.strictObject({
  personIds: z.array(recordId).min(1).max(10_000),
});
export type AddMembersBody = z.output<typeof addMembersBody>;
