import { registerComponentSchema } from '../common/openapi-components.js';

const ID = { type: 'string', pattern: '^[0-9]+$' };

/** The answer of a form submission: the `form.submitted` event and the person it was recorded for. */
export const FORM_SUBMISSION_REF = {
  $ref: registerComponentSchema('FormSubmission', {
    type: 'object',
    required: ['id', 'personId', 'personCreated'],
    additionalProperties: false,
    properties: {
      id: { ...ID, description: 'The form.submitted event' },
      personId: ID,
      personCreated: { type: 'boolean', description: 'True when no person had the e-mail address and one was created' },
    },
  }),
};

/** Per form: its public address, how often it was submitted and the flows that use it (see FormUsages). */
export const FORM_USAGE_REF = {
  $ref: registerComponentSchema('FormUsage', {
    type: 'object',
    required: ['id', 'key', 'name', 'submitUrl', 'submissions', 'flows'],
    additionalProperties: false,
    properties: {
      id: ID,
      key: { type: 'string' },
      name: { type: 'string' },
      submitUrl: { type: 'string', format: 'uri', description: 'The public address a web page’s form posts to' },
      submissions: { type: 'integer', minimum: 0 },
      flows: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'name', 'status', 'uses'],
          additionalProperties: false,
          properties: {
            id: ID,
            name: { type: 'string' },
            status: { type: 'string', enum: ['not_running', 'running', 'paused'] },
            uses: { type: 'array', items: { type: 'string', enum: ['trigger', 'wait', 'success'] } },
          },
        },
      },
    },
  }),
};

/** Every form's usage, by key (not paged: no total). */
export const FORM_USAGE_LIST_REF = {
  $ref: registerComponentSchema('FormUsages', {
    type: 'object',
    required: ['items'],
    additionalProperties: false,
    properties: { items: { type: 'array', items: FORM_USAGE_REF } },
  }),
};
