import { ERROR_REF, registerComponentSchema } from '../common/openapi-components.js';

/** What a script posting a web form gets: nothing about whether the person was known. */
export const FORM_RECEIVED_REF = {
  $ref: registerComponentSchema('FormReceived', {
    type: 'object',
    required: ['received'],
    additionalProperties: false,
    properties: { received: { type: 'boolean', enum: [true] } },
  }),
};

const HTML_PAGE = { 'text/html': { schema: { type: 'string', description: 'A short page for people' } } };

/**
 * The answers of a public form post: a browser (Accept prefers text/html) gets pages, a script JSON.
 * A body too large is refused before the form is read, always as JSON.
 */
export const PUBLIC_FORM_ANSWERS = [
  { status: 200, description: 'Received; a thank-you page (when the caller prefers text/html, as a browser does)', content: HTML_PAGE },
  { status: 201, description: 'Received (when the caller does not prefer text/html)', content: { 'application/json': { schema: FORM_RECEIVED_REF } } },
  { status: 400, description: 'A field is refused: the Error shape, or a page saying why for a browser', content: { 'application/json': { schema: { $ref: ERROR_REF } }, ...HTML_PAGE } },
  { status: 404, description: 'No form with this key: the Error shape, or a page for a browser', content: { 'application/json': { schema: { $ref: ERROR_REF } }, ...HTML_PAGE } },
  { status: 413, description: 'The request body is too large', content: { 'application/json': { schema: { $ref: ERROR_REF } } } },
];

/** The fields a web page posts, flat: the person's own by name, every other field an answer. */
export const PUBLIC_FORM_BODY = {
  type: 'object',
  required: ['email'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 255 },
    firstName: { type: 'string', maxLength: 255 },
    lastName: { type: 'string', maxLength: 255 },
    mobile: { type: 'string', maxLength: 50 },
  },
  additionalProperties: { oneOf: [{ type: 'string', maxLength: 5000 }, { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 5000 } }] },
  description: 'At most 50 answers (fields other than the person\'s own)',
};

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
