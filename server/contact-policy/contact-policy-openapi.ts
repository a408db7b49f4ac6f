import { registerComponentSchema } from '../common/openapi-components.js';

const ID = { type: 'string', pattern: '^[0-9]+$' };
const TIME = { type: 'string', format: 'date-time' };

/** The contact policy document (see ContactPolicies.get); a save answers it too. */
export const CONTACT_POLICY_REF = {
  $ref: registerComponentSchema('ContactPolicy', {
    type: 'object',
    required: ['source', 'updatedAt', 'updatedBy'],
    additionalProperties: false,
    properties: {
      source: { type: 'string', description: 'The policy in the DSL (a policy that limits nothing while none was saved)' },
      updatedAt: { ...TIME, nullable: true, description: 'null while none was saved' },
      updatedBy: { type: 'string', nullable: true, description: 'Who saved it last' },
    },
  }),
};

/** A person's contact history, newest first (see ContactHistory). */
export const CONTACT_HISTORY_REF = {
  $ref: registerComponentSchema('ContactHistory', {
    type: 'object',
    required: ['items'],
    additionalProperties: false,
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          description: 'A message sent, or one the contact policy deferred or skipped',
          required: ['at', 'channel', 'status'],
          additionalProperties: false,
          properties: {
            at: TIME,
            channel: { type: 'string', enum: ['email', 'sms'] },
            status: { type: 'string', enum: ['sent', 'deferred', 'skipped'] },
            messageId: { ...ID, description: 'A sent message' },
            flowId: ID,
            workflowId: ID,
            reason: { type: 'string', description: 'Why the policy deferred or skipped it (or held a sent one back first)' },
            until: { ...TIME, description: 'A deferral: the moment it was put off to' },
            marketing: { type: 'boolean', description: 'A sent message: counted by the policy (a flow’s message) or transactional' },
          },
        },
      },
    },
  }),
};
