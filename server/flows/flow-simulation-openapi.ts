import { registerComponentSchema } from '../common/openapi-components.js';
import { COUNT, COUNTS, RATE, REFUSAL_REASONS, TIME, fixed } from './flow-openapi-shapes.js';

/** `POST /api/flows/:id/simulate` for {personId} or {person} (FlowSimulator). */
const PERSON_SIMULATION_REF = {
  $ref: registerComponentSchema('FlowPersonSimulation', fixed(['admitted', 'steps', 'messages', 'changes', 'webhooks'], {
    admitted: { type: 'boolean' },
    refusedReason: { type: 'string', enum: [...REFUSAL_REASONS, 'no_date_in_range'], description: 'Only when not admitted' },
    enrolsOn: { type: 'string', format: 'date', description: 'A flow enrolled by dates: the day the person’s date enrols them' },
    truncated: { type: 'boolean', enum: [true], description: 'Only when the time budget ran out' },
    truncatedAt: TIME,
    steps: { type: 'array', items: fixed(['at', 'stepId', 'kind'], { at: TIME, stepId: { type: 'string' }, kind: { type: 'string' } }) },
    messages: {
      type: 'array',
      items: fixed(['channel', 'to', 'subject', 'body'], { channel: { type: 'string', enum: ['email', 'sms'] }, to: { type: 'string', nullable: true }, subject: { type: 'string', nullable: true }, body: { type: 'string' } }),
    },
    changes: {
      type: 'array',
      items: fixed(['entity', 'entityId', 'kind', 'changes', 'data'], {
        entity: { type: 'string' }, entityId: { type: 'string', nullable: true, description: 'Null for a record the walk would create, or a made-up person' }, kind: { type: 'string' },
        changes: { type: 'object', nullable: true, additionalProperties: fixed(['from', 'to'], { from: {}, to: {} }), description: 'The changed fields (field → {from, to}), as the change event would hold them' },
        data: { type: 'object', nullable: true, additionalProperties: true, description: 'The change event’s data (e.g. the person of a created record)' },
      }),
    },
    webhooks: {
      type: 'array',
      items: fixed(['stepId', 'method', 'url', 'body', 'status'], {
        stepId: { type: 'string' }, method: { type: 'string' }, url: { type: 'string' }, body: { type: 'string', nullable: true },
        status: { type: 'integer', minimum: 100, maximum: 599, description: 'The answer it is taken to get (nothing is called)' },
      }),
    },
  }, 'One person’s walk ({personId} or {person}); nothing stored or sent')),
};

/** `POST /api/flows/:id/simulate` for {selectionId} (FlowForecasts). */
const FORECAST_REF = {
  $ref: registerComponentSchema('FlowForecast', fixed(['persons', 'days', 'admitted', 'refused', 'perStep', 'perDay', 'outcomes', 'splits'], {
    persons: COUNT,
    days: { type: 'integer', minimum: 1 },
    admitted: COUNT,
    refused: { ...COUNTS, description: 'Members refused, per reason' },
    perStep: { ...COUNTS, description: 'Arrivals per step id over the period' },
    perDay: {
      type: 'array',
      items: fixed(['date', 'arrivals', 'messages', 'finished'], { date: { type: 'string', format: 'date' }, arrivals: COUNT, messages: COUNT, finished: COUNT }),
    },
    outcomes: fixed(['success', 'completed', 'dropout', 'active'], { success: COUNT, completed: COUNT, dropout: COUNT, active: COUNT }),
    splits: {
      type: 'array',
      items: fixed(['stepId', 'branches'], {
        stepId: { type: 'string' },
        branches: { type: 'array', items: fixed(['name', 'planned', 'participants', 'share'], { name: { type: 'string' }, planned: RATE, participants: COUNT, share: RATE }) },
      }),
    },
  }, 'A forecast for a selection ({selectionId}); nothing stored or sent')),
};

/** `POST /api/flows/:id/simulate`: one person’s walk, or a forecast for a selection. */
export const FLOW_SIMULATION_REF = { $ref: registerComponentSchema('FlowSimulation', { oneOf: [PERSON_SIMULATION_REF, FORECAST_REF] }) };
