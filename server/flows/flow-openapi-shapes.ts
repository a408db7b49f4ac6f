/** The building blocks of the flow routes' OpenAPI schemas: ids are strings of digits, times ISO date-times. */
export const ID = { type: 'string', pattern: '^[0-9]+$' };
export const TIME = { type: 'string', format: 'date-time' };
export const COUNT = { type: 'integer', minimum: 0 };
export const COUNTS = { type: 'object', additionalProperties: COUNT };
export const RATE = { type: 'number', minimum: 0, maximum: 1 };
export const STRINGS = { type: 'array', items: { type: 'string' } };
export const REFUSAL_REASONS = ['unsubscribed', 'excluded', 'already_participated', 'already_participating', 'restart_too_soon', 'filter'];

/** An object with exactly these properties. */
export function fixed(required: string[], properties: Record<string, unknown>, description?: string) {
  return { type: 'object', required, additionalProperties: false, properties, ...(description ? { description } : {}) };
}
