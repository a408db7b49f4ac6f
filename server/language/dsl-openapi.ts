import { DIAGNOSTIC_PARAMS, registerComponentSchema } from '../common/openapi-components.js';

const NAMES = { type: 'array', items: { type: 'string' } };

/** One finding of the DSL check (see Diagnostic in @stroom/dsl); its message follows Accept-Language. */
export const DSL_DIAGNOSTIC_REF = {
  $ref: registerComponentSchema('DslDiagnostic', {
    type: 'object',
    required: ['line', 'column', 'length', 'severity', 'message', 'code'],
    additionalProperties: false,
    properties: {
      line: { type: 'integer', minimum: 1 },
      column: { type: 'integer', minimum: 1, description: 'In UTF-16 code units' },
      length: { type: 'integer', minimum: 1 },
      severity: { type: 'string', enum: ['error', 'warning', 'info'] },
      message: { type: 'string' },
      code: { type: 'string', description: 'Stable, e.g. `unknown-template`' },
      params: DIAGNOSTIC_PARAMS,
      suggestion: { type: 'string', description: 'The name probably meant' },
      stepId: { type: 'string', description: 'The flow step it is about' },
    },
  }),
};

const DIAGNOSTICS = { type: 'array', items: DSL_DIAGNOSTIC_REF };

export const DSL_CHECK_REF = {
  $ref: registerComponentSchema('DslCheck', {
    type: 'object',
    required: ['ok', 'diagnostics'],
    additionalProperties: false,
    properties: { ok: { type: 'boolean', description: 'No errors (warnings may remain)' }, diagnostics: DIAGNOSTICS },
  }),
};

export const DSL_FORMAT_REF = {
  $ref: registerComponentSchema('DslFormat', {
    type: 'object',
    required: ['source', 'ok', 'diagnostics'],
    additionalProperties: false,
    properties: {
      source: { type: 'string', description: 'The canonical text, or the text unchanged when it does not parse' },
      ok: { type: 'boolean', description: 'Whether the text parsed (and so was formatted)' },
      diagnostics: DIAGNOSTICS,
    },
  }),
};

export const DSL_NAMES_REF = {
  $ref: registerComponentSchema('DslNames', {
    type: 'object',
    required: ['templates', 'statuses', 'selections', 'forms', 'flows', 'projects', 'taskTypes', 'groups', 'secrets'],
    additionalProperties: false,
    properties: {
      templates: {
        type: 'array',
        items: { type: 'object', required: ['key'], additionalProperties: false, properties: { key: { type: 'string' }, channel: { type: 'string', enum: ['email', 'sms'] } } },
      },
      statuses: {
        type: 'object',
        required: ['quote_request', 'opportunity', 'intake_measure'],
        additionalProperties: false,
        properties: { quote_request: NAMES, opportunity: NAMES, intake_measure: NAMES },
      },
      selections: NAMES,
      forms: NAMES,
      flows: NAMES,
      projects: NAMES,
      taskTypes: NAMES,
      groups: NAMES,
      secrets: { ...NAMES, description: 'Names of WEBHOOK_SECRETS only, never their values' },
    },
  }),
};

/** Every saved source of a flow or workflow, newest first (documentVersions). */
export const DOCUMENT_VERSION_LIST_REF = {
  $ref: registerComponentSchema('DocumentVersionList', {
    type: 'object',
    required: ['items', 'total'],
    additionalProperties: false,
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['version', 'source', 'author', 'createdAt'],
          additionalProperties: false,
          properties: {
            version: { type: 'integer', minimum: 1 },
            source: { type: 'string' },
            author: { type: 'string' },
            createdAt: { type: 'string', format: 'date-time' },
          },
        },
      },
      total: { type: 'integer', minimum: 0 },
    },
  }),
};
