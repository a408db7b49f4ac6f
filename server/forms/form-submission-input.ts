import type { PipeTransform } from '@nestjs/common';
import { z } from 'zod';

/** `POST /api/forms/:key/submissions`: the person (found or created by e-mail) and the answers. */
export const submissionBody = z.strictObject({
  person: z.strictObject({
    email: z.string().trim().email('expected an e-mail address').max(255),
    firstName: z.string().max(255).optional(),
    lastName: z.string().max(255).optional(),
    mobile: z.string().max(50).optional(),
    category: z.string().max(255).optional(),
  }),
  answers: z.record(z.string(), z.unknown()).optional(),
});
export type SubmissionInput = z.output<typeof submissionBody>;

/**
 * The fields a web page posted to `/f/<key>` (form-encoded or JSON), flat; anything but an object is no
 * fields. They are checked in the handler, so that a browser gets its refusal as a page.
 */
export class PostedFieldsPipe implements PipeTransform<unknown, Record<string, unknown>> {
  transform(body: unknown): Record<string, unknown> {
    return body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : {};
  }
}
