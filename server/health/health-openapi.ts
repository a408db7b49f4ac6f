import { registerComponentSchema } from '../common/openapi-components.js';

export const HEALTH_REF = {
  $ref: registerComponentSchema('Health', {
    type: 'object',
    required: ['status', 'database'],
    additionalProperties: false,
    properties: {
      status: { type: 'string', enum: ['ok'] },
      database: { type: 'string', enum: ['postgresql', 'embedded'], description: 'PostgreSQL at DATABASE_URL, or the embedded database' },
    },
  }),
};
