import { pageSchema, registerComponentSchema, type Schema } from '../common/openapi-components.js';

const ID = { type: 'string', pattern: '^[0-9]+$' };
const NULLABLE_ID = { ...ID, nullable: true };
const TIME = { type: 'string', format: 'date-time' };
const TEXT_OR_NULL = { type: 'string', nullable: true };

/** The fields of a message in the outbox (see messageJson). */
const MESSAGE_PROPERTIES: Record<string, Schema> = {
  id: ID,
  channel: { type: 'string', enum: ['email', 'sms'] },
  to: TEXT_OR_NULL,
  from: TEXT_OR_NULL,
  replyTo: TEXT_OR_NULL,
  subject: TEXT_OR_NULL,
  body: { type: 'string' },
  status: { type: 'string', enum: ['queued', 'sent', 'failed', 'suppressed'] },
  key: { type: 'string', description: 'The idempotency key the message was decided under' },
  messageId: { type: 'string', description: 'The RFC 5322 Message-ID it is sent with' },
  attempts: { type: 'integer', minimum: 0 },
  segments: { type: 'integer', nullable: true, description: 'SMS segments; null for an e-mail' },
  transport: TEXT_OR_NULL,
  personId: NULLABLE_ID,
  workflowId: NULLABLE_ID,
  flowId: NULLABLE_ID,
  createdAt: TIME,
  sentAt: { ...TIME, nullable: true },
  error: TEXT_OR_NULL,
  marketing: { type: 'boolean', description: 'A flow’s message, counted by the contact policy' },
  policyNote: { type: 'string', nullable: true, description: 'Why the contact policy held it back' },
  nextAttemptAt: { ...TIME, nullable: true, description: 'When a queued message’s delivery is tried next' },
};

export const MESSAGE_REF = {
  $ref: registerComponentSchema('Message', {
    type: 'object',
    required: Object.keys(MESSAGE_PROPERTIES),
    additionalProperties: false,
    properties: MESSAGE_PROPERTIES,
  }),
};

/** One page of them; named `…Page`, as `…List` names the record resources' pages. */
export const MESSAGE_LIST_REF = { $ref: registerComponentSchema('MessagePage', pageSchema(MESSAGE_REF.$ref)) };

const NAMED = { type: 'object', required: ['id', 'name'], additionalProperties: false, properties: { id: ID, name: { type: 'string' } } };

/** One message with its headers, delivery attempts and where it came from (see MessageDetailQuery). */
const DETAIL_PROPERTIES: Record<string, Schema> = {
  ...MESSAGE_PROPERTIES,
  stepId: TEXT_OR_NULL,
  headers: {
    type: 'array',
    items: { type: 'object', required: ['name', 'value'], additionalProperties: false, properties: { name: { type: 'string' }, value: { type: 'string' } } },
  },
  deliveryAttempts: {
    type: 'array',
    items: {
      type: 'object',
      required: ['at', 'outcome', 'error', 'transport'],
      additionalProperties: false,
      properties: { at: TIME, outcome: { type: 'string', enum: ['sent', 'failed'] }, error: TEXT_OR_NULL, transport: TEXT_OR_NULL },
    },
  },
  person: {
    type: 'object',
    nullable: true,
    required: ['id', 'name', 'email'],
    additionalProperties: false,
    properties: { id: ID, name: { type: 'string' }, email: TEXT_OR_NULL },
  },
  workflow: { ...NAMED, nullable: true },
  flow: { ...NAMED, nullable: true },
};

export const MESSAGE_DETAIL_REF = {
  $ref: registerComponentSchema('MessageDetail', {
    type: 'object',
    required: Object.keys(DETAIL_PROPERTIES),
    additionalProperties: false,
    properties: DETAIL_PROPERTIES,
  }),
};
