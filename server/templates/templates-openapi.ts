import { ENTITIES } from '@stroom/dsl';
import { registerComponentSchema } from '../common/openapi-components.js';

const ID = { type: 'string', pattern: '^[0-9]+$' };
const NAMED = { type: 'object', required: ['id', 'name'], additionalProperties: false, properties: { id: ID, name: { type: 'string' } } };

/** Where a template is used (see TemplateUsage). */
export const TEMPLATE_USAGE_REF = {
  $ref: registerComponentSchema('TemplateUsage', {
    type: 'object',
    required: ['workflows', 'flows'],
    additionalProperties: false,
    properties: {
      workflows: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'name'],
          additionalProperties: false,
          properties: {
            id: ID,
            name: { type: 'string' },
            setting: {
              description: 'Only when a per-status or per-task-type form wrote the workflow',
              oneOf: [
                {
                  type: 'object',
                  required: ['kind', 'statusKind', 'id'],
                  additionalProperties: false,
                  properties: { kind: { type: 'string', enum: ['status'] }, statusKind: { type: 'string', enum: ['quote_request', 'opportunity', 'intake_measure'] }, id: ID },
                },
                {
                  type: 'object',
                  required: ['kind', 'id', 'which'],
                  additionalProperties: false,
                  properties: { kind: { type: 'string', enum: ['task_type'] }, id: ID, which: { type: 'string', enum: ['new', 'expired', 'completed'] } },
                },
              ],
            },
          },
        },
      },
      flows: { type: 'array', items: NAMED },
    },
  }),
};

/** A problem compiling a template's MJML, at its line (see TemplateDiagnostic): a warning, or an error in a 400's `details.diagnostics`. */
export const TEMPLATE_DIAGNOSTIC_REF = {
  $ref: registerComponentSchema('TemplateDiagnostic', {
    type: 'object',
    required: ['line', 'message'],
    additionalProperties: false,
    properties: { line: { type: 'integer', nullable: true }, message: { type: 'string' }, tagName: { type: 'string' } },
  }),
};

/** A template rendered on a record or sample data (see TemplateSender.preview). */
export const TEMPLATE_PREVIEW_REF = {
  $ref: registerComponentSchema('TemplatePreview', {
    type: 'object',
    required: ['subject', 'body', 'record', 'usedWith', 'empty'],
    additionalProperties: false,
    properties: {
      subject: { type: 'string', nullable: true, description: 'null for an SMS' },
      body: { type: 'string', description: 'The HTML (or SMS text) exactly as it would be sent' },
      text: { type: 'string', description: 'E-mail only: the plain-text part' },
      warnings: { type: 'array', items: TEMPLATE_DIAGNOSTIC_REF, description: 'E-mail only: what compiling the template warned of' },
      segments: { type: 'integer', minimum: 0, description: 'SMS only' },
      sms: {
        type: 'object',
        description: 'SMS only: how the text is counted',
        required: ['encoding', 'units', 'segments', 'perSegment', 'remaining'],
        additionalProperties: false,
        properties: {
          encoding: { type: 'string', enum: ['gsm7', 'ucs2'] },
          units: { type: 'integer', minimum: 0 },
          segments: { type: 'integer', minimum: 0 },
          perSegment: { type: 'integer', minimum: 0 },
          remaining: { type: 'integer', minimum: 0 },
          unicodeCharacter: { type: 'string', description: 'The first character that forces UCS-2 (70 per segment), when the text has one' },
        },
      },
      record: {
        type: 'object',
        required: ['type', 'id', 'sample'],
        additionalProperties: false,
        properties: { type: { type: 'string', enum: [...ENTITIES] }, id: { ...ID, nullable: true }, sample: { type: 'boolean' } },
      },
      usedWith: { type: 'array', items: { type: 'string', enum: [...ENTITIES] }, description: 'The record kinds of the workflows and flows that use the template' },
      empty: {
        type: 'array',
        description: 'Every merge variable that renders empty, with why',
        items: {
          type: 'object',
          required: ['variable', 'code', 'params', 'reason'],
          additionalProperties: false,
          properties: {
            variable: { type: 'string' },
            code: { type: 'string', enum: ['preview.empty_field', 'preview.no_related', 'preview.not_available', 'preview.not_used_with'] },
            params: { type: 'object', additionalProperties: { type: 'string' } },
            reason: { type: 'string', description: 'In the language of Accept-Language' },
          },
        },
      },
    },
  }),
};

/** The test message queued (see TemplateSender.testSend). */
export const TEMPLATE_TEST_SEND_REF = {
  $ref: registerComponentSchema('TemplateTestSend', {
    type: 'object',
    required: ['messageId', 'status'],
    additionalProperties: false,
    properties: {
      messageId: { ...ID, description: 'The message in the outbox (GET /api/messages/{id})' },
      status: { type: 'string', enum: ['queued', 'sent', 'failed', 'suppressed'] },
    },
  }),
};

/** Every merge variable a template may use, by name. */
export const TEMPLATE_VARIABLES_REF = {
  $ref: registerComponentSchema('TemplateVariables', {
    type: 'object',
    required: ['items', 'total'],
    additionalProperties: false,
    properties: {
      items: { type: 'array', items: { type: 'string' }, description: '`person.first_name`, …, `unsubscribe_url`' },
      total: { type: 'integer', minimum: 0 },
    },
  }),
};
