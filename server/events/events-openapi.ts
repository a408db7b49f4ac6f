import { pageSchema, registerComponentSchema } from '../common/openapi-components.js';

const ID = { type: 'string', pattern: '^[0-9]+$' };

/** One stored change or behaviour event as `GET /api/change-events` answers it (see ChangeEventsQuery). */
export const CHANGE_EVENT_REF = {
  $ref: registerComponentSchema('ChangeEvent', {
    type: 'object',
    required: ['id', 'entity', 'entityId', 'kind', 'changes', 'actor', 'at', 'processedAt'],
    additionalProperties: false,
    properties: {
      id: ID,
      entity: { type: 'string', description: 'snake_case entity: person, quote_request, form, …' },
      entityId: { type: 'string' },
      kind: { type: 'string', description: 'created, updated, deleted, or a behaviour such as submitted or clicked' },
      changes: {
        type: 'object',
        description: 'Per changed field (snake_case): the value before and after',
        additionalProperties: { type: 'object', additionalProperties: false, properties: { from: {}, to: {} } },
      },
      data: { type: 'object', additionalProperties: true, description: 'Only when the event carries data (a behaviour event)' },
      actor: { type: 'string', nullable: true },
      at: { type: 'string', format: 'date-time' },
      processedAt: { type: 'string', format: 'date-time', nullable: true },
    },
  }),
};

/** One page of them; named `…Page`, as `…List` names the record resources' pages. */
export const CHANGE_EVENT_LIST_REF = { $ref: registerComponentSchema('ChangeEventPage', pageSchema(CHANGE_EVENT_REF.$ref)) };

/** The answer of `POST /api/events`: the event recorded. */
export const RECORDED_EVENT_REF = {
  $ref: registerComponentSchema('RecordedEvent', {
    type: 'object',
    required: ['id', 'type', 'personId'],
    additionalProperties: false,
    properties: {
      id: ID,
      type: { type: 'string', description: '`<entity>.<behaviour>`, as posted' },
      personId: { ...ID, nullable: true, description: 'The person it concerns; null for a bounce of an address no person has' },
    },
  }),
};
