import { z } from 'zod';
import { emailAddress } from '../common/validation.js';

const days = z.number().int().min(0).max(3650);
const recipient = z.union([z.enum(['person', 'owner', 'our_contact', 'service_contact']), emailAddress('expected person, owner, our_contact, service_contact or an e-mail address')]);

/** `PUT /api/workflow-settings/:kind/:id` once the read-only fields GET gave are dropped; a field left out keeps its value. */
export const statusBody = z.strictObject({
  active: z.boolean(),
  sendReminder: z.boolean().optional(),
  templateKey: z.string().min(1).max(100).nullable().optional(),
  delayDays: days.nullable().optional(),
  recipient: recipient.nullable().optional(),
  reminderIntervalDays: z.number().int().min(1).max(365).nullable().optional(),
  reminderMaxCount: z.number().int().min(1).max(100).nullable().optional(),
});
export type StatusBody = z.output<typeof statusBody>;

const taskPart = z.strictObject({ active: z.boolean(), templateKey: z.string().min(1).max(100).nullable().optional(), delayDays: days.nullable().optional() });

/** `PUT /api/workflow-settings/task-types/:id` once the read-only fields GET gave are dropped: the parts to save. */
export const taskTypeBody = z.strictObject({ onNew: taskPart.optional(), onExpired: taskPart.optional(), onCompleted: taskPart.optional() });
export type TaskTypeBody = z.output<typeof taskTypeBody>;
