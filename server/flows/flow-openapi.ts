import { pageSchema, registerComponentSchema } from '../common/openapi-components.js';

const DIAGNOSTIC = { type: 'object', additionalProperties: true, description: 'A warning of the DSL check, at its line' };

/** A flow as its routes answer it (see flowJson): the list adds participant counts, a save its warnings. */
export const FLOW_REF = {
  $ref: registerComponentSchema('Flow', {
    type: 'object',
    required: ['id', 'name', 'source', 'status', 'version', 'createdAt', 'updatedAt'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^[0-9]+$' },
      name: { type: 'string' },
      source: { type: 'string', description: 'The flow in the DSL' },
      status: { type: 'string', enum: ['not_running', 'running', 'paused'] },
      version: { type: 'integer', minimum: 1 },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      warnings: { type: 'array', items: DIAGNOSTIC, description: 'Only in the answer of a save' },
      participants: { type: 'object', additionalProperties: { type: 'integer' }, description: 'Only in a list: participants per status' },
    },
  }),
};

export const FLOW_LIST_REF = { $ref: registerComponentSchema('FlowList', pageSchema(FLOW_REF.$ref)) };
