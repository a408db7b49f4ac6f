import { DIAGNOSTIC_PARAMS, pageSchema, registerComponentSchema } from '../common/openapi-components.js';
import { DSL_DIAGNOSTIC_REF } from '../language/dsl-openapi.js';
import { PARTICIPANT_STATUSES } from './participant.entity.js';
import { COUNT, COUNTS, ID, RATE, REFUSAL_REASONS, STRINGS, TIME, fixed } from './flow-openapi-shapes.js';

/** What flowJson answers of every flow. */
const FLOW_FIELDS = {
  id: { type: 'string', pattern: '^[0-9]+$' },
  name: { type: 'string' },
  source: { type: 'string', description: 'The flow in the DSL' },
  status: { type: 'string', enum: ['not_running', 'running', 'paused'] },
  version: { type: 'integer', minimum: 1 },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
};
const FLOW_REQUIRED = Object.keys(FLOW_FIELDS);

/** A flow as its routes answer it (see flowJson); a save adds its warnings. */
export const FLOW_REF = {
  $ref: registerComponentSchema('Flow', {
    type: 'object',
    required: FLOW_REQUIRED,
    additionalProperties: false,
    properties: { ...FLOW_FIELDS, warnings: { type: 'array', items: DSL_DIAGNOSTIC_REF, description: 'Only in the answer of a save: the warnings of the DSL check' } },
  }),
};

/** A flow in the list: with its participants per status (a status none has is left out). */
const FLOW_LIST_ITEM_REF = {
  $ref: registerComponentSchema('FlowListItem', {
    type: 'object',
    required: [...FLOW_REQUIRED, 'participants'],
    additionalProperties: false,
    properties: {
      ...FLOW_FIELDS,
      participants: { type: 'object', additionalProperties: false, properties: Object.fromEntries(PARTICIPANT_STATUSES.map((status) => [status, COUNT])) },
    },
  }),
};

export const FLOW_LIST_REF = { $ref: registerComponentSchema('FlowList', pageSchema(FLOW_LIST_ITEM_REF.$ref)) };


/** `GET /api/flows/:id/experiments` (FlowExperiments): per random split, its branches against the control. */
export const FLOW_EXPERIMENTS_REF = {
  $ref: registerComponentSchema('FlowExperiments', fixed(['items'], {
    items: {
      type: 'array',
      items: fixed(['split', 'stepId', 'branches', 'verdict'], {
        split: { type: 'string' },
        stepId: { type: 'string' },
        branches: {
          type: 'array',
          items: fixed(['name', 'participants', 'uniqueOpens', 'uniqueClicks', 'successRate'], {
            name: { type: 'string', description: 'A branch, or `holdout`' },
            participants: COUNT,
            uniqueOpens: COUNT,
            uniqueClicks: COUNT,
            successRate: RATE,
            versus: fixed(['branch', 'difference', 'ciLow', 'ciHigh', 'pValue'], {
              branch: { type: 'string', description: 'The control: the holdout, else the first branch' },
              difference: { type: 'number' },
              ciLow: { type: 'number' },
              ciHigh: { type: 'number' },
              pValue: RATE,
            }, 'Against the control, with a 95% interval; absent on the control'),
          }),
        },
        winner: fixed(['branch', 'at', 'reason'], { branch: { type: 'string' }, at: TIME, reason: { type: 'string' } }, 'Only once a winner was picked'),
        verdict: { type: 'string' },
      }),
    },
  })),
};

/** `GET /api/flows/:id/content` (FlowContent). */
export const FLOW_CONTENT_REF = {
  $ref: registerComponentSchema('FlowContent', fixed(['templates', 'forms', 'files', 'missing'], {
    templates: { type: 'array', items: fixed(['id', 'key', 'name', 'channel'], { id: ID, key: { type: 'string' }, name: { type: 'string' }, channel: { type: 'string', enum: ['email', 'sms'] } }) },
    forms: { type: 'array', items: fixed(['key', 'name'], { key: { type: 'string' }, name: { type: 'string' } }) },
    files: { type: 'array', items: fixed(['id', 'name', 'size'], { id: ID, name: { type: 'string' }, size: COUNT }) },
    missing: fixed(['templates', 'forms', 'files'], {
      templates: { type: 'array', items: fixed(['key', 'channel'], { key: { type: 'string' }, channel: { type: 'string', enum: ['email', 'sms'] } }) },
      forms: STRINGS,
      files: STRINGS,
    }, 'Names the flow uses that do not exist yet'),
  })),
};

const STEP_IMPACT = { type: 'array', items: fixed(['stepId', 'kind', 'participants'], { stepId: { type: 'string' }, kind: { type: 'string' }, participants: COUNT }) };

/** `POST /api/flows/:id/preview-edit`: the checked source and what the edit does to participants. */
export const FLOW_EDIT_PREVIEW_REF = {
  $ref: registerComponentSchema('FlowEditPreview', fixed(['source', 'changed', 'removed', 'added'], {
    source: { type: 'string', description: 'The edited source with step ids assigned' },
    changed: STEP_IMPACT,
    removed: STEP_IMPACT,
    added: { ...STRINGS, description: 'Step ids the edit adds' },
  })),
};

const PARTICIPANT_REF = {
  $ref: registerComponentSchema('FlowParticipant', fixed(
    ['id', 'personId', 'email', 'name', 'company', 'status', 'stepId', 'reason', 'enrolledAt', 'updatedAt', 'waitUntil', 'successAt', 'notes', 'experiments', 'webhooks', 'lastMessage'], {
      id: ID,
      personId: ID,
      email: { type: 'string', nullable: true },
      name: { type: 'string' },
      company: { type: 'string', nullable: true },
      status: { type: 'string', enum: [...PARTICIPANT_STATUSES] },
      stepId: { type: 'string', nullable: true },
      reason: { type: 'string', nullable: true },
      enrolledAt: TIME,
      updatedAt: TIME,
      waitUntil: { ...TIME, nullable: true },
      successAt: { ...TIME, nullable: true },
      notes: { type: 'array', items: fixed(['at', 'stepId', 'message'], { at: TIME, stepId: { type: 'string' }, message: { type: 'string' } }) },
      experiments: { type: 'object', additionalProperties: { type: 'string' }, description: 'Split step id → branch (or holdout)' },
      webhooks: { type: 'object', additionalProperties: fixed(['status', 'at'], { status: COUNT, at: TIME }), description: 'Webhook step → the status it got (0: no answer)' },
      lastMessage: {
        ...fixed(['id', 'channel', 'subject', 'status', 'at'], { id: ID, channel: { type: 'string' }, subject: { type: 'string', nullable: true }, status: { type: 'string' }, at: { ...TIME, nullable: true } }),
        nullable: true,
      },
    })),
};

export const FLOW_PARTICIPANT_LIST_REF = { $ref: registerComponentSchema('FlowParticipantList', pageSchema(PARTICIPANT_REF.$ref)) };

/** `POST /api/flows/:id/participants`: manual enrolment. */
export const FLOW_ENROLMENT_REF = {
  $ref: registerComponentSchema('FlowEnrolment', fixed(['enrolled', 'queued', 'refused'], {
    enrolled: COUNT,
    queued: { ...COUNT, description: 'Admitted to a paused flow' },
    refused: { type: 'array', items: fixed(['personId', 'reason'], { personId: ID, reason: { type: 'string', enum: REFUSAL_REASONS } }) },
  })),
};

const TARGET = { type: 'string', nullable: true, description: 'A step id; null: the end of the flow' };

/** `GET /api/flows/:id/graph`: the compiled step graph for the diagram, with each step's problems. */
export const FLOW_STEP_GRAPH_REF = {
  $ref: registerComponentSchema('FlowStepGraph', fixed(['start', 'nodes', 'edges'], {
    start: TARGET,
    nodes: {
      type: 'array',
      items: fixed(['id', 'kind', 'settings', 'next', 'problems'], {
        id: { type: 'string' },
        kind: { type: 'string' },
        settings: { type: 'object', additionalProperties: true },
        next: TARGET,
        branches: { type: 'array', items: fixed(['name', 'condition', 'next'], { name: { type: 'string' }, condition: { type: 'object', additionalProperties: true }, next: TARGET }) },
        others: {
          description: 'A split\'s `others`: on to a step, or out of the flow with its leave actions',
          oneOf: [
            fixed(['kind', 'next'], { kind: { type: 'string', enum: ['next'] }, next: TARGET }),
            fixed(['kind', 'actions'], { kind: { type: 'string', enum: ['leave'] }, actions: { type: 'array', items: { type: 'object', required: ['kind'], additionalProperties: true, properties: { kind: { type: 'string' } } } } }),
          ],
        },
        problems: {
          type: 'array',
          items: fixed(['severity', 'code', 'message'], {
            severity: { type: 'string', enum: ['error', 'warning', 'info'] }, code: { type: 'string' }, params: DIAGNOSTIC_PARAMS, message: { type: 'string' },
          }),
        },
      }),
    },
    edges: { type: 'array', items: fixed(['from', 'to'], { from: { type: 'string' }, to: TARGET, label: { type: 'string' } }) },
  })),
};

const PER_DAY = { type: 'array', items: fixed(['date', 'n'], { date: { type: 'string', format: 'date' }, n: COUNT }) };

/** `GET /api/flows/:id/stats` (FlowStats). */
export const FLOW_STATS_REF = {
  $ref: registerComponentSchema('FlowStats', fixed(['enrolled', 'byStatus', 'refused', 'bySteps', 'successRate', 'messages', 'enrolmentsPerDay', 'messagesPerDay', 'emailSteps'], {
    enrolled: COUNT,
    byStatus: { ...COUNTS, description: 'Participants per status' },
    refused: { ...COUNTS, description: 'Refusals per reason' },
    bySteps: { ...COUNTS, description: 'Active participants per step' },
    successRate: RATE,
    messages: { ...COUNTS, description: 'Messages per status' },
    enrolmentsPerDay: PER_DAY,
    messagesPerDay: PER_DAY,
    emailSteps: {
      type: 'array',
      items: fixed(['stepId', 'sent', 'delivered', 'bounced', 'opened', 'clicked', 'unsubscribed', 'complained'], {
        stepId: { type: 'string' }, sent: COUNT, delivered: COUNT, bounced: COUNT, opened: COUNT, clicked: COUNT, unsubscribed: COUNT, complained: COUNT,
      }),
    },
  })),
};

/** `GET /api/flows/:id/step-stats` (FlowStepStats). */
export const FLOW_STEP_STATS_REF = {
  $ref: registerComponentSchema('FlowStepStats', fixed(['items'], {
    items: {
      type: 'array',
      items: fixed(['stepId', 'now', 'passed', 'sent', 'opened', 'clicked'], { stepId: { type: 'string' }, now: COUNT, passed: COUNT, sent: COUNT, opened: COUNT, clicked: COUNT }),
    },
  })),
};
