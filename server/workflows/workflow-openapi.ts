import { pageSchema, registerComponentSchema } from '../common/openapi-components.js';

/** A workflow as its routes answer it (see workflowJson). */
export const WORKFLOW_REF = {
  $ref: registerComponentSchema('Workflow', {
    type: 'object',
    required: ['id', 'name', 'source', 'active', 'settingKey', 'version', 'createdAt', 'updatedAt'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^[0-9]+$' },
      name: { type: 'string' },
      source: { type: 'string', description: 'The workflow in the DSL' },
      active: { type: 'boolean' },
      settingKey: { type: 'string', nullable: true, description: 'The setting that made this workflow, if one did' },
      version: { type: 'integer', minimum: 1 },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  }),
};

export const WORKFLOW_LIST_REF = { $ref: registerComponentSchema('WorkflowList', pageSchema(WORKFLOW_REF.$ref)) };
