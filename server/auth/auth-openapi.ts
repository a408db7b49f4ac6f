import { registerComponentSchema } from '../common/openapi-components.js';
import { ROLES } from './roles.js';

/** Who is calling: an employee signed in, or the ADMIN_API_TOKEN (no employee id). */
export const ME_REF = {
  $ref: registerComponentSchema('Me', {
    type: 'object',
    required: ['kind', 'employeeId', 'name', 'roles'],
    additionalProperties: false,
    properties: {
      kind: { type: 'string', enum: ['employee', 'token'] },
      employeeId: { type: 'string', pattern: '^[0-9]+$', nullable: true, description: 'null for the API token' },
      name: { type: 'string' },
      roles: { type: 'array', items: { type: 'string', enum: [...ROLES] } },
    },
  }),
};

export const LOGGED_OUT_REF = {
  $ref: registerComponentSchema('LoggedOut', {
    type: 'object',
    required: ['ok'],
    additionalProperties: false,
    properties: { ok: { type: 'boolean', enum: [true] } },
  }),
};
