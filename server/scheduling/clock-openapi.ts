import { registerComponentSchema } from '../common/openapi-components.js';

/** What reading and moving the virtual clock answer: the time it now shows. */
export const CLOCK_TIME_REF = {
  $ref: registerComponentSchema('ClockTime', {
    type: 'object',
    required: ['now'],
    additionalProperties: false,
    properties: { now: { type: 'string', format: 'date-time', description: 'The virtual time' } },
  }),
};
