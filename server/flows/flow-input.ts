import { z } from 'zod';
import { paging, ruleFilters } from '../common/paging.js';
import { recordId } from '../common/validation.js';

/** `GET /api/flows`: filtered by status; `q` searches the name. */
export const flowsQuery = z.strictObject({
  status: z.enum(['not_running', 'running', 'paused']).optional(),
  q: z.string().max(255).optional(),
  ...ruleFilters,
  ...paging,
});
export type FlowsQuery = z.output<typeof flowsQuery>;

/** `GET /api/flows/:id/participants`: filtered by status and step. */
export const participantsQuery = z.strictObject({
  status: z.enum(['queued', 'active', 'completed', 'completed_success', 'dropout', 'cancelled']).optional(),
  stepId: z.string().max(100).optional(),
  ...paging,
});
export type ParticipantsQuery = z.output<typeof participantsQuery>;

/** `POST /api/flows`. */
export const flowBody = z.strictObject({ name: z.string().min(1).max(255).optional(), source: z.string().min(1).max(500_000) });
export type FlowBody = z.output<typeof flowBody>;

/** `PUT`/`PATCH /api/flows/:id` once the read-only fields GET gave are dropped: participants on removed steps move by `moves`. */
export const flowUpdateBody = flowBody.extend({ moves: z.record(z.string().max(100), z.string().max(100)).optional() });
export type FlowUpdateBody = z.output<typeof flowUpdateBody>;

/** `POST /api/flows/:id/preview-edit`. */
export const previewEditBody = z.strictObject({ source: z.string().min(1).max(500_000) });
export type PreviewEditBody = z.output<typeof previewEditBody>;

/** The answer a simulated webhook call is taken to get (nothing is called). */
const webhookStatus = z.number().int().min(100).max(599).default(200);

/** `POST /api/flows/:id/simulate`: one person (given or made up) walks the flow, or a selection is forecast. */
export const simulateBody = z.union([
  z.strictObject({ personId: recordId, days: z.number().int().min(1).max(366).default(30), webhookStatus }),
  z.strictObject({ person: z.record(z.string(), z.unknown()), days: z.number().int().min(1).max(366).default(30), webhookStatus }),
  z.strictObject({
    selectionId: recordId, days: z.number().int().min(1).max(366).default(90), webhookStatus,
    // Assumed shares of the e-mails opened and clicked, in percent (a click is an open too).
    opens: z.number().min(0).max(100).default(0), clicks: z.number().min(0).max(100).default(0),
  }),
]);
export type SimulateBody = z.output<typeof simulateBody>;
export type PersonSimulation = Exclude<SimulateBody, { selectionId: string }>;

/** `POST /api/flows/:id/participants`: manual enrolment of persons or of a selection's members. */
export const enrolBody = z.union([
  z.strictObject({ personIds: z.array(recordId).min(1).max(10_000) }),
  z.strictObject({ selectionId: recordId }),
]);
export type EnrolRequest = z.output<typeof enrolBody>;
