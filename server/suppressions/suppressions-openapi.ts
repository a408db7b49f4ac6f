import { pageSchema, registerComponentSchema } from '../common/openapi-components.js';
import { SUPPRESSION_REASONS } from './suppression.entity.js';

/** A suppressed address as the suppression routes answer it. */
export const SUPPRESSION_REF = {
  $ref: registerComponentSchema('Suppression', {
    type: 'object',
    required: ['address', 'reason', 'createdAt'],
    additionalProperties: false,
    properties: {
      address: { type: 'string', description: 'Lower-cased' },
      reason: { type: 'string', enum: [...SUPPRESSION_REASONS] },
      createdAt: { type: 'string', format: 'date-time' },
    },
  }),
};

/** One page of them; named `…Page`, as `…List` names the record resources' pages. */
export const SUPPRESSION_LIST_REF = { $ref: registerComponentSchema('SuppressionPage', pageSchema(SUPPRESSION_REF.$ref)) };
