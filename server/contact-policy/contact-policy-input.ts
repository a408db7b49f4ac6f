import { z } from 'zod';

/** `PUT /api/contact-policy`: the policy as DSL source. */
export const contactPolicyBody = z.strictObject({ source: z.string().max(20_000) });
export type ContactPolicyBody = z.output<typeof contactPolicyBody>;
