import { ENTITIES } from '@stroom/dsl';
import { z } from 'zod';
import { RECORD_ID } from '../common/validation.js';

const recordId = z.union([z.string().regex(RECORD_ID, 'expected an id'), z.number().int().nonnegative()]).transform(String);

/**
 * The record to render on: `{recordType, recordId}` (a person, task, quote request, …), or the
 * older `{personId}`; neither gives sample data of the record kind the template is used with.
 */
const recordChoice = {
  personId: recordId.optional(),
  recordType: z.enum(ENTITIES).optional(),
  recordId: recordId.optional(),
};

/** `POST /api/templates/:id/preview` (the body may be left out). */
export const previewBody = z.strictObject({
  ...recordChoice,
  /** An unsaved draft (the editor's live preview): rendered instead of the stored text. */
  subject: z.string().max(1000).nullable().optional(),
  body: z.string().max(500_000).optional(),
  /** The draft's format (the stored one when omitted): an MJML draft is compiled as a save would. */
  format: z.enum(['html', 'mjml']).optional(),
});
export type PreviewBody = z.output<typeof previewBody>;

/** `POST /api/templates/:id/test-send`. */
export const testSendBody = z.strictObject({
  to: z.string().min(3).max(255),
  ...recordChoice,
});
export type TestSendBody = z.output<typeof testSendBody>;
